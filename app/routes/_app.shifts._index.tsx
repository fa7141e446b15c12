// The agent's home, phone first: the next shift prominent, the week below, all in the agent's own
// time zone, and a personal calendar feed to subscribe to.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { CalendarIcon } from "~/components/icons";
import { Button, Card, EmptyState, PageHeader } from "~/components/ui";
import { getAgentForUser, publishedShifts, rotateCalendarToken } from "~/models/agent.server";
import { requirePermission } from "~/utils/auth.server";
import { cacheThisPage, cacheUntil } from "~/utils/render-context.server";
import { invariantResponse } from "~/utils/responses.server";
import { addDays, formatInZone, localDate, startOfLocalDay, zoneAbbreviation } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "My shifts · Handoff" }];

function minuteOfDay(at: Date, timeZone: string): number {
  const [h, m] = formatInZone(at, timeZone, "HH:mm").split(":").map(Number);
  return h * 60 + m;
}

function dayLabel(date: string, today: string): string {
  if (date === today) return "Today";
  if (date === addDays(today, 1)) return "Tomorrow";
  return "";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "shifts:own");
  const agent = await getAgentForUser(user.id);
  const tz = agent?.timeZone ?? user.timeZone;
  const now = new Date();
  // Kept while the tables it read are unchanged (decision 090), until the next minute: "now" is shown
  // to the minute, and the shifts listed are those not yet over.
  cacheThisPage();
  cacheUntil(Math.floor(now.getTime() / 60_000) * 60_000 + 60_000);
  const today = localDate(now, tz);
  const base = {
    firstName: user.name.split(" ")[0],
    timeZone: tz,
    zone: zoneAbbreviation(tz, now),
    localNow: formatInZone(now, tz, "EEEE d MMMM, HH:mm"),
  };
  if (!agent) return { ...base, agent: false as const, days: [], next: null, feedUrl: null };
  const shifts = await publishedShifts(agent.id, now, startOfLocalDay(addDays(today, 15), tz));
  const view = shifts.map((s) => {
    const date = localDate(s.start, tz);
    return {
      id: s.id,
      date,
      relative: dayLabel(date, today),
      weekday: formatInZone(s.start, tz, "EEEE d MMMM"),
      time: `${formatInZone(s.start, tz, "HH:mm")}–${formatInZone(s.end, tz, "HH:mm")}`,
      queue: s.queue,
      breaks: s.breaks.map((b) => `${formatInZone(b.start, tz, "HH:mm")}–${formatInZone(b.end, tz, "HH:mm")}`),
      hours: ((s.end.getTime() - s.start.getTime()) / 60_000 - s.breaks.reduce((m, b) => m + (b.end.getTime() - b.start.getTime()) / 60_000, 0)) / 60,
      // Position in the week view: minutes after local midnight (capped at the day's end).
      from: minuteOfDay(s.start, tz),
      to: Math.min(1440, minuteOfDay(s.start, tz) + (s.end.getTime() - s.start.getTime()) / 60_000),
      breakSpans: s.breaks.map((b) => ({ from: minuteOfDay(b.start, tz), to: minuteOfDay(b.start, tz) + (b.end.getTime() - b.start.getTime()) / 60_000 })),
    };
  });
  const origin = new URL(request.url).origin;
  return {
    ...base,
    agent: true as const,
    next: view[0] ?? null,
    days: Array.from({ length: 14 }, (_, i) => {
      const date = addDays(today, i);
      return {
        date,
        label: formatInZone(startOfLocalDay(date, tz), tz, "EEE d MMM"),
        relative: dayLabel(date, today),
        shifts: view.filter((v) => v.date === date),
      };
    }),
    feedUrl: `${origin}/calendar/${agent.calendarToken}.ics`,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "shifts:own");
  const agent = await getAgentForUser(user.id);
  invariantResponse(agent, "Not found", { status: 404 });
  await rotateCalendarToken(agent.id);
  return redirectWithToast("/shifts", { title: "Calendar link replaced", description: "The old link stops working. Subscribe again with the new one." });
}

export default function MyShifts() {
  const d = useLoaderData<typeof loader>();
  const webcal = d.feedUrl?.replace(/^https?:/, "webcal:");
  return (
    <>
      <PageHeader title={`Hi ${d.firstName}`} description={`Times in your zone, ${d.timeZone.replace("_", " ")} (${d.zone}). It is ${d.localNow}.`} />
      {!d.agent ? (
        <EmptyState icon={<CalendarIcon />} title="Your agent profile is not set up yet">
          Ask your planning manager to finish your profile; your shifts appear here once you are scheduled.
        </EmptyState>
      ) : (
        <div className="space-y-5">
          {d.next ? (
            <section aria-labelledby="next-shift" className="rounded-2xl bg-brand-700 p-5 text-white shadow-sm">
              <h2 id="next-shift" className="text-sm font-medium text-brand-100">
                Next shift
              </h2>
              <p className="mt-1 text-2xl font-semibold" data-testid="next-shift">
                {d.next.relative || d.next.weekday} {d.next.time}
              </p>
              <p className="mt-1 text-brand-100">
                {d.next.queue}
                {d.next.breaks.length ? ` · break ${d.next.breaks.join(", ")}` : ""} · {d.next.hours.toFixed(1)} h
              </p>
            </section>
          ) : (
            <EmptyState icon={<CalendarIcon />} title="No shifts published yet">
              When your manager publishes the schedule, your next shift shows here first — start, end, queue and break — with the rest of your two weeks below.
            </EmptyState>
          )}
          <Card title="Week view">
            <WeekView days={d.days.slice(0, 7)} />
          </Card>
          <Card title="The next two weeks">
            <ol className="divide-y divide-slate-100" data-testid="shift-days">
              {d.days.map((day) => (
                <li key={day.date} data-date={day.date} className="flex gap-4 py-2.5">
                  <div className="w-24 shrink-0 text-sm">
                    <span className="font-medium text-slate-900">{day.label}</span>
                    {day.relative ? <span className="block text-xs text-brand-700">{day.relative}</span> : null}
                  </div>
                  <div className="flex-1 text-sm">
                    {day.shifts.length ? (
                      day.shifts.map((s) => (
                        <p key={s.id} className="text-slate-900">
                          <span className="font-semibold tabular-nums">{s.time}</span> <span className="text-slate-600">{s.queue}</span>
                          {s.breaks.length ? <span className="block text-xs text-slate-600">break {s.breaks.join(", ")}</span> : null}
                        </p>
                      ))
                    ) : (
                      <span className="text-slate-500">Free</span>
                    )}
                  </div>
                </li>
              ))}
            </ol>
          </Card>
          <Card title="Your shifts in your own calendar">
            <p className="text-sm text-slate-600">Subscribe once in Google Calendar, Apple Calendar or Outlook and published changes follow automatically.</p>
            <div className="mt-3 flex flex-wrap gap-2">
              <a
                href={webcal}
                className="inline-flex min-h-10 items-center rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
              >
                Subscribe to calendar
              </a>
              <a
                href={d.feedUrl ?? undefined}
                download="handoff-shifts.ics"
                className="inline-flex min-h-10 items-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800"
              >
                Download .ics
              </a>
            </div>
            <label className="mt-3 block text-xs font-medium text-slate-600">
              Calendar link (keep it private)
              <input
                readOnly
                value={d.feedUrl ?? ""}
                className="mt-1 block w-full rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
                onFocus={(e) => e.currentTarget.select()}
              />
            </label>
            <Form method="post" className="mt-3">
              <Button type="submit" variant="ghost" className="px-0 text-rose-700">
                Replace the link (stops the old one)
              </Button>
            </Form>
          </Card>
        </div>
      )}
    </>
  );
}

type Day = ReturnType<typeof useLoaderData<typeof loader>>["days"][number];

/** Seven columns, one per day, with shifts placed by time of day (06:00–24:00) and breaks as gaps. */
function WeekView({ days }: { days: Day[] }) {
  const first = 6 * 60;
  const span = 24 * 60 - first;
  const top = (minute: number) => `${(Math.max(0, minute - first) / span) * 100}%`;
  const height = (from: number, to: number) => `${((Math.min(to, 1440) - Math.max(from, first)) / span) * 100}%`;
  return (
    <div className="grid grid-cols-[2rem_repeat(7,minmax(0,1fr))] gap-1 text-xs" aria-hidden="true">
      <div />
      {days.map((day) => (
        <div key={day.date} className="truncate text-center font-medium text-slate-700">
          {day.label.split(" ")[0]}
          <span className="block font-normal text-slate-500">{day.label.split(" ")[1]}</span>
        </div>
      ))}
      <div className="relative h-72 text-right text-[10px] text-slate-500">
        {[6, 12, 18].map((h) => (
          <span key={h} className="absolute right-0" style={{ top: top(h * 60) }}>
            {String(h).padStart(2, "0")}
          </span>
        ))}
      </div>
      {days.map((day) => (
        <div key={day.date} className="relative h-72 rounded-md bg-slate-50">
          {day.shifts.map((s) => (
            <div
              key={s.id}
              className="absolute inset-x-0.5 overflow-hidden rounded bg-brand-600 px-0.5 text-[10px] leading-tight text-white"
              style={{ top: top(s.from), height: height(s.from, s.to) }}
            >
              {s.time.split("–")[0]}
              {s.breakSpans.map((b) => (
                <span
                  key={b.from}
                  className="absolute inset-x-0 bg-white/70"
                  style={{ top: `${((b.from - s.from) / (s.to - s.from)) * 100}%`, height: `${((b.to - b.from) / (s.to - s.from)) * 100}%` }}
                />
              ))}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
