// The agent's requests: time off (request, see its state, cancel) and shift swaps (offer, take, follow).
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, TextField } from "~/components/forms";
import { Badge, Button, Card, PageHeader, REQUEST_TONES } from "~/components/ui";
import { getAgentForUser, publishedShifts } from "~/models/agent.server";
import { mySwaps, offerShift, openSwapsFor, SwapError, takeSwap } from "~/models/swap.server";
import { cancelTimeOff, listTimeOff, requestTimeOff } from "~/models/time-off.server";
import { requirePermission } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/responses.server";
import { formatInZone, parseLocalDateTime, zoneAbbreviation } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";
import { replyMessages, resultFor, useIsPending, useZodForm } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Time off & swaps · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "shifts:own");
  const agent = await getAgentForUser(user.id);
  invariantResponse(agent, "Your agent profile is not set up yet.", { status: 404 });
  const tz = agent.timeZone;
  const [timeOff, swaps, open, upcoming] = await Promise.all([
    listTimeOff(agent.id),
    mySwaps(agent.id),
    openSwapsFor(agent.id, agent.skills),
    publishedShifts(agent.id, new Date(), new Date(Date.now() + 28 * 86_400_000)),
  ]);
  const when = (start: Date, end: Date) =>
    `${formatInZone(start, tz, "EEE d MMM HH:mm")}–${formatInZone(end, tz, start.toDateString() === end.toDateString() ? "HH:mm" : "EEE d MMM HH:mm")}`;
  return {
    timeZone: tz,
    zone: zoneAbbreviation(tz),
    timeOff: timeOff.map((t) => ({ id: t.id, when: when(t.start, t.end), reason: t.reason, status: t.status })),
    mine: swaps.map((s) => ({
      id: s.id,
      when: when(s.shift.start, s.shift.end),
      queue: s.shift.queue.key,
      status: s.status,
      role: s.offeredById === agent.id ? ("offered" as const) : ("taken" as const),
      other: s.offeredById === agent.id ? (s.takenBy?.user.name ?? null) : s.offeredBy.user.name,
    })),
    open: open.map((s) => ({ id: s.id, when: when(s.shift.start, s.shift.end), queue: s.shift.queue.key, from: s.offeredBy.user.name })),
    upcoming: upcoming.map((s) => ({ id: s.id, label: `${when(s.start, s.end)} · ${s.queue}` })),
  };
}

const id = z.string().min(1).max(100);
const TimeOffSchema = z.object({
  intent: z.literal("time-off"),
  start: z.string({ error: "Pick when it starts" }).max(20),
  end: z.string({ error: "Pick when it ends" }).max(20),
  reason: z.string({ error: "Give a short reason" }).trim().min(2, "Give a short reason").max(200),
});
/** The page's forms, told apart by `intent`. */
const RequestSchema = z.discriminatedUnion(
  "intent",
  [
    TimeOffSchema,
    z.object({ intent: z.literal("cancel-time-off"), id }),
    z.object({ intent: z.literal("offer"), publishedShiftId: id }),
    z.object({ intent: z.literal("take"), swapId: id }),
  ],
  { error: "That request was not understood." },
);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "shifts:own");
  const agent = await getAgentForUser(user.id);
  invariantResponse(agent, "Not found", { status: 404 });
  const submission = parseWithZod(await readForm(request), { schema: RequestSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const form = submission.value;
  try {
    if (form.intent === "time-off") {
      const start = parseLocalDateTime(form.start, agent.timeZone);
      const end = parseLocalDateTime(form.end, agent.timeZone);
      if (!start) return replyInvalid(submission, { fieldErrors: { start: ["Pick when it starts"] } });
      if (!end || end <= start) return replyInvalid(submission, { fieldErrors: { end: ["The end must be after the start."] } });
      await requestTimeOff(agent.id, { start, end, reason: form.reason });
      return redirectWithToast("/shifts/requests", { title: "Time off requested", description: "Your manager will approve or decline it." });
    }
    if (form.intent === "cancel-time-off") {
      const ok = await cancelTimeOff(agent.id, form.id);
      return redirectWithToast("/shifts/requests", ok ? { title: "Request cancelled" } : { kind: "error", title: "Only pending requests can be cancelled" });
    }
    if (form.intent === "offer") {
      await offerShift(agent.id, form.publishedShiftId);
      return redirectWithToast("/shifts/requests", {
        title: "Shift offered",
        description: "Qualified colleagues can now take it; your manager approves the swap.",
      });
    }
    await takeSwap(agent.id, form.swapId, agent.skills);
    return redirectWithToast("/shifts/requests", { title: "You asked to take the shift", description: "It is yours once your manager approves." });
  } catch (error) {
    if (error instanceof SwapError) return replyInvalid(submission, { formErrors: [error.message] });
    throw error;
  }
}

export default function RequestsPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useIsPending({ state: "submitting" });
  const timeOffResult = resultFor(actionData, "time-off");
  const [timeOffForm, timeOff] = useZodForm(TimeOffSchema, { id: "time-off", lastResult: timeOffResult });
  return (
    <>
      <PageHeader title="Time off & swaps" description={`Times in your zone (${d.timeZone.replace("_", " ")}, ${d.zone}).`} />
      <div className="mb-4 empty:hidden">
        <FormErrors errors={timeOffResult ? timeOffForm.errors : replyMessages(actionData?.result)} />
      </div>
      <div className="grid gap-5 lg:grid-cols-2">
        <Card title="Request time off">
          <Form method="post" {...getFormProps(timeOffForm)} className="space-y-3">
            <input type="hidden" name="intent" value="time-off" />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField label="From" meta={timeOff.start} inputProps={{ ...getInputProps(timeOff.start, { type: "datetime-local" }), step: 900 }} />
              <TextField label="Until" meta={timeOff.end} inputProps={{ ...getInputProps(timeOff.end, { type: "datetime-local" }), step: 900 }} />
            </div>
            <TextField
              label="Reason"
              meta={timeOff.reason}
              inputProps={{ ...getInputProps(timeOff.reason, { type: "text" }), placeholder: "e.g. Exam at the university" }}
            />
            <Button type="submit" disabled={busy}>
              Request time off
            </Button>
          </Form>
          <h3 className="mt-6 text-sm font-semibold text-slate-900">Your requests</h3>
          {d.timeOff.length ? (
            <ul className="mt-2 divide-y divide-slate-100" data-testid="time-off-list">
              {d.timeOff.map((t) => (
                <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    {t.when} <span className="text-slate-600">· {t.reason}</span>
                  </span>
                  <span className="flex items-center gap-2">
                    <Badge tone={REQUEST_TONES[t.status]}>{t.status.toLowerCase()}</Badge>
                    {t.status === "PENDING" ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="cancel-time-off" />
                        <input type="hidden" name="id" value={t.id} />
                        <button type="submit" className="text-sm text-slate-600 underline">
                          Cancel
                        </button>
                      </Form>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-600">No time off requested yet.</p>
          )}
        </Card>
        <div className="space-y-5">
          <Card title="Offer one of your shifts">
            {d.upcoming.length ? (
              <Form method="post" className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="intent" value="offer" />
                <label className="min-w-0 flex-1 text-sm font-medium text-slate-800">
                  Shift
                  <select name="publishedShiftId" className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm">
                    {d.upcoming.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </label>
                <Button type="submit" variant="secondary" disabled={busy}>
                  Offer
                </Button>
              </Form>
            ) : (
              <p className="text-sm text-slate-600">You have no upcoming published shifts.</p>
            )}
          </Card>
          <Card title="Shifts colleagues offer">
            {d.open.length ? (
              <ul className="divide-y divide-slate-100">
                {d.open.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <span>
                      {s.when} · {s.queue} <span className="text-slate-600">from {s.from}</span>
                    </span>
                    <Form method="post">
                      <input type="hidden" name="intent" value="take" />
                      <input type="hidden" name="swapId" value={s.id} />
                      <Button type="submit" variant="secondary" className="min-h-8 px-3 py-1" disabled={busy}>
                        Take
                      </Button>
                    </Form>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">No open offers for your queues.</p>
            )}
          </Card>
          <Card title="Your swaps">
            {d.mine.length ? (
              <ul className="divide-y divide-slate-100">
                {d.mine.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                    <span>
                      {s.role === "offered" ? "You offered" : "You take"} {s.when} · {s.queue}
                      <span className="block text-xs text-slate-600">
                        {s.role === "offered" ? (s.other ? `taken by ${s.other}` : "nobody has taken it yet") : `from ${s.other}`}
                      </span>
                    </span>
                    <Badge tone={REQUEST_TONES[s.status]}>{s.status === "PENDING" ? (s.other ? "awaiting approval" : "open") : s.status.toLowerCase()}</Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">No swaps yet.</p>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
