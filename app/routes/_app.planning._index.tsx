// Planning home for managers: the AI-overflow trend, this week's human volume per queue, and what needs attention.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ContainmentTrendChart } from "~/components/charts";
import { CalendarIcon, ChartIcon } from "~/components/icons";
import { ButtonLink, Card, EmptyState, PageHeader, Stat } from "~/components/ui";
import { countRunningJobs } from "~/models/job.server";
import { queueWeekSummary } from "~/models/queue.server";
import { dailyContainment } from "~/models/volume.server";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Planning · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  const summary = await queueWeekSummary();
  const until = summary.until ? new Date(summary.until.getTime() + 1) : new Date();
  const [trend, runningJobs] = await Promise.all([dailyContainment(42, until), countRunningJobs()]);
  return { firstName: user.name.split(" ")[0], queues: summary.queues, trend, runningJobs };
}

export default function PlanningHome() {
  const { firstName, queues, trend, runningJobs } = useLoaderData<typeof loader>();
  const lastWeek = trend.slice(-7);
  const prevWeek = trend.slice(-14, -7);
  const sum = (rows: typeof trend, key: "human" | "offered") => rows.reduce((acc, r) => acc + r[key], 0);
  const containment = sum(lastWeek, "offered") ? 1 - sum(lastWeek, "human") / sum(lastWeek, "offered") : null;
  const prevContainment = sum(prevWeek, "offered") ? 1 - sum(prevWeek, "human") / sum(prevWeek, "offered") : null;
  const humanChange = sum(prevWeek, "human") ? sum(lastWeek, "human") / sum(prevWeek, "human") - 1 : null;

  return (
    <>
      <PageHeader title={`Good to see you, ${firstName}`} description="This week at a glance: what the AI resolves, what is left for people, and what needs you." />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="AI containment, last 7 days" value={containment === null ? "—" : `${(containment * 100).toFixed(1)} %`} hint={prevContainment === null || containment === null ? "No history yet" : `${signed((containment - prevContainment) * 100, 1)} points vs the week before`} />
        <Stat label="Human contacts, last 7 days" value={sum(lastWeek, "human").toLocaleString("en-GB")} hint={humanChange === null ? "No history yet" : `${signed(humanChange * 100, 1)} % vs the week before`} />
        <Stat label="Queues" value={queues.length} hint="language × channel" />
        <Stat label="Jobs running" value={runningJobs} hint={<Link to="/jobs" className="text-brand-700 underline">Open jobs</Link>} />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Contacts per day and AI containment, last 6 weeks" className="lg:col-span-2">
          {trend.length ? (
            <ContainmentTrendChart points={trend} />
          ) : (
            <EmptyState icon={<ChartIcon />} title="No contact history yet" action={<ButtonLink to="/jobs" variant="primary">Import demo history</ButtonLink>}>
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
        <Card title="Agents required vs scheduled" className="lg:col-span-3">
          <EmptyState icon={<CalendarIcon />} title="No forecast or schedule for this week yet">
            When a forecast has run, this shows agents required against agents scheduled per day and queue, with the worst
            under-covered intervals first.
          </EmptyState>
        </Card>
      </div>
    </>
  );
}

function signed(value: number, digits: number): string {
  const rounded = value.toFixed(digits);
  return value > 0 ? `+${rounded}` : rounded;
}
