// Edit an opening and its pipeline stages (rename, add, reorder); applications keep their stage through every edit.
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, SelectField, TextField } from "~/components/forms";
import { OpeningForm } from "~/components/opening-form";
import { Badge, Button, ButtonLink, Card, PageHeader } from "~/components/ui";
import { AddStageSchema, OpeningEditSchema } from "~/models/opening-form";
import { editStages, getOpeningForEdit, updateOpening } from "~/models/opening.server";
import { requirePermission } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/responses.server";
import { redirectWithToast } from "~/utils/toast.server";
import { replyMessages, resultFor, useIsPending, useResultFor, useZodForm } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";

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
  const submission = parseWithZod(await readForm(request), { schema: OpeningEditSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const form = submission.value;
  if (form.intent === "save-opening") {
    const { intent: _, ...input } = form;
    await updateOpening(opening.id, input);
    return redirectWithToast(`/recruiting/openings/${opening.id}`, { title: "Opening saved" });
  }
  const problem = await editStages(opening.id, form);
  if (problem) return replyInvalid(submission, { formErrors: [problem] });
  return redirectWithToast(`/recruiting/openings/${opening.id}/edit`, { title: form.intent === "add-stage" ? `Stage ${form.name} added` : "Stages updated" });
}

const KIND_TONES = { ACTIVE: "neutral", HIRED: "success", REJECTED: "danger", WITHDRAWN: "warning" } as const;

export default function EditOpening() {
  const { opening } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const active = opening.stages.filter((s) => s.kind === "ACTIVE");
  const openingResult = resultFor(actionData, "save-opening");
  // Renames and moves are small forms per stage: what refused them shows once, above the list.
  const stageErrors = openingResult || resultFor(actionData, "add-stage") ? [] : replyMessages(actionData?.result);
  return (
    <>
      <PageHeader title={`Edit: ${opening.title}`} actions={<ButtonLink to={`/recruiting/openings/${opening.id}`}>Back to pipeline</ButtonLink>} />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <OpeningForm defaults={opening} lastResult={openingResult} submitLabel="Save opening" />
        <div className="space-y-6">
          <Card title="Pipeline stages">
            <div className="mb-3 empty:hidden">
              <FormErrors errors={stageErrors} />
            </div>
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
            <AddStageForm active={active} />
          </Card>
        </div>
      </div>
    </>
  );
}

function AddStageForm({ active }: { active: Array<{ id: string; name: string }> }) {
  const [form, fields] = useZodForm(AddStageSchema, {
    id: "add-stage",
    lastResult: useResultFor("add-stage"),
    defaultValue: { afterStageId: active[active.length - 1]?.id },
  });
  const pending = useIsPending({ intent: "add-stage" });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-2 border-t border-slate-200 pt-4">
      <input type="hidden" name="intent" value="add-stage" />
      <p className="text-sm font-medium text-slate-800">Add a stage</p>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField label="Name" meta={fields.name} inputProps={{ ...getInputProps(fields.name, { type: "text" }), placeholder: "Reference check" }} />
      <SelectField
        label="After"
        meta={fields.afterStageId}
        selectProps={getSelectProps(fields.afterStageId)}
        options={active.map((s) => ({ value: s.id, label: s.name }))}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        Add stage
      </Button>
    </Form>
  );
}
