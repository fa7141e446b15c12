// The agent's requests: time off (request, see its state, cancel) and shift swaps (offer, take, follow).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Badge, Button, Card, PageHeader, REQUEST_TONES } from "~/components/ui";
import { getAgentForUser, publishedShifts } from "~/models/agent.server";
import { mySwaps, offerShift, openSwapsFor, SwapError, takeSwap } from "~/models/swap.server";
import { cancelTimeOff, listTimeOff, requestTimeOff } from "~/models/time-off.server";
import { requirePermission } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/responses.server";
import { formatInZone, parseLocalDateTime, zoneAbbreviation } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";
import { readForm } from "~/utils/form.server";

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

const TimeOffSchema = z.object({
  start: z.string().min(1, "Pick when it starts"),
  end: z.string().min(1, "Pick when it ends"),
  reason: z.string().trim().min(2, "Give a short reason").max(200),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "shifts:own");
  const agent = await getAgentForUser(user.id);
  invariantResponse(agent, "Not found", { status: 404 });
  const form = await readForm(request);
  const intent = form.get("intent");
  try {
    if (intent === "time-off") {
      const parsed = TimeOffSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) return data({ error: parsed.error.issues.map((i) => i.message).join(". ") }, { status: 400 });
      const start = parseLocalDateTime(parsed.data.start, agent.timeZone);
      const end = parseLocalDateTime(parsed.data.end, agent.timeZone);
      if (!start || !end || end <= start) return data({ error: "The end must be after the start." }, { status: 400 });
      await requestTimeOff(agent.id, { start, end, reason: parsed.data.reason });
      return redirectWithToast("/shifts/requests", { title: "Time off requested", description: "Your manager will approve or decline it." });
    }
    if (intent === "cancel-time-off") {
      const ok = await cancelTimeOff(agent.id, String(form.get("id")));
      return redirectWithToast("/shifts/requests", ok ? { title: "Request cancelled" } : { kind: "error", title: "Only pending requests can be cancelled" });
    }
    if (intent === "offer") {
      await offerShift(agent.id, String(form.get("publishedShiftId")));
      return redirectWithToast("/shifts/requests", {
        title: "Shift offered",
        description: "Qualified colleagues can now take it; your manager approves the swap.",
      });
    }
    if (intent === "take") {
      await takeSwap(agent.id, String(form.get("swapId")), agent.skills);
      return redirectWithToast("/shifts/requests", { title: "You asked to take the shift", description: "It is yours once your manager approves." });
    }
  } catch (error) {
    if (error instanceof SwapError) return data({ error: error.message }, { status: 400 });
    throw error;
  }
  return data({ error: "That request was not understood." }, { status: 400 });
}

export default function RequestsPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <>
      <PageHeader title="Time off & swaps" description={`Times in your zone (${d.timeZone.replace("_", " ")}, ${d.zone}).`} />
      {actionData?.error ? (
        <p role="alert" className="mb-4 rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
          {actionData.error}
        </p>
      ) : null}
      <div className="grid gap-5 lg:grid-cols-2">
        <Card title="Request time off">
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="time-off" />
            <div className="grid gap-3 sm:grid-cols-2">
              <label className="block text-sm font-medium text-slate-800">
                From
                <input
                  type="datetime-local"
                  name="start"
                  step={900}
                  required
                  className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
                />
              </label>
              <label className="block text-sm font-medium text-slate-800">
                Until
                <input
                  type="datetime-local"
                  name="end"
                  step={900}
                  required
                  className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
                />
              </label>
            </div>
            <label className="block text-sm font-medium text-slate-800">
              Reason
              <input
                name="reason"
                required
                maxLength={200}
                placeholder="e.g. Exam at the university"
                className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
              />
            </label>
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
