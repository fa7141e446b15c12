// Schedule: a week's draft — coverage heatmap, totals and gap to the bound, per-agent timeline, hand
// edits checked against the rules, solver runs with live progress, and publishing.
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton, FieldError, FormErrors } from "~/components/forms";
import { CalendarIcon } from "~/components/icons";
import { AgentTimeline, CoverageHeatmap, queueColor } from "~/components/schedule-views";
import { Badge, Button, Card, EmptyState, PageHeader, ProgressBar, Stat } from "~/components/ui";
import { QUEUE_UNAVAILABLE_TOAST, unlessQueueUnavailable } from "~/models/job.server";
import {
  editShift,
  findScheduleByWeek,
  nextWeekStart,
  PLANNING_TIME_ZONE,
  publishSchedule,
  ScheduleConflictError,
  ScheduleRuleError,
  startScheduleRun,
  weekStartOf,
} from "~/models/schedule.server";
import { scheduleWeekPage, timelineFilter } from "~/models/schedule-view.server";
import { ALWAYS } from "~/models/whole-form";
import { requireCan, requirePermission } from "~/utils/auth.server";
import { replyMessages, resultFor, useIsPending, useZodForm } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";
import { usePolling } from "~/utils/polling";
import { cacheThisPage, cacheUntil, notCacheable } from "~/utils/render-context.server";
import { addDays, formatInZone, localDate, parseIsoDate, parseLocalDateTime, startOfLocalDay } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Schedule · Handoff" }];

function weekFromUrl(url: URL): Date {
  const week = parseIsoDate(url.searchParams.get("week"));
  if (week) return weekStartOf(startOfLocalDay(week, PLANNING_TIME_ZONE));
  return nextWeekStart(new Date());
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  const url = new URL(request.url);
  // Kept while the tables it read are unchanged (decision 090): without ?week the week shown is the
  // next one, until the clock reaches it; a solver run's progress is in Redis, so not while one runs.
  cacheThisPage();
  if (!url.searchParams.get("week")) cacheUntil(nextWeekStart(new Date()));
  const page = await scheduleWeekPage(weekFromUrl(url), user.timeZone, timelineFilter(url), url.searchParams.get("shift"));
  if (page.schedule?.runStatus === "QUEUED" || page.schedule?.runStatus === "RUNNING") notCacheable("a solver run is in progress");
  return page;
}

/** A datetime-local value ("2026-12-07T09:00"); which instant it is depends on the editor's zone, read in the action. */
const LocalDateTime = (message: string) =>
  z.string({ error: message }).refine((value) => parseLocalDateTime(value, "UTC") !== null, `${message}, as a date and a time`);
/** Versions are Postgres integers. */
const Version = z.coerce.number({ error: "Reload the page: the schedule's version is missing." }).int().min(0).max(2_147_483_647);

const EditSchema = z
  .object({
    intent: z.literal("edit"),
    shiftId: z.string({ error: "Choose a shift in the timeline." }).max(100),
    version: Version,
    queue: z.string({ error: "Choose a queue" }).max(60),
    start: LocalDateTime("Pick a start"),
    end: LocalDateTime("Pick an end"),
    /** Blank: no break. */
    breakStart: LocalDateTime("Pick the break's start").optional(),
    breakMinutes: z.coerce.number({ error: "Minutes, 0 to 120" }).int().min(0).max(120).default(30),
  })
  .superRefine((v, ctx) => {
    // Same format on both sides, so the strings compare as the times do.
    if (typeof v.start === "string" && typeof v.end === "string" && v.end <= v.start)
      ctx.addIssue({ code: "custom", path: ["end"], message: "The end must be after the start" });
  }, ALWAYS);

/** The page's forms, told apart by `intent`. */
const ScheduleFormSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("run") }), z.object({ intent: z.literal("publish"), version: Version }), EditSchema],
  { error: "That request was not understood." },
);

const PERMISSION_OF = { run: "planning:run", publish: "schedule:publish", edit: "schedule:edit" } as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  const url = new URL(request.url);
  const weekStart = weekFromUrl(url);
  const here = `/planning/schedule?week=${localDate(weekStart, PLANNING_TIME_ZONE)}`;
  const formData = await readForm(request);
  // What the intent may do is checked before the form is: a refused person learns nothing about its fields.
  const asked = formData.get("intent");
  requireCan(user, asked === "run" || asked === "publish" ? PERMISSION_OF[asked] : PERMISSION_OF.edit);
  const submission = parseWithZod(formData, { schema: ScheduleFormSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const form = submission.value;

  if (form.intent === "run") {
    const started = await unlessQueueUnavailable(() => startScheduleRun(weekStart, user.name));
    if (!started) return redirectWithToast(here, QUEUE_UNAVAILABLE_TOAST);
    return redirectWithToast(here, { title: "Schedule run started", description: "The solver searches for the best cover; progress shows below." });
  }
  const schedule = await findScheduleByWeek(weekStart);
  if (!schedule) return replyInvalid(submission, { formErrors: ["There is no schedule for this week yet: run it first."], status: 404 });
  if (form.intent === "publish") {
    try {
      const result = await publishSchedule(schedule.id, form.version);
      return redirectWithToast(here, {
        title: "Schedule published",
        description: result.notified
          ? `${result.notified} agents were told about their changed shifts.`
          : `${result.published} shifts are now visible to agents.`,
      });
    } catch (error) {
      if (error instanceof ScheduleConflictError) return replyInvalid(submission, { formErrors: [error.message], status: 409 });
      throw error;
    }
  }
  // The times are read in the editor's zone (the page shows them so).
  const start = parseLocalDateTime(form.start, user.timeZone);
  const end = parseLocalDateTime(form.end, user.timeZone);
  const breakStart = form.breakStart ? parseLocalDateTime(form.breakStart, user.timeZone) : null;
  if (!start || !end || (form.breakStart && !breakStart)) return replyInvalid(submission, { formErrors: ["Times must be dates with hours and minutes."] });
  try {
    await editShift(
      schedule.id,
      form.version,
      {
        shiftId: form.shiftId,
        queueKey: form.queue,
        start,
        end,
        breaks: breakStart ? [{ start: breakStart, end: new Date(breakStart.getTime() + form.breakMinutes * 60_000) }] : [],
      },
      user.name,
      user.timeZone,
    );
  } catch (error) {
    // Each broken rule is its own line under the lead message.
    if (error instanceof ScheduleRuleError)
      return replyInvalid(submission, { formErrors: ["This change breaks a rule, so it was not saved:", ...error.violations] });
    if (error instanceof ScheduleConflictError) return replyInvalid(submission, { formErrors: [error.message], status: 409 });
    throw error;
  }
  return redirectWithToast(here, { title: "Shift updated", description: "The draft changed; publish to show it to the agent." });
}

export default function SchedulePage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The one-button forms (run, publish) show their refusals here; the shift editor shows its own.
  const buttonErrors = [...replyMessages(resultFor(actionData, "run")), ...replyMessages(resultFor(actionData, "publish"))];
  const running = d.schedule?.runStatus === "QUEUED" || d.schedule?.runStatus === "RUNNING";
  usePolling(running);
  const weekLink = (days: number) => `?week=${addDays(d.week, days)}`;
  const canPublish =
    d.schedule &&
    d.schedule.runStatus !== "QUEUED" &&
    d.schedule.runStatus !== "RUNNING" &&
    d.shiftAgents > 0 &&
    (d.schedule.status === "DRAFT" || d.changed > 0);

  return (
    <>
      <PageHeader
        title="Schedule"
        description={`Week of ${d.weekLabel}. Times in ${d.timeZone.replace("_", " ")} (${d.zone}).`}
        actions={
          <>
            <div className="flex items-center gap-1">
              <Link to={weekLink(-7)} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm" aria-label="Previous week">
                ←
              </Link>
              <Link to={weekLink(7)} className="rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm" aria-label="Next week">
                →
              </Link>
            </div>
            <ActionButton intent="run" variant="secondary" disabled={running || !d.hasRequirement}>
              {d.shiftAgents ? "Re-run schedule" : "Run schedule"}
            </ActionButton>
            {d.schedule ? (
              <ActionButton intent="publish" values={{ version: String(d.schedule.version) }} disabled={!canPublish}>
                {d.schedule.publishedVersion ? `Publish changes${d.changed ? ` (${d.changed})` : ""}` : "Publish"}
              </ActionButton>
            ) : null}
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        {d.schedule ? (
          <>
            <Badge tone={d.schedule.status === "PUBLISHED" ? "success" : "warning"}>{d.schedule.status === "PUBLISHED" ? "Published" : "Draft"}</Badge>
            <span className="text-slate-600">
              version {d.schedule.version}
              {d.schedule.publishedAt ? ` · last published ${formatInZone(d.schedule.publishedAt, d.timeZone)}` : " · never published"}
              {d.schedule.publishedVersion && d.changed ? ` · ${d.changed} shifts changed since` : ""}
            </span>
          </>
        ) : (
          <span className="text-slate-600">No schedule for this week yet.</span>
        )}
        <span className="text-slate-600">· {d.agentsAvailable} agents available</span>
      </div>
      {d.schedule && d.shiftAgents > 0 ? (
        <p className="-mt-2 mb-4 text-sm text-slate-600" data-testid="schedule-rules">
          {d.rules.built ? (
            <>
              Built with{" "}
              <Link to={`/planning/rules?version=${d.rules.built.version}`} className="text-brand-700 underline">
                labour rules version {d.rules.built.version}
              </Link>{" "}
              ({d.rules.built.by}, {d.rules.built.at}); edits and swaps are checked against it.
              {d.rules.current && d.rules.current !== d.rules.built.version ? (
                <span className="font-medium text-amber-800"> The rules are now at version {d.rules.current}: re-run to apply them.</span>
              ) : null}
            </>
          ) : (
            <>
              Built before labour rules were versioned; edits are checked against the{" "}
              <Link to="/planning/rules" className="text-brand-700 underline">
                current rules
              </Link>
              .
            </>
          )}
        </p>
      ) : null}
      {d.leavers.length ? (
        <div className="mb-4 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="leavers">
          <p className="font-medium">Published shifts of people who have left</p>
          <ul className="mt-1 list-disc pl-5">
            {d.leavers.map((l) => (
              <li key={l.name}>
                {l.name}
                {l.leftAt ? ` (last working day ${l.leftAt})` : " (deactivated)"} still has {l.shifts} published shift{l.shifts === 1 ? "" : "s"}, the first{" "}
                {l.from}.
              </li>
            ))}
          </ul>
          <p className="mt-1">Re-run this week and publish it, so others cover them; agents are told when you publish.</p>
        </div>
      ) : null}
      <div className="mb-4 empty:hidden">
        <FormErrors errors={buttonErrors} />
      </div>
      {running ? (
        <Card className="mb-4">
          <p className="mb-2 text-sm font-medium text-slate-900">{d.schedule?.runStatus === "QUEUED" ? "Waiting for a worker…" : "Building the schedule…"}</p>
          <div className="max-w-md">
            <ProgressBar value={d.schedule?.progress ?? 0} label="Schedule progress" />
          </div>
        </Card>
      ) : null}
      {d.schedule?.runStatus === "FAILED" ? (
        <p role="alert" className="mb-4 rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
          The last schedule run failed: {d.schedule.error}
        </p>
      ) : null}
      {!d.hasRequirement ? (
        <EmptyState
          icon={<CalendarIcon />}
          title="No forecast covers this week"
          action={
            <Link to="/planning/forecast" className="text-brand-700 underline">
              Open the forecast
            </Link>
          }
        >
          Run a forecast that reaches this week; its agents required are what the schedule covers.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {d.summary ? (
            <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
              <Stat
                label="Requirement covered"
                value={`${(d.summary.coverage * 100).toFixed(1)} %`}
                hint={`best possible ≤ ${(d.summary.bound * 100).toFixed(1)} %`}
              />
              <Stat label="Gap to the bound" value={`${((d.summary.bound - d.summary.coverage) * 100).toFixed(2)} pts`} hint="how far from provably optimal" />
              <Stat label="Under-covered" value={`${d.summary.underHours.toFixed(0)} h`} hint="agent hours short" />
              <Stat label="Over-covered" value={`${d.summary.overHours.toFixed(0)} h`} hint="agent hours beyond need" />
              <Stat label="Below contract minimum" value={`${d.summary.shortfallHours.toFixed(0)} h`} hint={`solver ran ${d.summary.seconds.toFixed(0)} s`} />
            </div>
          ) : null}
          <Card title="Coverage: scheduled − required, per hour">
            <CoverageHeatmap rows={d.coverage} weekStart={d.weekStart} timeZone={d.timeZone} intervalsPerHour={1} />
          </Card>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title="Worst under-covered intervals">
              {d.worst.length ? (
                <ol className="space-y-2 text-sm" data-testid="worst-intervals">
                  {d.worst.map((w) => (
                    <li key={`${w.queue}-${w.at}`} className="flex justify-between gap-2">
                      <span>
                        <span className="font-medium">{w.queue}</span> {w.at}
                      </span>
                      <span className="whitespace-nowrap tabular-nums text-rose-700">
                        {w.short} of {w.required} short
                      </span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="text-sm text-slate-600">Every interval is covered.</p>
              )}
            </Card>
            {d.selected && d.schedule ? (
              <ShiftEditor key={d.selected.id} shift={d.selected} version={d.schedule.version} queues={d.queues} zone={d.zone} />
            ) : (
              <Card title="Edit a shift">
                <p className="text-sm text-slate-600">
                  Click a shift in the timeline below to move it, change its queue or its break. Every edit is checked against the same rules as the solver.
                </p>
              </Card>
            )}
          </div>
          <Card title={`Agents (${d.shiftAgents} with shifts)`}>
            {d.shiftAgents ? <Timeline d={d} /> : <p className="text-sm text-slate-600">Run the schedule to place shifts.</p>}
          </Card>
        </div>
      )}
    </>
  );
}

/** The timeline, a page of agents at a time (a week of 2,000 agents is not drawn at once), filtered by name or queue. */
function Timeline({ d }: { d: ReturnType<typeof useLoaderData<typeof loader>> }) {
  const t = d.timeline;
  const link = (changes: Record<string, string | number>) => {
    const params = new URLSearchParams({ week: d.week, q: t.q, queue: t.queue, agents: String(t.page), ...changes });
    for (const [k, v] of [...params]) if (!v || (k === "agents" && v === "1")) params.delete(k);
    return `?${params}`;
  };
  const first = (t.page - 1) * t.pageSize + 1;
  return (
    <>
      <Form method="get" className="mb-3 flex flex-wrap items-end gap-3" role="search" aria-label="Find agents in the timeline">
        <input type="hidden" name="week" value={d.week} />
        <label className="text-sm font-medium text-slate-800">
          Agent name
          <input
            type="search"
            name="q"
            defaultValue={t.q}
            placeholder="e.g. Aino"
            className="mt-1 block w-48 rounded-lg border border-slate-300 px-3 py-1.5 text-sm"
          />
        </label>
        <label className="text-sm font-medium text-slate-800">
          Queue
          <select name="queue" defaultValue={t.queue} className="mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm">
            <option value="">All queues</option>
            {d.queues.map((q) => (
              <option key={q}>{q}</option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          Show
        </Button>
        {t.q || t.queue ? (
          <Link to={`?week=${d.week}`} className="py-2 text-sm text-brand-700 underline">
            Clear
          </Link>
        ) : null}
      </Form>
      {t.agents.length ? (
        <AgentTimeline
          agents={t.agents}
          queues={d.queues}
          weekStart={d.weekStart}
          timeZone={d.timeZone}
          editLink={(id) => `${link({ shift: id })}#edit-shift`}
        />
      ) : (
        <p className="text-sm text-slate-600">No agent with shifts matches.</p>
      )}
      <nav className="mt-2 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600" aria-label="Timeline pages">
        <span>
          {t.matching ? `Agents ${first}–${first + t.agents.length - 1} of ${t.matching}` : "No agents"}
          {t.q || t.queue ? " matching" : ""}, by name
        </span>
        {t.pages > 1 ? (
          <span className="flex items-center gap-2">
            {t.page > 1 ? (
              <Link to={link({ agents: t.page - 1 })} className="rounded-lg border border-slate-300 bg-white px-3 py-1.5">
                ← Previous
              </Link>
            ) : null}
            <span>
              page {t.page} of {t.pages}
            </span>
            {t.page < t.pages ? (
              <Link to={link({ agents: t.page + 1 })} className="rounded-lg border border-slate-300 bg-white px-3 py-1.5">
                Next →
              </Link>
            ) : null}
          </span>
        ) : null}
      </nav>
      <p className="mt-2 flex flex-wrap gap-3 text-xs text-slate-600">
        {d.queues.map((q) => (
          <span key={q} className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="h-3 w-3 rounded-sm" style={{ backgroundColor: queueColor(d.queues, q) }} />
            {q}
          </span>
        ))}
        <span>· white notch = break · outlined = edited by hand · click a shift to edit it</span>
      </p>
    </>
  );
}

function ShiftEditor({
  shift,
  version,
  queues,
  zone,
}: {
  shift: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["selected"]>;
  version: number;
  queues: string[];
  zone: string;
}) {
  const reply = resultFor(useActionData<typeof action>(), "edit");
  // The editor is this shift's: a reply about another shift (the page's address changed meanwhile) is not shown here.
  const [form, fields] = useZodForm(EditSchema, {
    id: "edit-shift",
    lastResult: reply?.initialValue?.shiftId === shift.id ? reply : undefined,
    defaultValue: { queue: shift.queue, start: shift.start, end: shift.end, breakStart: shift.breakStart },
  });
  const pending = useIsPending({ intent: "edit" });
  const time = (name: "start" | "end" | "breakStart", label: string) => (
    <div>
      <label htmlFor={fields[name].id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        {...getInputProps(fields[name], { type: "datetime-local" })}
        step={900}
        aria-describedby={fields[name].errors?.length ? fields[name].errorId : undefined}
        className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-rose-400"
      />
      <FieldError meta={fields[name]} />
    </div>
  );
  return (
    <Card title={`Edit shift: ${shift.agent}`}>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="shiftId" value={shift.id} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="breakMinutes" value={shift.breakMinutes} />
        <p className="text-xs text-slate-600">
          Times in {zone}; the agent works in {shift.agentZone.replace("_", " ")}.
        </p>
        <FormErrors errors={form.errors} list />
        <div>
          <label htmlFor={fields.queue.id} className="block text-sm font-medium text-slate-800">
            Queue
          </label>
          <select {...getSelectProps(fields.queue)} className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
            {queues.map((q) => (
              <option key={q}>{q}</option>
            ))}
          </select>
          <FieldError meta={fields.queue} />
        </div>
        {time("start", "Start")}
        {time("end", "End")}
        {time("breakStart", `Break start (${shift.breakMinutes} min; leave empty for none)`)}
        <Button type="submit" disabled={pending}>
          Save shift
        </Button>
      </Form>
    </Card>
  );
}
