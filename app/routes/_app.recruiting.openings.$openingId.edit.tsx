// Edit an opening and its pipeline stages (rename, add, reorder); applications keep their stage through every edit.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { OpeningForm } from "~/components/opening-form";
import { Badge, Button, ButtonLink, Card, PageHeader } from "~/components/ui";
import { editStages, getOpeningForEdit, OpeningSchema, StageEditSchema, updateOpening } from "~/models/opening.server";
import { requirePermission } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/responses.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readForm } from "~/utils/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.opening.title ?? "opening"} · Handoff` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "openings:edit");
  const opening = await getOpeningForEdit(params.openingId ?? "");
  invariantResponse(opening, "Not found", { status: 404 });
  return { opening };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requirePermission(request, "openings:edit");
  const opening = await getOpeningForEdit(params.openingId ?? "");
  invariantResponse(opening, "Not found", { status: 404 });
  const formData = await readForm(request);
  const here = `/recruiting/openings/${opening.id}/edit`;
  if (formData.get("intent") === "save-opening") {
    const submission = parseWithZod(formData, { schema: OpeningSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), stageError: null }, { status: 400 });
    await updateOpening(opening.id, submission.value);
    return redirectWithToast(`/recruiting/openings/${opening.id}`, { title: "Opening saved" });
  }
  const edit = StageEditSchema.safeParse(Object.fromEntries(formData));
  if (!edit.success) return data({ result: undefined, stageError: edit.error.issues[0]?.message ?? "That change was not understood" }, { status: 400 });
  const problem = await editStages(opening.id, edit.data);
  if (problem) return data({ result: undefined, stageError: problem }, { status: 400 });
  return redirectWithToast(here, { title: edit.data.intent === "add-stage" ? `Stage ${edit.data.name} added` : "Stages updated" });
}

const KIND_TONES = { ACTIVE: "neutral", HIRED: "success", REJECTED: "danger", WITHDRAWN: "warning" } as const;

export default function EditOpening() {
  const { opening } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const active = opening.stages.filter((s) => s.kind === "ACTIVE");
  return (
    <>
      <PageHeader title={`Edit: ${opening.title}`} actions={<ButtonLink to={`/recruiting/openings/${opening.id}`}>Back to pipeline</ButtonLink>} />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <OpeningForm defaults={opening} lastResult={actionData?.result} submitLabel="Save opening" />
        <div className="space-y-6">
          <Card title="Pipeline stages">
            {actionData?.stageError ? (
              <p role="alert" className="mb-3 rounded-lg border border-rose-200 bg-rose-50 p-2 text-sm text-rose-800">
                {actionData.stageError}
              </p>
            ) : null}
            <ol className="space-y-2">
              {opening.stages.map((stage) => {
                const activeIndex = active.findIndex((s) => s.id === stage.id);
                return (
                  <li key={stage.id} className="rounded-lg border border-slate-200 p-2">
                    <Form method="post" className="flex items-center gap-2">
                      <input type="hidden" name="intent" value="rename-stage" />
                      <input type="hidden" name="stageId" value={stage.id} />
                      <label className="sr-only" htmlFor={`stage-${stage.id}`}>
                        Name of stage {stage.name}
                      </label>
                      <input
                        id={`stage-${stage.id}`}
                        name="name"
                        defaultValue={stage.name}
                        maxLength={40}
                        className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 text-sm"
                      />
                      <Button type="submit" variant="ghost" className="min-h-8 px-2 py-1">
                        Rename
                      </Button>
                    </Form>
                    <div className="mt-1 flex items-center justify-between gap-2 text-xs text-slate-600">
                      <span className="flex items-center gap-2">
                        {stage.kind !== "ACTIVE" ? <Badge tone={KIND_TONES[stage.kind]}>{stage.kind.toLowerCase()}</Badge> : null}
                        {stage._count.applications} applications
                      </span>
                      {stage.kind === "ACTIVE" ? (
                        <span className="flex gap-1">
                          {(["up", "down"] as const).map((direction) => (
                            <Form method="post" key={direction}>
                              <input type="hidden" name="intent" value="move-stage" />
                              <input type="hidden" name="stageId" value={stage.id} />
                              <input type="hidden" name="direction" value={direction} />
                              <button
                                type="submit"
                                disabled={direction === "up" ? activeIndex === 0 : activeIndex === active.length - 1}
                                className="rounded border border-slate-300 px-2 py-0.5 text-slate-700 hover:bg-slate-50 disabled:opacity-40"
                                aria-label={`Move ${stage.name} ${direction}`}
                              >
                                {direction === "up" ? "↑" : "↓"}
                              </button>
                            </Form>
                          ))}
                        </span>
                      ) : null}
                    </div>
                  </li>
                );
              })}
            </ol>
            <Form method="post" className="mt-4 space-y-2 border-t border-slate-200 pt-4">
              <input type="hidden" name="intent" value="add-stage" />
              <p className="text-sm font-medium text-slate-800">Add a stage</p>
              <label className="block text-sm text-slate-700">
                Name
                <input
                  name="name"
                  required
                  maxLength={40}
                  className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                  placeholder="Reference check"
                />
              </label>
              <label className="block text-sm text-slate-700">
                After
                <select
                  name="afterStageId"
                  defaultValue={active[active.length - 1]?.id}
                  className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                >
                  {active.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </label>
              <Button type="submit" variant="secondary">
                Add stage
              </Button>
            </Form>
          </Card>
        </div>
      </div>
    </>
  );
}
