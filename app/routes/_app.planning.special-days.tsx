// Special days: closures, holidays the queue's calendar lacks, sale events — per queue or for all queues. The
// forecast job passes them to the engine beside each queue's holiday calendar (set on Queues & history).
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ActionButton, FieldError, FormErrors, SelectField, TextField } from "~/components/forms";
import { Badge, Button, Card, EmptyState, PageHeader, type BadgeTone } from "~/components/ui";
import { listQueueSettings } from "~/models/queue.server";
import { deleteSpecialDay, listSpecialDays, saveSpecialDay, UnknownQueueError } from "~/models/special-day.server";
import { SPECIAL_DAY_KIND_LABELS, SPECIAL_DAY_KINDS as KINDS } from "~/models/special-day-kinds";
import { ALWAYS } from "~/models/whole-form";
import { requireCan, requirePermission } from "~/utils/auth.server";
import { replyMessages, useIsPending, useResultFor, useZodForm } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";
import { permitted } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/toast.server";
import { holidays } from "../../jobs/forecast/holidays";

export const meta: MetaFunction = () => [{ title: "Special days · Handoff" }];

const DAY_MS = 86_400_000;
/** A range longer than this is almost certainly a typo in a year. */
const MAX_RANGE_DAYS = 62;
const KIND_HELP: Record<(typeof KINDS)[number], string> = {
  HOLIDAY: "Like a public holiday: the effect is learnt from history (closed for queues that close weekly).",
  CLOSED: "No contacts at all.",
  EVENT: "A sale or campaign: give the volume factor (1.8 = 80 % more than a normal day).",
};
const KIND_TONES: Record<(typeof KINDS)[number], BadgeTone> = { HOLIDAY: "info", CLOSED: "neutral", EVENT: "warning" };

const DateField = z
  .string({ error: "Pick a date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "A date, YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Not a calendar date");

const SpecialDaySchema = z
  .object({
    intent: z.literal("save"),
    id: z.string().max(40).optional(),
    name: z.string({ error: "Name the day, e.g. Black Friday" }).trim().min(2, "Name the day, e.g. Black Friday").max(80, "At most 80 characters"),
    kind: z.enum(KINDS, "Choose holiday, closed or event"),
    firstDay: DateField,
    /** Blank: the first day only. */
    lastDay: DateField.optional(),
    /** Blank: all queues. */
    queue: z.string().max(60).optional(),
    /** Blank: the effect is learnt from history. */
    multiplier: z.coerce.number("A number such as 1.8").min(0, "0 (closed) to 10").max(10, "0 (closed) to 10").optional(),
  })
  .superRefine((v, ctx) => {
    if (typeof v.firstDay === "string") {
      const days = (Date.parse(v.lastDay ?? v.firstDay) - Date.parse(v.firstDay)) / DAY_MS;
      if (days < 0) ctx.addIssue({ code: "custom", path: ["lastDay"], message: "The last day is before the first" });
      else if (days >= MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["lastDay"], message: `At most ${MAX_RANGE_DAYS} days in one entry` });
    }
    if (v.kind === "CLOSED" && typeof v.multiplier === "number" && v.multiplier !== 0)
      ctx.addIssue({ code: "custom", path: ["multiplier"], message: "A closed day has no volume: leave the factor empty" });
  }, ALWAYS);

/** The page's forms, told apart by `intent`. */
const SpecialDayFormSchema = z.discriminatedUnion("intent", [SpecialDaySchema, z.object({ intent: z.literal("delete"), id: z.string().max(40) })], {
  error: "That request was not understood.",
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  const [days, queues] = await Promise.all([listSpecialDays(), listQueueSettings()]);
  const year = new Date().getUTCFullYear();
  // The next public holidays of each calendar in use, so the manager sees what is already covered.
  const countries = [...new Set(queues.map((q) => q.country).filter((c): c is string => !!c))].sort();
  const today = new Date().toISOString().slice(0, 10);
  const calendars = countries.map((country) => ({
    country,
    queues: queues.filter((q) => q.country === country).map((q) => q.key),
    next: holidays(country, { from: year, to: year + 1 })
      .filter((h) => h.date >= today)
      .slice(0, 6),
  }));
  return {
    can: permitted(user, ["queues:edit"]),
    queues: queues.map((q) => ({ id: q.id, key: q.key })),
    calendars,
    days: days.map((d) => ({
      id: d.id,
      name: d.name,
      kind: d.kind,
      firstDay: d.firstDay.toISOString().slice(0, 10),
      lastDay: d.lastDay.toISOString().slice(0, 10),
      multiplier: d.multiplier,
      queueId: d.queueId,
      queueKey: d.queue?.key ?? null,
      author: d.author.name,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  requireCan(user, "queues:edit");
  const submission = parseWithZod(await readForm(request), { schema: SpecialDayFormSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const v = submission.value;
  if (v.intent === "delete") {
    if (!(await deleteSpecialDay(user.id, v.id)))
      return replyInvalid(submission, { formErrors: ["That special day was already removed. Reload the page."], status: 404 });
    return redirectWithToast("/planning/special-days", { title: "Special day removed", description: "The next forecast run no longer uses it." });
  }
  try {
    const saved = await saveSpecialDay(
      user.id,
      {
        name: v.name,
        kind: v.kind,
        firstDay: new Date(`${v.firstDay}T00:00:00Z`),
        lastDay: new Date(`${v.lastDay ?? v.firstDay}T00:00:00Z`),
        multiplier: v.kind === "CLOSED" ? null : (v.multiplier ?? null),
        queueId: v.queue ?? null,
      },
      v.id,
    );
    if (!saved) return replyInvalid(submission, { formErrors: ["That special day was removed meanwhile. Reload the page."], status: 404 });
  } catch (error) {
    if (error instanceof UnknownQueueError) return replyInvalid(submission, { fieldErrors: { queue: [error.message] } });
    throw error;
  }
  return redirectWithToast("/planning/special-days", {
    title: v.id ? `${v.name} saved` : `${v.name} added`,
    description: "The next forecast run uses it.",
  });
}

function formatRange(first: string, last: string) {
  const fmt = (s: string) =>
    new Date(`${s}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return first === last ? fmt(first) : `${fmt(first)} – ${fmt(last)}`;
}

export default function SpecialDaysPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const editing = d.days.find((day) => day.id === params.get("edit")) ?? null;
  const canEdit = d.can["queues:edit"];
  return (
    <>
      <PageHeader
        title="Special days"
        description="Days that do not behave like their weekday. Each queue's public holidays come from its calendar (set on Queues & history); list closures, missing holidays and sale events here."
      />
      <div className="mb-4 empty:hidden">
        <FormErrors errors={actionData?.result?.initialValue?.intent === "delete" ? replyMessages(actionData.result) : []} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-6">
          <Card title="Listed days">
            {d.days.length === 0 ? (
              <EmptyState icon="📅" title="No special days yet">
                The forecast uses each queue&apos;s holiday calendar only.
              </EmptyState>
            ) : (
              <ul className="-mx-5 divide-y divide-slate-100">
                {d.days.map((day) => (
                  <li key={day.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-3 text-sm">
                    <div className="min-w-0 flex-1">
                      <p className="font-medium text-slate-900">
                        {day.name} <Badge tone={KIND_TONES[day.kind]}>{SPECIAL_DAY_KIND_LABELS[day.kind]}</Badge>
                      </p>
                      <p className="text-slate-600">
                        {formatRange(day.firstDay, day.lastDay)} · {day.queueKey ?? "all queues"} ·{" "}
                        {day.kind === "CLOSED" ? "no volume" : day.multiplier === null ? "effect learnt from history" : `volume × ${day.multiplier}`}
                      </p>
                      <p className="text-xs text-slate-500">Added by {day.author}</p>
                    </div>
                    {canEdit ? (
                      <div className="flex items-center gap-3">
                        <Link to={`?edit=${day.id}`} className="text-brand-700 underline" aria-label={`Edit ${day.name}`}>
                          Edit
                        </Link>
                        <ActionButton intent="delete" values={{ id: day.id }} variant="secondary" aria-label={`Remove ${day.name}`}>
                          Remove
                        </ActionButton>
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Holiday calendars in use">
            {d.calendars.length === 0 ? (
              <p className="text-sm text-slate-600">
                No queue has a holiday calendar. Set one per queue on{" "}
                <Link to="/planning/queues" className="text-brand-700 underline">
                  Queues &amp; history
                </Link>
                .
              </p>
            ) : (
              <ul className="space-y-3 text-sm">
                {d.calendars.map((c) => (
                  <li key={c.country}>
                    <p className="font-medium text-slate-900">
                      {c.country} <span className="font-normal text-slate-600">· {c.queues.join(", ")}</span>
                    </p>
                    <p className="text-slate-600">
                      Next:{" "}
                      {c.next.map((h, i) => (
                        <span key={h.date}>
                          {i > 0 ? "; " : ""}
                          {formatRange(h.date, h.date)} {h.name}
                          {h.observance === "partial" ? " (widely worked)" : ""}
                        </span>
                      ))}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        {canEdit ? <SpecialDayForm key={editing?.id ?? "new"} queues={d.queues} editing={editing} /> : null}
      </div>
    </>
  );
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function SpecialDayForm({ queues, editing }: { queues: Loaded["queues"]; editing: Loaded["days"][number] | null }) {
  const result = useResultFor("save");
  const [form, fields] = useZodForm(SpecialDaySchema, {
    id: editing ? `special-day-${editing.id}` : "special-day",
    // The reply is this form's when it is about the same day (or, for a new one, about none).
    lastResult: result?.initialValue?.id === editing?.id ? result : undefined,
    defaultValue: editing
      ? {
          name: editing.name,
          kind: editing.kind,
          firstDay: editing.firstDay,
          lastDay: editing.lastDay !== editing.firstDay ? editing.lastDay : "",
          queue: editing.queueId ?? "",
          multiplier: editing.multiplier === null ? "" : String(editing.multiplier),
        }
      : { kind: "EVENT" },
  });
  const pending = useIsPending({ intent: "save" });
  return (
    <Card title={editing ? `Edit ${editing.name}` : "Add a special day"} className="self-start">
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <input type="hidden" name="intent" value="save" />
        {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField label="Name" meta={fields.name} inputProps={{ ...getInputProps(fields.name, { type: "text" }), placeholder: "Black Friday" }} />
        <fieldset aria-describedby={fields.kind.errors?.length ? fields.kind.errorId : undefined}>
          <legend className="text-sm font-medium text-slate-800">Kind</legend>
          <div className="mt-1 space-y-2">
            {KINDS.map((kind) => (
              <label key={kind} className="flex gap-2 text-sm">
                <input type="radio" name={fields.kind.name} value={kind} defaultChecked={fields.kind.initialValue === kind} className="mt-1" />
                <span>
                  <span className="font-medium text-slate-900">{SPECIAL_DAY_KIND_LABELS[kind]}</span>
                  <span className="block text-xs text-slate-600">{KIND_HELP[kind]}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError meta={fields.kind} />
        </fieldset>
        <div className="grid grid-cols-2 gap-3">
          <TextField label="First day" meta={fields.firstDay} inputProps={getInputProps(fields.firstDay, { type: "date" })} />
          <TextField label="Last day (optional)" meta={fields.lastDay} inputProps={getInputProps(fields.lastDay, { type: "date" })} />
        </div>
        <SelectField
          label="Queue"
          meta={fields.queue}
          selectProps={getSelectProps(fields.queue)}
          placeholder="All queues"
          options={queues.map((q) => ({ value: q.id, label: q.key }))}
        />
        <TextField
          label="Volume factor (optional)"
          meta={fields.multiplier}
          inputProps={{ ...getInputProps(fields.multiplier, { type: "number" }), step: "0.05", placeholder: "1.8" }}
          hint="× a normal day of that weekday; empty: learnt from earlier days of the same name."
        />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {editing ? "Save" : "Add special day"}
          </Button>
          {editing ? (
            <Link to="/planning/special-days" className="text-sm text-brand-700 underline">
              Cancel
            </Link>
          ) : null}
        </div>
      </Form>
    </Card>
  );
}
