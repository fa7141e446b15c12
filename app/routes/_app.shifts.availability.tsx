// The agent's weekly availability (own time zone), hour preference and exam periods with a lower cap;
// used from the next schedule run.
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FieldError } from "~/components/forms";
import { Button, Card, PageHeader } from "~/components/ui";
import { getAgentForUser, updateAvailability } from "~/models/agent.server";
import { requirePermission } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/responses.server";
import { parseIsoDate, zoneAbbreviation } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";
import { ALWAYS } from "~/models/whole-form";
import { useIsPending, useZodForm } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";

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

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const clock = z.enum(TIMES as [string, ...string[]], { error: "Pick a time from the list" }).optional();
const PERIOD_MESSAGE = "Give a start date, an end date on or after it, and the most hours a week then.";

/** The form: per day up to two ranges (`days[2].ranges[1].from`), the most hours wanted, and up to three periods with a lower cap. */
function availabilitySchema(minHours: number) {
  const hoursMessage = `Between your contracted ${minHours} h and 60 h a week.`;
  return z
    .object({
      days: z
        .array(
          z
            .object({
              ranges: z
                .array(z.object({ from: clock, to: clock }).optional())
                .max(SLOTS)
                .optional(),
            })
            .optional(),
        )
        .max(7)
        .optional(),
      preferredMaxHours: z.coerce.number({ error: hoursMessage }).min(minHours, hoursMessage).max(60, hoursMessage),
      periods: z
        .array(
          z
            .object({
              from: z
                .string()
                .refine((v) => parseIsoDate(v) !== null, PERIOD_MESSAGE)
                .optional(),
              to: z
                .string()
                .refine((v) => parseIsoDate(v) !== null, PERIOD_MESSAGE)
                .optional(),
              max: z.coerce.number({ error: PERIOD_MESSAGE }).min(0, PERIOD_MESSAGE).max(60, PERIOD_MESSAGE).optional(),
            })
            .optional(),
        )
        .max(PERIODS)
        .optional(),
    })
    .superRefine((value, ctx) => {
      value.days?.forEach((day, i) => {
        const ranges: Array<[number, number]> = [];
        // Each problem sits on the range's own select, a field the form knows, so it shows on submit in the browser too.
        for (const [k, range] of (day?.ranges ?? []).entries()) {
          if (!range || (!range.from && !range.to)) continue;
          const problem =
            !range.from || !range.to ? "pick both a start and an end" : minutes(range.to) <= minutes(range.from) ? "the end must be after the start" : null;
          const [a, b] = problem ? [0, 0] : [minutes(range.from!), minutes(range.to!)];
          const overlap = !problem && ranges.some(([x, y]) => a < y && b > x);
          if (problem || overlap)
            ctx.addIssue({ code: "custom", path: ["days", i, "ranges", k, "from"], message: `${DAYS[i]}: ${problem ?? "the two ranges overlap"}.` });
          else ranges.push([a, b]);
        }
      });
      value.periods?.forEach((period, k) => {
        if (!period || (!period.from && !period.to && period.max === undefined)) return;
        if (!period.from || !period.to || period.max === undefined || period.to < period.from)
          ctx.addIssue({ code: "custom", path: ["periods", k, "from"], message: PERIOD_MESSAGE });
      });
    }, ALWAYS);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "shifts:own");
  const agent = await getAgentForUser(user.id);
  invariantResponse(agent, "Not found", { status: 404 });
  const submission = parseWithZod(await readForm(request), { schema: availabilitySchema(agent.weeklyMinMinutes / 60) });
  if (submission.status !== "success") return replyInvalid(submission);
  const { days, preferredMaxHours, periods } = submission.value;
  const availability = (days ?? []).flatMap((day, i) => (day?.ranges ?? []).flatMap((r) => (r?.from && r.to ? [{ day: i, from: r.from, to: r.to }] : [])));
  const capPeriods = (periods ?? []).flatMap((p) =>
    p?.from && p.to && p.max !== undefined ? [{ from: p.from, to: p.to, maxMinutes: Math.round(p.max * 60) }] : [],
  );
  await updateAvailability(agent.id, { availability, preferredMaxMinutes: Math.round(preferredMaxHours * 60), capPeriods });
  return redirectWithToast("/shifts/availability", { title: "Availability saved", description: "The next schedule run uses it." });
}

/** What the form last held at `path` (the loader's values, or what was sent when the server refused it), as text. */
function textAt(value: unknown, path: Array<string | number>): string {
  let at: unknown = value;
  for (const key of path) at = at && typeof at === "object" ? (at as Record<string | number, unknown>)[key] : undefined;
  return typeof at === "string" ? at : "";
}

function Errors({ messages }: { messages: string[] }) {
  return messages.length ? <span className="w-full text-sm text-rose-700">{messages.join(" ")}</span> : null;
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
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm(availabilitySchema(d.minHours), {
    id: "availability",
    lastResult: actionData?.result,
    defaultValue: {
      // Every slot is in the form, filled or empty, so each has its field.
      days: DAYS.map((_, i) => {
        const ranges = d.availability.filter((r) => r.day === i);
        return { ranges: Array.from({ length: SLOTS }, (_, k) => ({ from: ranges[k]?.from ?? "", to: ranges[k]?.to ?? "" })) };
      }),
      preferredMaxHours: String(d.preferredMaxHours),
      periods: Array.from({ length: PERIODS }, (_, k) => {
        const p = d.capPeriods[k];
        return { from: p?.from ?? "", to: p?.to ?? "", max: p ? String(p.maxMinutes / 60) : "" };
      }),
    },
  });
  const pending = useIsPending({ state: "submitting" });
  // Slots are addressed by name, not through conform's field lists: a refused form may come back with any shape.
  const initial = form.initialValue;
  const errorsUnder = (prefix: string) => Object.entries(form.allErrors).flatMap(([name, messages]) => (name.startsWith(prefix) ? messages : []));
  // The summary waits for a submit: shown on blur it would push the page (and the Save button) down under the pointer.
  const errors = form.status === "error" ? Object.values(form.allErrors).flat() : [];
  return (
    <>
      <PageHeader
        title="Availability"
        description={`When you can work each week, in your time zone (${d.timeZone.replace("_", " ")}, ${d.zone}). Changes apply from the next schedule run.`}
      />
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        {errors.length ? (
          <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
            <p className="font-medium">Nothing was saved. Please fix:</p>
            <ul className="mt-1 list-disc pl-5">
              {[...new Set(errors)].map((e) => (
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
              return (
                <li key={day} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-2.5">
                  <span className="w-24 text-sm font-medium text-slate-900">{day}</span>
                  {Array.from({ length: SLOTS }, (_, k) => (
                    <span key={k} className="flex items-center gap-1 text-sm">
                      {k > 0 ? <span className="mr-1 text-xs font-medium text-slate-600">and</span> : null}
                      <TimeSelect
                        name={`days[${i}].ranges[${k}].from`}
                        value={textAt(initial, ["days", i, "ranges", k, "from"])}
                        label={`${day}, range ${k + 1}, from`}
                      />
                      <span aria-hidden="true">–</span>
                      <TimeSelect
                        name={`days[${i}].ranges[${k}].to`}
                        value={textAt(initial, ["days", i, "ranges", k, "to"])}
                        label={`${day}, range ${k + 1}, to`}
                      />
                    </span>
                  ))}
                  <Errors messages={errorsUnder(`days[${i}]`)} />
                </li>
              );
            })}
          </ul>
        </Card>
        <Card title="Hours per week">
          <label className="block text-sm font-medium text-slate-800" htmlFor={fields.preferredMaxHours.id}>
            Most hours you want a week
          </label>
          <input
            {...getInputProps(fields.preferredMaxHours, { type: "number" })}
            step="0.5"
            className="mt-1 w-32 rounded-lg border border-slate-300 px-3 py-2 text-sm aria-[invalid=true]:border-rose-400"
            aria-describedby={fields.preferredMaxHours.errors?.length ? fields.preferredMaxHours.errorId : "hours-hint"}
          />
          <p id="hours-hint" className="mt-1 text-xs text-slate-600">
            Your contract guarantees at least {d.minHours} h when there is work.
          </p>
          <FieldError meta={fields.preferredMaxHours} />
        </Card>
        <Card title={d.student ? "Term, exam and holiday periods" : "Periods with fewer hours"}>
          <p className="mb-3 text-sm text-slate-600">For weeks when you can work less — exams, for example — set a lower cap.</p>
          <ul className="space-y-2">
            {Array.from({ length: PERIODS }, (_, k) => (
              <li key={k} className="flex flex-wrap items-end gap-2 text-sm">
                <label>
                  <span className="block text-xs text-slate-600">From</span>
                  <input
                    type="date"
                    name={`periods[${k}].from`}
                    defaultValue={textAt(initial, ["periods", k, "from"])}
                    className="rounded-lg border border-slate-300 px-2 py-1.5"
                  />
                </label>
                <label>
                  <span className="block text-xs text-slate-600">To</span>
                  <input
                    type="date"
                    name={`periods[${k}].to`}
                    defaultValue={textAt(initial, ["periods", k, "to"])}
                    className="rounded-lg border border-slate-300 px-2 py-1.5"
                  />
                </label>
                <label>
                  <span className="block text-xs text-slate-600">Most hours a week</span>
                  <input
                    type="number"
                    step="0.5"
                    name={`periods[${k}].max`}
                    defaultValue={textAt(initial, ["periods", k, "max"])}
                    className="w-24 rounded-lg border border-slate-300 px-2 py-1.5"
                  />
                </label>
                <Errors messages={[...new Set(errorsUnder(`periods[${k}]`))]} />
              </li>
            ))}
          </ul>
        </Card>
        <Button type="submit" disabled={pending}>
          Save availability
        </Button>
      </Form>
    </>
  );
}
