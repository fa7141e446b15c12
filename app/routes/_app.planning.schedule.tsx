// Schedule: a week's draft — coverage heatmap, totals and gap to the bound, per-agent timeline, hand
// edits checked against the rules, solver runs with live progress, and publishing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { usePolling } from "~/utils/polling";
import { z } from "zod";
import { CalendarIcon } from "~/components/icons";
import { AgentTimeline, CoverageHeatmap, queueColor } from "~/components/schedule-views";
import { Badge, Button, Card, EmptyState, PageHeader, ProgressBar, Stat } from "~/components/ui";
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
import { QUEUE_UNAVAILABLE_TOAST, unlessQueueUnavailable } from "~/models/job.server";
import { requireCan, requirePermission } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/responses.server";
import { cacheThisPage, cacheUntil, notCacheable } from "~/utils/render-context.server";
import { addDays, formatInZone, localDate, parseIsoDate, parseLocalDateTime, startOfLocalDay } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";
import { readForm } from "~/utils/form.server";

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

const EditSchema = z.object({
  shiftId: z.string().min(1),
  version: z.coerce.number().int(),
  queue: z.string().min(1),
  start: z.string().min(1, "Pick a start"),
  end: z.string().min(1, "Pick an end"),
  breakStart: z.string().optional(),
  breakMinutes: z.coerce.number().int().min(0).max(120).default(30),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  const url = new URL(request.url);
  const weekStart = weekFromUrl(url);
  const here = `/planning/schedule?week=${localDate(weekStart, PLANNING_TIME_ZONE)}`;
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "run") {
    requireCan(user, "planning:run");
    const started = await unlessQueueUnavailable(() => startScheduleRun(weekStart, user.name));
    if (!started) return redirectWithToast(here, QUEUE_UNAVAILABLE_TOAST);
    return redirectWithToast(here, { title: "Schedule run started", description: "The solver searches for the best cover; progress shows below." });
  }
  if (intent === "publish") {
    requireCan(user, "schedule:publish");
    const schedule = await findScheduleByWeek(weekStart);
    invariantResponse(schedule, "Not found", { status: 404 });
    try {
      const result = await publishSchedule(schedule.id, Number(form.get("version")));
      return redirectWithToast(here, {
        title: "Schedule published",
        description: result.notified
          ? `${result.notified} agents were told about their changed shifts.`
          : `${result.published} shifts are now visible to agents.`,
      });
    } catch (error) {
      if (error instanceof ScheduleConflictError) return data({ error: error.message, violations: [] as string[] }, { status: 409 });
      throw error;
    }
  }
  if (intent === "edit") {
    requireCan(user, "schedule:edit");
    const parsed = EditSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return data({ error: "Fill in the start, end and queue of the shift.", violations: [] as string[] }, { status: 400 });
    const v = parsed.data;
    const start = parseLocalDateTime(v.start, user.timeZone);
    const end = parseLocalDateTime(v.end, user.timeZone);
    const breakStart = v.breakStart ? parseLocalDateTime(v.breakStart, user.timeZone) : null;
    if (!start || !end || (v.breakStart && !breakStart))
      return data({ error: "Times must be dates with hours and minutes.", violations: [] as string[] }, { status: 400 });
    const schedule = await findScheduleByWeek(weekStart);
    invariantResponse(schedule, "Not found", { status: 404 });
    try {
      await editShift(
        schedule.id,
        v.version,
        {
          shiftId: v.shiftId,
          queueKey: v.queue,
          start,
          end,
          breaks: breakStart ? [{ start: breakStart, end: new Date(breakStart.getTime() + v.breakMinutes * 60_000) }] : [],
        },
        user.name,
        user.timeZone,
      );
    } catch (error) {
      if (error instanceof ScheduleRuleError)
        return data({ error: "This change breaks a rule, so it was not saved:", violations: error.violations }, { status: 400 });
      if (error instanceof ScheduleConflictError) return data({ error: error.message, violations: [] as string[] }, { status: 409 });
      throw error;
    }
    return redirectWithToast(here, { title: "Shift updated", description: "The draft changed; publish to show it to the agent." });
  }
  throw redirect(here);
}

export default function SchedulePage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
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
            <Form method="post">
              <input type="hidden" name="intent" value="run" />
              <Button type="submit" variant="secondary" disabled={running || navigation.state === "submitting" || !d.hasRequirement}>
                {d.shiftAgents ? "Re-run schedule" : "Run schedule"}
              </Button>
            </Form>
            {d.schedule ? (
              <Form method="post">
                <input type="hidden" name="intent" value="publish" />
                <input type="hidden" name="version" value={d.schedule.version} />
                <Button type="submit" disabled={!canPublish || navigation.state === "submitting"}>
                  {d.schedule.publishedVersion ? `Publish changes${d.changed ? ` (${d.changed})` : ""}` : "Publish"}
                </Button>
              </Form>
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
      {actionData?.error ? (
        <div role="alert" className="mb-4 rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
          <p className="font-medium">{actionData.error}</p>
          {actionData.violations.length ? (
            <ul className="mt-1 list-disc pl-5">
              {actionData.violations.map((v) => (
                <li key={v}>{v}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
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
              <ShiftEditor shift={d.selected} version={d.schedule.version} queues={d.queues} zone={d.zone} />
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
  const navigation = useNavigation();
  return (
    <Card title={`Edit shift: ${shift.agent}`}>
      <Form method="post" id="edit-shift" className="space-y-3" key={shift.id}>
        <input type="hidden" name="intent" value="edit" />
        <input type="hidden" name="shiftId" value={shift.id} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="breakMinutes" value={shift.breakMinutes} />
        <p className="text-xs text-slate-600">
          Times in {zone}; the agent works in {shift.agentZone.replace("_", " ")}.
        </p>
        <label className="block text-sm font-medium text-slate-800">
          Queue
          <select name="queue" defaultValue={shift.queue} className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
            {queues.map((q) => (
              <option key={q}>{q}</option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium text-slate-800">
          Start
          <input
            type="datetime-local"
            name="start"
            step={900}
            defaultValue={shift.start}
            className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <label className="block text-sm font-medium text-slate-800">
          End
          <input
            type="datetime-local"
            name="end"
            step={900}
            defaultValue={shift.end}
            className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <label className="block text-sm font-medium text-slate-800">
          Break start ({shift.breakMinutes} min; leave empty for none)
          <input
            type="datetime-local"
            name="breakStart"
            step={900}
            defaultValue={shift.breakStart}
            className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <Button type="submit" disabled={navigation.state === "submitting"}>
          Save shift
        </Button>
      </Form>
    </Card>
  );
}
