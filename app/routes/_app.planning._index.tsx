// Planning home for managers: the AI-overflow trend, this week's human volume per queue, and what needs attention.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ContainmentTrendChart, DailyCoverageBars } from "~/components/charts";
import { CalendarIcon, ChartIcon } from "~/components/icons";
import { ButtonLink, Card, EmptyState, PageHeader, Stat } from "~/components/ui";
import { countRunningJobs } from "~/models/job.server";
import { historyGlance } from "~/models/volume.server";
import { pendingRequestCounts } from "~/models/swap.server";
import { PLANNING_TIME_ZONE, weekStartOf } from "~/models/schedule.server";
import { dailyHours, weekCoverage } from "~/models/schedule-view.server";
import { formatInZone, localDate } from "~/utils/time";
import { requirePermission } from "~/utils/auth.server";
import { cacheThisPage, cacheUntil } from "~/utils/render-context.server";

export const meta: MetaFunction = () => [{ title: "Planning · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  // Kept while the tables it read are unchanged (decision 090), and at most 5 s: the running jobs are
  // counted in Redis, and the week and the history's "today" come from the clock.
  cacheThisPage();
  cacheUntil(Date.now() + 5_000);
  const weekStart = weekStartOf(new Date());
  const [{ summary, trend }, runningJobs, coverage, requests] = await Promise.all([
    historyGlance(),
    countRunningJobs(),
    weekCoverage(weekStart),
    pendingRequestCounts(),
  ]);
  const week = localDate(weekStart, PLANNING_TIME_ZONE);
  return {
    firstName: user.name.split(" ")[0],
    queues: summary.queues,
    trend,
    runningJobs,
    week,
    hasRequirement: coverage.rows.some((r) => r.required.some((v) => v > 0)),
    published: coverage.schedule?.status === "PUBLISHED",
    daily: dailyHours(coverage.rows),
    worst: coverage.worst
      .slice(0, 5)
      .map((w) => ({ queue: w.queue, at: formatInZone(w.at, user.timeZone, "EEE d MMM HH:mm"), short: w.short, required: w.required })),
    requests,
  };
}

export default function PlanningHome() {
  const { firstName, queues, trend, runningJobs, week, hasRequirement, published, daily, worst, requests } = useLoaderData<typeof loader>();
  const lastWeek = trend.slice(-7);
  const prevWeek = trend.slice(-14, -7);
  const sum = (rows: typeof trend, key: "human" | "offered") => rows.reduce((acc, r) => acc + r[key], 0);
  const containment = sum(lastWeek, "offered") ? 1 - sum(lastWeek, "human") / sum(lastWeek, "offered") : null;
  const prevContainment = sum(prevWeek, "offered") ? 1 - sum(prevWeek, "human") / sum(prevWeek, "offered") : null;
  const humanChange = sum(prevWeek, "human") ? sum(lastWeek, "human") / sum(prevWeek, "human") - 1 : null;

  return (
    <>
      <PageHeader
        title={`Good to see you, ${firstName}`}
        description="This week at a glance: what the AI resolves, what is left for people, and what needs you."
      />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="AI containment, last 7 days"
          value={containment === null ? "—" : `${(containment * 100).toFixed(1)} %`}
          hint={
            prevContainment === null || containment === null
              ? "No history yet"
              : `${signed((containment - prevContainment) * 100, 1)} points vs the week before`
          }
        />
        <Stat
          label="Human contacts, last 7 days"
          value={sum(lastWeek, "human").toLocaleString("en-GB")}
          hint={humanChange === null ? "No history yet" : `${signed(humanChange * 100, 1)} % vs the week before`}
        />
        <Stat label="Queues" value={queues.length} hint="language × channel" />
        <Stat
          label="Jobs running"
          value={runningJobs}
          hint={
            <Link to="/jobs" className="text-brand-700 underline">
              Open jobs
            </Link>
          }
        />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Contacts per day and AI containment, last 6 weeks" className="lg:col-span-2">
          {trend.length ? (
            <ContainmentTrendChart points={trend} />
          ) : (
            <EmptyState
              icon={<ChartIcon />}
              title="No contact history yet"
              action={
                <ButtonLink to="/jobs" variant="primary">
                  Import demo history
                </ButtonLink>
              }
            >
              Upload history or import the demo weeks to see how much the AI resolves and what it leaves for people.
            </EmptyState>
          )}
        </Card>
        <Card title="Human contacts per queue, last 7 days">
          {queues.length ? (
            <ul className="space-y-3">
              {queues.map((q) => {
                const share = q.offered ? q.human / q.offered : 0;
                return (
                  <li key={q.id}>
                    <div className="flex items-baseline justify-between text-sm">
                      <span className="font-medium text-slate-900">{q.key}</span>
                      <span className="tabular-nums text-slate-700">
                        {q.human.toLocaleString("en-GB")} <span className="text-slate-500">of {q.offered.toLocaleString("en-GB")}</span>
                      </span>
                    </div>
                    <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
                      <div className="h-full bg-brand-600" style={{ width: `${Math.round(share * 100)}%` }} />
                    </div>
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">No queues yet.</p>
          )}
        </Card>
        <Card
          title={`This week: agent hours scheduled vs required${published ? "" : " (draft)"}`}
          className="lg:col-span-2"
          action={
            <Link to={`/planning/schedule?week=${week}`} className="text-sm text-brand-700 underline">
              Open schedule
            </Link>
          }
        >
          {hasRequirement ? (
            <>
              <div className="grid grid-cols-2 gap-x-6 gap-y-4 sm:grid-cols-3 lg:grid-cols-4">
                {daily.map((q) => (
                  <DailyCoverageBars key={q.queue} queue={q.queue} days={q.days} />
                ))}
              </div>
              <p className="mt-3 text-xs text-slate-600">Dashed outline: required · filled: scheduled (red where short).</p>
            </>
          ) : (
            <EmptyState
              icon={<CalendarIcon />}
              title="No forecast covers this week yet"
              action={
                <ButtonLink to="/planning/forecast" variant="primary">
                  Run a forecast
                </ButtonLink>
              }
            >
              A forecast turns the AI overflow into agents required; the schedule then covers it.
            </EmptyState>
          )}
        </Card>
        <div className="space-y-6">
          <Card title="Worst under-covered intervals">
            {worst.length ? (
              <ol className="space-y-2 text-sm">
                {worst.map((w) => (
                  <li key={`${w.queue}-${w.at}`}>
                    <Link to={`/planning/schedule?week=${week}`} className="flex justify-between gap-2 hover:underline">
                      <span>
                        <span className="font-medium">{w.queue}</span> {w.at}
                      </span>
                      <span className="whitespace-nowrap tabular-nums text-rose-700">{w.short} short</span>
                    </Link>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-slate-600">{hasRequirement ? "Every interval is covered." : "Nothing to cover yet."}</p>
            )}
          </Card>
          <Card title="Waiting for you">
            <ul className="space-y-2 text-sm">
              <li>
                <Link to="/planning/requests" className="flex justify-between hover:underline">
                  <span>Time-off requests</span>
                  <span className="font-semibold tabular-nums">{requests.timeOff}</span>
                </Link>
              </li>
              <li>
                <Link to="/planning/requests" className="flex justify-between hover:underline">
                  <span>Swaps to approve</span>
                  <span className="font-semibold tabular-nums">{requests.swaps}</span>
                </Link>
              </li>
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}

function signed(value: number, digits: number): string {
  const rounded = value.toFixed(digits);
  return value > 0 ? `+${rounded}` : rounded;
}
