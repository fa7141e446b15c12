// Special days: closures, holidays the queue's calendar lacks, sale events — per queue or for all queues. The
// forecast job passes them to the engine beside each queue's holiday calendar (set on Queues & history).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Badge, Button, Card, EmptyState, PageHeader, type BadgeTone } from "~/components/ui";
import { listQueueSettings } from "~/models/queue.server";
import { deleteSpecialDay, listSpecialDays, saveSpecialDay, UnknownQueueError } from "~/models/special-day.server";
import { SPECIAL_DAY_KIND_LABELS, SPECIAL_DAY_KINDS as KINDS } from "~/models/special-day-kinds";
import { can } from "~/utils/permissions";
import { requireCan, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
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
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "A date, YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Not a calendar date");

const SpecialDaySchema = z
  .object({
    id: z.string().max(40).optional(),
    name: z.string().trim().min(2, "Name the day, e.g. Black Friday").max(80, "At most 80 characters"),
    kind: z.enum(KINDS, "Choose holiday, closed or event"),
    firstDay: DateField,
    lastDay: z.union([z.literal(""), DateField]),
    queue: z.string().max(60),
    multiplier: z.union([z.literal("").transform(() => null), z.coerce.number("A number such as 1.8").min(0, "0 (closed) to 10").max(10, "0 (closed) to 10")]),
  })
  .superRefine((v, ctx) => {
    const last = v.lastDay || v.firstDay;
    const days = (Date.parse(last) - Date.parse(v.firstDay)) / DAY_MS;
    if (days < 0) ctx.addIssue({ code: "custom", path: ["lastDay"], message: "The last day is before the first" });
    else if (days >= MAX_RANGE_DAYS) ctx.addIssue({ code: "custom", path: ["lastDay"], message: `At most ${MAX_RANGE_DAYS} days in one entry` });
    if (v.kind === "CLOSED" && v.multiplier !== null && v.multiplier !== 0)
      ctx.addIssue({ code: "custom", path: ["multiplier"], message: "A closed day has no volume: leave the factor empty" });
  });

type FieldErrors = Partial<Record<"name" | "kind" | "firstDay" | "lastDay" | "queue" | "multiplier" | "id", string>>;

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
    canEdit: can(user, "queues:edit"),
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
  const form = await readForm(request);
  if (form.get("intent") === "delete") {
    const id = String(form.get("id") ?? "");
    const deleted = id ? await deleteSpecialDay(user.id, id) : false;
    if (!deleted) return data({ fieldErrors: { id: "That special day was already removed. Reload the page." } as FieldErrors }, { status: 404 });
    return redirectWithToast("/planning/special-days", { title: "Special day removed", description: "The next forecast run no longer uses it." });
  }
  const parsed = SpecialDaySchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0]) as keyof FieldErrors] ??= issue.message;
    return data({ fieldErrors }, { status: 400 });
  }
  const v = parsed.data;
  try {
    const saved = await saveSpecialDay(
      user.id,
      {
        name: v.name,
        kind: v.kind,
        firstDay: new Date(`${v.firstDay}T00:00:00Z`),
        lastDay: new Date(`${v.lastDay || v.firstDay}T00:00:00Z`),
        multiplier: v.kind === "CLOSED" ? null : v.multiplier,
        queueId: v.queue === "" ? null : v.queue,
      },
      v.id || undefined,
    );
    if (!saved) return data({ fieldErrors: { id: "That special day was removed meanwhile. Reload the page." } as FieldErrors }, { status: 404 });
  } catch (error) {
    if (error instanceof UnknownQueueError) return data({ fieldErrors: { queue: error.message } as FieldErrors }, { status: 400 });
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
  return (
    <>
      <PageHeader
        title="Special days"
        description="Days that do not behave like their weekday. Each queue's public holidays come from its calendar (set on Queues & history); list closures, missing holidays and sale events here."
      />
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
                    {d.canEdit ? (
                      <div className="flex items-center gap-3">
                        <Link to={`?edit=${day.id}`} className="text-brand-700 underline" aria-label={`Edit ${day.name}`}>
                          Edit
                        </Link>
                        <Form method="post">
                          <input type="hidden" name="id" value={day.id} />
                          <Button type="submit" name="intent" value="delete" variant="secondary" aria-label={`Remove ${day.name}`}>
                            Remove
                          </Button>
                        </Form>
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
        {d.canEdit ? <SpecialDayForm key={editing?.id ?? "new"} queues={d.queues} editing={editing} errors={actionData?.fieldErrors ?? {}} /> : null}
      </div>
    </>
  );
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={id} className="mt-1 block text-sm font-normal text-rose-700">
      {message}
    </span>
  ) : null;
}

function SpecialDayForm({ queues, editing, errors }: { queues: Loaded["queues"]; editing: Loaded["days"][number] | null; errors: FieldErrors }) {
  const navigation = useNavigation();
  const input = "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm";
  const field = (name: keyof FieldErrors) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });
  return (
    <Card title={editing ? `Edit ${editing.name}` : "Add a special day"} className="self-start">
      <Form method="post" className="space-y-4" noValidate>
        {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
        <FieldError id="id-error" message={errors.id} />
        <label className="block text-sm font-medium text-slate-800">
          Name
          <input name="name" defaultValue={editing?.name ?? ""} placeholder="Black Friday" className={input} {...field("name")} />
          <FieldError id="name-error" message={errors.name} />
        </label>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Kind</legend>
          <div className="mt-1 space-y-2">
            {KINDS.map((kind) => (
              <label key={kind} className="flex gap-2 text-sm">
                <input type="radio" name="kind" value={kind} defaultChecked={(editing?.kind ?? "EVENT") === kind} className="mt-1" />
                <span>
                  <span className="font-medium text-slate-900">{SPECIAL_DAY_KIND_LABELS[kind]}</span>
                  <span className="block text-xs text-slate-600">{KIND_HELP[kind]}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id="kind-error" message={errors.kind} />
        </fieldset>
        <div className="grid grid-cols-2 gap-3">
          <label className="block text-sm font-medium text-slate-800">
            First day
            <input type="date" name="firstDay" defaultValue={editing?.firstDay ?? ""} className={input} {...field("firstDay")} />
            <FieldError id="firstDay-error" message={errors.firstDay} />
          </label>
          <label className="block text-sm font-medium text-slate-800">
            Last day <span className="font-normal text-slate-500">(optional)</span>
            <input
              type="date"
              name="lastDay"
              defaultValue={editing && editing.lastDay !== editing.firstDay ? editing.lastDay : ""}
              className={input}
              {...field("lastDay")}
            />
            <FieldError id="lastDay-error" message={errors.lastDay} />
          </label>
        </div>
        <label className="block text-sm font-medium text-slate-800">
          Queue
          <select name="queue" defaultValue={editing?.queueId ?? ""} className={input} {...field("queue")}>
            <option value="">All queues</option>
            {queues.map((q) => (
              <option key={q.id} value={q.id}>
                {q.key}
              </option>
            ))}
          </select>
          <FieldError id="queue-error" message={errors.queue} />
        </label>
        <div>
          <label className="block text-sm font-medium text-slate-800">
            Volume factor <span className="font-normal text-slate-500">(optional)</span>
            <input
              name="multiplier"
              type="number"
              step="0.05"
              min="0"
              max="10"
              defaultValue={editing?.multiplier ?? ""}
              placeholder="1.8"
              className={input}
              aria-invalid={errors.multiplier ? true : undefined}
              aria-describedby={errors.multiplier ? "multiplier-help multiplier-error" : "multiplier-help"}
            />
          </label>
          <p id="multiplier-help" className="mt-1 text-xs text-slate-600">
            × a normal day of that weekday; empty: learnt from earlier days of the same name.
          </p>
          <FieldError id="multiplier-error" message={errors.multiplier} />
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={navigation.state === "submitting"}>
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
