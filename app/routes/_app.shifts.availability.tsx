// The agent's weekly availability (own time zone), hour preference and exam periods with a lower cap;
// used from the next schedule run.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Button, Card, PageHeader } from "~/components/ui";
import { getAgentForUser, updateAvailability } from "~/models/agent.server";
import { requirePermission } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/responses.server";
import { parseIsoDate, zoneAbbreviation } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";
import { minutesOfDay } from "../../jobs/planning/calendar";
import { readForm } from "~/utils/form.server";

const PlanDate = z.string().refine((value) => parseIsoDate(value) !== null, "Pick a real date");

export const meta: MetaFunction = () => [{ title: "Availability · Handoff" }];

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const TIMES = Array.from({ length: 49 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, "0")}:${i % 2 ? "30" : "00"}`);
const SLOTS = 2;
const PERIODS = 3;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "shifts:own");
  const agent = await getAgentForUser(user.id);
  invariantResponse(agent, "Your agent profile is not set up yet.", { status: 404 });
  return {
    timeZone: agent.timeZone,
    zone: zoneAbbreviation(agent.timeZone),
    availability: agent.availability,
    preferredMaxHours: agent.weeklyMaxMinutes / 60,
    minHours: agent.weeklyMinMinutes / 60,
    capPeriods: agent.capPeriods,
    student: agent.cohort === "student",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "shifts:own");
  const agent = await getAgentForUser(user.id);
  invariantResponse(agent, "Not found", { status: 404 });
  const form = await readForm(request);
  const errors: Record<string, string> = {};
  const availability: { day: number; from: string; to: string }[] = [];
  for (let day = 0; day < 7; day++) {
    const ranges: [number, number][] = [];
    for (let k = 0; k < SLOTS; k++) {
      const from = String(form.get(`d${day}s${k}from`) ?? "");
      const to = String(form.get(`d${day}s${k}to`) ?? "");
      if (!from && !to) continue;
      if (!TIMES.includes(from) || !TIMES.includes(to)) errors[`d${day}`] = `${DAYS[day]}: pick both a start and an end.`;
      else if (minutesOfDay(to) <= minutesOfDay(from)) errors[`d${day}`] = `${DAYS[day]}: the end must be after the start.`;
      else if (ranges.some(([a, b]) => minutesOfDay(from) < b && minutesOfDay(to) > a)) errors[`d${day}`] = `${DAYS[day]}: the two ranges overlap.`;
      else {
        ranges.push([minutesOfDay(from), minutesOfDay(to)]);
        availability.push({ day, from, to });
      }
    }
  }
  const hours = z.coerce
    .number()
    .min(agent.weeklyMinMinutes / 60)
    .max(60)
    .safeParse(form.get("preferredMaxHours"));
  if (!hours.success) errors.preferredMaxHours = `Between your contracted ${agent.weeklyMinMinutes / 60} h and 60 h a week.`;
  const capPeriods: { from: string; to: string; maxMinutes: number }[] = [];
  for (let k = 0; k < PERIODS; k++) {
    const from = String(form.get(`p${k}from`) ?? "");
    const to = String(form.get(`p${k}to`) ?? "");
    const max = String(form.get(`p${k}max`) ?? "");
    if (!from && !to && !max) continue;
    const parsed = z.object({ from: PlanDate, to: PlanDate, max: z.coerce.number().min(0).max(60) }).safeParse({ from, to, max });
    if (!parsed.success || parsed.data.to < parsed.data.from)
      errors[`p${k}`] = "Give a start date, an end date on or after it, and the most hours a week then.";
    else capPeriods.push({ from, to, maxMinutes: Math.round(parsed.data.max * 60) });
  }
  if (Object.keys(errors).length) return data({ errors }, { status: 400 });
  await updateAvailability(agent.id, { availability, preferredMaxMinutes: Math.round(hours.data! * 60), capPeriods });
  return redirectWithToast("/shifts/availability", { title: "Availability saved", description: "The next schedule run uses it." });
}

function TimeSelect({ name, value, label }: { name: string; value: string; label: string }) {
  return (
    <select name={name} defaultValue={value} aria-label={label} className="rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm tabular-nums">
      <option value="">—</option>
      {TIMES.map((t) => (
        <option key={t}>{t}</option>
      ))}
    </select>
  );
}

export default function AvailabilityPage() {
  const d = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors ?? {};
  const navigation = useNavigation();
  return (
    <>
      <PageHeader
        title="Availability"
        description={`When you can work each week, in your time zone (${d.timeZone.replace("_", " ")}, ${d.zone}). Changes apply from the next schedule run.`}
      />
      <Form method="post" className="space-y-5">
        {Object.keys(errors).length ? (
          <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
            <p className="font-medium">Nothing was saved. Please fix:</p>
            <ul className="mt-1 list-disc pl-5">
              {Object.values(errors).map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <Card title="Weekly hours">
          <p className="mb-2 text-sm text-slate-600">
            Up to two ranges a day in your own time zone, for example 08:00–12:00 and 17:00–21:00. Leave the second range empty when one is enough.
          </p>
          <ul className="divide-y divide-slate-100">
            {DAYS.map((day, i) => {
              const ranges = d.availability.filter((r) => r.day === i);
              return (
                <li key={day} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-2.5">
                  <span className="w-24 text-sm font-medium text-slate-900">{day}</span>
                  {Array.from({ length: SLOTS }, (_, k) => (
                    <span key={k} className="flex items-center gap-1 text-sm">
                      {k > 0 ? <span className="mr-1 text-xs font-medium text-slate-600">and</span> : null}
                      <TimeSelect name={`d${i}s${k}from`} value={ranges[k]?.from ?? ""} label={`${day}, range ${k + 1}, from`} />
                      <span aria-hidden="true">–</span>
                      <TimeSelect name={`d${i}s${k}to`} value={ranges[k]?.to ?? ""} label={`${day}, range ${k + 1}, to`} />
                    </span>
                  ))}
                  {errors[`d${i}`] ? <span className="w-full text-sm text-rose-700">{errors[`d${i}`]}</span> : null}
                </li>
              );
            })}
          </ul>
        </Card>
        <Card title="Hours per week">
          <label className="block text-sm font-medium text-slate-800" htmlFor="preferredMaxHours">
            Most hours you want a week
          </label>
          <input
            id="preferredMaxHours"
            name="preferredMaxHours"
            type="number"
            step="0.5"
            defaultValue={d.preferredMaxHours}
            className="mt-1 w-32 rounded-lg border border-slate-300 px-3 py-2 text-sm"
            aria-describedby="hours-hint"
          />
          <p id="hours-hint" className="mt-1 text-xs text-slate-600">
            Your contract guarantees at least {d.minHours} h when there is work.
          </p>
          {errors.preferredMaxHours ? <p className="mt-1 text-sm text-rose-700">{errors.preferredMaxHours}</p> : null}
        </Card>
        <Card title={d.student ? "Term, exam and holiday periods" : "Periods with fewer hours"}>
          <p className="mb-3 text-sm text-slate-600">For weeks when you can work less — exams, for example — set a lower cap.</p>
          <ul className="space-y-2">
            {Array.from({ length: PERIODS }, (_, k) => {
              const p = d.capPeriods[k];
              return (
                <li key={k} className="flex flex-wrap items-end gap-2 text-sm">
                  <label>
                    <span className="block text-xs text-slate-600">From</span>
                    <input type="date" name={`p${k}from`} defaultValue={p?.from ?? ""} className="rounded-lg border border-slate-300 px-2 py-1.5" />
                  </label>
                  <label>
                    <span className="block text-xs text-slate-600">To</span>
                    <input type="date" name={`p${k}to`} defaultValue={p?.to ?? ""} className="rounded-lg border border-slate-300 px-2 py-1.5" />
                  </label>
                  <label>
                    <span className="block text-xs text-slate-600">Most hours a week</span>
                    <input
                      type="number"
                      step="0.5"
                      name={`p${k}max`}
                      defaultValue={p ? p.maxMinutes / 60 : ""}
                      className="w-24 rounded-lg border border-slate-300 px-2 py-1.5"
                    />
                  </label>
                  {errors[`p${k}`] ? <span className="w-full text-rose-700">{errors[`p${k}`]}</span> : null}
                </li>
              );
            })}
          </ul>
        </Card>
        <Button type="submit" disabled={navigation.state === "submitting"}>
          Save availability
        </Button>
      </Form>
    </>
  );
}
