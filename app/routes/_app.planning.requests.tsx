// Requests for managers: time off to approve or decline, and taken swaps to approve after the rule check.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton, FormErrors } from "~/components/forms";
import { InboxIcon } from "~/components/icons";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { approveSwap, declineSwap, SwapError, swapsAwaitingApproval } from "~/models/swap.server";
import { decideTimeOff, pendingTimeOff } from "~/models/time-off.server";
import { requirePermission } from "~/utils/auth.server";
import { formatInZone, zoneAbbreviation } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";
import { replyMessages } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";
import { permitted } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "Requests · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  const tz = user.timeZone;
  const [timeOff, swaps] = await Promise.all([pendingTimeOff(), swapsAwaitingApproval()]);
  const when = (start: Date, end: Date, zone: string) => `${formatInZone(start, zone, "EEE d MMM HH:mm")}–${formatInZone(end, zone, "EEE d MMM HH:mm")}`;
  return {
    can: permitted(user, ["requests:decide"]),
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

const DecisionSchema = z.object({
  intent: z.enum(["approve-time-off", "decline-time-off", "approve-swap", "decline-swap"], { error: "That request was not understood." }),
  id: z.string({ error: "That request was not understood." }).max(100),
});

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "requests:decide");
  const submission = parseWithZod(await readForm(request), { schema: DecisionSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const { intent, id } = submission.value;
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
      if (error instanceof SwapError) return replyInvalid(submission, { formErrors: [`The swap breaks a rule and was not approved: ${error.message}`] });
      throw error;
    }
    return redirectWithToast("/planning/requests", { title: "Swap approved", description: "Both agents see the change now." });
  }
  const ok = await declineSwap(id, user.name);
  return redirectWithToast("/planning/requests", ok ? { title: "Swap declined" } : { kind: "error", title: "That swap was already decided" });
}

export default function ManagerRequests() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const decide = d.can["requests:decide"];
  return (
    <>
      <PageHeader title="Requests" description={`Time off and shift swaps waiting for you. Times in ${d.zone}.`} />
      <div className="mb-4 empty:hidden">
        <FormErrors errors={replyMessages(actionData?.result)} />
      </div>
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
                  {decide ? (
                    <div className="mt-2 flex gap-2">
                      {(["approve", "decline"] as const).map((verb) => (
                        <ActionButton
                          key={verb}
                          intent={`${verb}-time-off`}
                          values={{ id: t.id }}
                          variant={verb === "approve" ? "primary" : "secondary"}
                          className="min-h-8 px-3 py-1"
                          aria-label={`${verb === "approve" ? "Approve" : "Decline"} time off for ${t.agent}`}
                        >
                          {verb === "approve" ? "Approve" : "Decline"}
                        </ActionButton>
                      ))}
                    </div>
                  ) : null}
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
                  {decide ? (
                    <div className="mt-2 flex gap-2">
                      {(["approve", "decline"] as const).map((verb) => (
                        <ActionButton
                          key={verb}
                          intent={`${verb}-swap`}
                          values={{ id: s.id }}
                          variant={verb === "approve" ? "primary" : "secondary"}
                          className="min-h-8 px-3 py-1"
                        >
                          {verb === "approve" ? "Check rules and approve" : "Decline"}
                        </ActionButton>
                      ))}
                    </div>
                  ) : null}
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
