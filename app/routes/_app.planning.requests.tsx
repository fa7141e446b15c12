// Requests for managers: time off to approve or decline, and taken swaps to approve after the rule check.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { InboxIcon } from "~/components/icons";
import { Button, Card, EmptyState, PageHeader } from "~/components/ui";
import { approveSwap, declineSwap, SwapError, swapsAwaitingApproval } from "~/models/swap.server";
import { decideTimeOff, pendingTimeOff } from "~/models/time-off.server";
import { requirePermission } from "~/utils/auth.server";
import { formatInZone, zoneAbbreviation } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";
import { readForm } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Requests · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  const tz = user.timeZone;
  const [timeOff, swaps] = await Promise.all([pendingTimeOff(), swapsAwaitingApproval()]);
  const when = (start: Date, end: Date, zone: string) => `${formatInZone(start, zone, "EEE d MMM HH:mm")}–${formatInZone(end, zone, "EEE d MMM HH:mm")}`;
  return {
    zone: zoneAbbreviation(tz),
    timeOff: timeOff.map((t) => ({
      id: t.id,
      agent: t.agent.user.name,
      when: when(t.start, t.end, tz),
      agentWhen: t.agent.timeZone !== tz ? `${when(t.start, t.end, t.agent.timeZone)} ${zoneAbbreviation(t.agent.timeZone)} for them` : null,
      reason: t.reason,
    })),
    swaps: swaps.map((s) => ({
      id: s.id,
      when: when(s.shift.start, s.shift.end, tz),
      queue: s.shift.queue.key,
      from: s.offeredBy.user.name,
      to: s.takenBy?.user.name ?? "",
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "requests:decide");
  const form = await readForm(request);
  const id = String(form.get("id") ?? "");
  const intent = form.get("intent");
  if (intent === "approve-time-off" || intent === "decline-time-off") {
    const ok = await decideTimeOff(id, intent === "approve-time-off" ? "APPROVED" : "DECLINED", user.name);
    return redirectWithToast(
      "/planning/requests",
      ok
        ? { title: intent === "approve-time-off" ? "Time off approved" : "Time off declined", description: "The agent was told." }
        : { kind: "error", title: "That request was already decided" },
    );
  }
  if (intent === "approve-swap") {
    try {
      await approveSwap(id, user.name, user.timeZone);
    } catch (error) {
      if (error instanceof SwapError) return data({ error: `The swap breaks a rule and was not approved: ${error.message}` }, { status: 400 });
      throw error;
    }
    return redirectWithToast("/planning/requests", { title: "Swap approved", description: "Both agents see the change now." });
  }
  if (intent === "decline-swap") {
    const ok = await declineSwap(id, user.name);
    return redirectWithToast("/planning/requests", ok ? { title: "Swap declined" } : { kind: "error", title: "That swap was already decided" });
  }
  return data({ error: "That request was not understood." }, { status: 400 });
}

export default function ManagerRequests() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader title="Requests" description={`Time off and shift swaps waiting for you. Times in ${d.zone}.`} />
      {actionData?.error ? (
        <p role="alert" className="mb-4 rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
          {actionData.error}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={`Time off (${d.timeOff.length})`}>
          {d.timeOff.length ? (
            <ul className="divide-y divide-slate-100" data-testid="pending-time-off">
              {d.timeOff.map((t) => (
                <li key={t.id} className="py-3 text-sm">
                  <p className="font-medium text-slate-900">{t.agent}</p>
                  <p className="text-slate-700">{t.when}</p>
                  {t.agentWhen ? <p className="text-xs text-slate-500">{t.agentWhen}</p> : null}
                  <p className="text-slate-600">“{t.reason}”</p>
                  <div className="mt-2 flex gap-2">
                    {(["approve", "decline"] as const).map((verb) => (
                      <Form method="post" key={verb}>
                        <input type="hidden" name="intent" value={`${verb}-time-off`} />
                        <input type="hidden" name="id" value={t.id} />
                        <Button
                          type="submit"
                          variant={verb === "approve" ? "primary" : "secondary"}
                          className="min-h-8 px-3 py-1"
                          disabled={busy}
                          aria-label={`${verb === "approve" ? "Approve" : "Decline"} time off for ${t.agent}`}
                        >
                          {verb === "approve" ? "Approve" : "Decline"}
                        </Button>
                      </Form>
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState icon={<InboxIcon />} title="No time off to decide">
              Agents' requests appear here.
            </EmptyState>
          )}
        </Card>
        <Card title={`Swaps (${d.swaps.length})`}>
          {d.swaps.length ? (
            <ul className="divide-y divide-slate-100">
              {d.swaps.map((s) => (
                <li key={s.id} className="py-3 text-sm">
                  <p className="font-medium text-slate-900">
                    {s.from} → {s.to}
                  </p>
                  <p className="text-slate-700">
                    {s.when} · {s.queue}
                  </p>
                  <div className="mt-2 flex gap-2">
                    {(["approve", "decline"] as const).map((verb) => (
                      <Form method="post" key={verb}>
                        <input type="hidden" name="intent" value={`${verb}-swap`} />
                        <input type="hidden" name="id" value={s.id} />
                        <Button type="submit" variant={verb === "approve" ? "primary" : "secondary"} className="min-h-8 px-3 py-1" disabled={busy}>
                          {verb === "approve" ? "Check rules and approve" : "Decline"}
                        </Button>
                      </Form>
                    ))}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState icon={<InboxIcon />} title="No swaps to approve">
              When one agent takes a shift another offered, it waits here for your approval.
            </EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
