// The roster for managers: agents with their queues, contract and status, filtered and paged; record that an
// agent leaves (last working day ahead: notice given; today or earlier: they have left) or cancel a planned leaving.
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { z } from "zod";
import { FilterBar, FilterSearch, FilterSelect } from "~/components/filters";
import { ActionButton, FormErrors, SelectField, TextField } from "~/components/forms";
import { Table } from "~/components/table";
import { Badge, Button, Card, PageHeader, Stat, type BadgeTone } from "~/components/ui";
import { todayIn } from "~/models/account.server";
import { COHORT_LABELS } from "~/models/recruiting-vocabulary";
import { LEAVE_REASONS, LEAVING_AHEAD_DAYS, leavingSchema, ROSTER_STATUSES, type RosterStatus } from "~/models/leaving";
import { listQueueSettings } from "~/models/queue.server";
import { cancelLeaving, listRoster, recordLeaving, RosterFilterSchema } from "~/models/roster.server";
import { requireCan, requirePermission } from "~/utils/auth.server";
import { replyMessages, resultFor, useIsPending, useZodForm } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";
import { permitted } from "~/utils/permissions";
import { addDays, formatInZone } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Agents · Handoff" }];

/** The leaving form, for `today` (the manager's date): a last working day a year back to a year ahead, and why. */
function leaveSchema(today: string) {
  return leavingSchema(today, { future: true }).extend({ intent: z.literal("leave"), agentId: z.string().min(1).max(40) });
}
const CancelSchema = z.object({ intent: z.literal("cancel-leaving"), agentId: z.string().min(1).max(40) });
function actionSchema(today: string) {
  return z.discriminatedUnion("intent", [leaveSchema(today), CancelSchema], { error: "Unknown action; reload the page and try again." });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  const url = new URL(request.url);
  const filter = RosterFilterSchema.parse(Object.fromEntries(url.searchParams));
  const [roster, queues] = await Promise.all([listRoster(filter), listQueueSettings()]);
  const leavingId = url.searchParams.get("leave");
  const leaving = leavingId ? (roster.agents.find((a) => a.id === leavingId && a.status !== "left") ?? null) : null;
  return {
    ...roster,
    queues: queues.map((q) => ({ key: q.key, name: q.name })),
    leaving,
    today: todayIn(user.timeZone),
    can: permitted(user, ["roster:edit"]),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  requireCan(user, "roster:edit");
  const today = todayIn(user.timeZone);
  const submission = parseWithZod(await readForm(request), { schema: actionSchema(today) });
  if (submission.status !== "success") return replyInvalid(submission);
  const v = submission.value;
  const result =
    v.intent === "leave" ? await recordLeaving(v.agentId, { leftAt: v.leftAt, leaveReason: v.leaveReason }, today, user) : await cancelLeaving(v.agentId, user);
  if (!result.ok) return replyInvalid(submission, { formErrors: [result.error], status: result.error === "That agent no longer exists" ? 404 : 409 });
  // Back to the list as it was filtered, without the open form.
  const back = new URL(request.url);
  back.searchParams.delete("leave");
  return redirectWithToast(`/planning/agents${back.search}`, { title: result.message });
}

const STATUS_TONES: Record<RosterStatus, BadgeTone> = { active: "success", leaving: "warning", left: "neutral" };
const STATUS_LABELS: Record<RosterStatus, string> = { active: "Active", leaving: "Leaving", left: "Left" };
const day = (iso: string) => formatInZone(`${iso}T12:00:00Z`, "UTC", "d MMM yyyy");
const hours = (h: number) => (Number.isInteger(h) ? String(h) : h.toFixed(1));

export default function AgentsPage() {
  const { agents, total, page, pages, counts, queues, leaving, today, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const cancelErrors = replyMessages(resultFor(actionData, "cancel-leaving"));
  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    return `?${next.toString()}`;
  };
  return (
    <>
      <PageHeader
        title="Agents"
        description="Everyone on the roster: their queues, contract and status. Record here when an agent leaves, ahead of the day when they have given notice."
      />
      <div className="mb-6 grid gap-4 sm:grid-cols-3">
        <Stat label="Active" value={counts.active} hint="no leaving date" />
        <Stat label="Leaving" value={counts.leaving} hint="notice given, still working" />
        <Stat label="Left" value={counts.left} hint="kept for history and attrition" />
      </div>
      <div className="space-y-6">
        {leaving && can["roster:edit"] ? <LeavingCard key={leaving.id} agent={leaving} today={today} closeTo={withParams({ leave: null })} /> : null}
        <Card title={`Agents (${total})`}>
          <FilterBar label="Filter agents">
            <FilterSearch />
            <FilterSelect name="status" label="Status" anyLabel="Any status" options={ROSTER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
            <FilterSelect name="queue" label="Queue" anyLabel="All queues" options={queues.map((q) => ({ value: q.key, label: `${q.name} (${q.key})` }))} />
          </FilterBar>
          <div className="mb-3 empty:hidden">
            <FormErrors errors={cancelErrors} />
          </div>
          <Table
            caption="Agents with their queues, contract type, weekly hours, time zone and status"
            minWidth="860px"
            columns={[
              { label: "Name" },
              { label: "Queues" },
              { label: "Contract" },
              { label: "Hours a week", align: "right" },
              { label: "Time zone" },
              { label: "Status" },
              { label: <span className="sr-only">Actions</span> },
            ]}
          >
            {agents.map((a) => (
              <tr key={a.id} className={a.status === "left" ? "text-slate-500" : undefined} data-testid={`agent-${a.id}`}>
                <td className="px-5 py-2.5">
                  <div className="font-medium text-slate-900">{a.name}</div>
                  <div className="text-xs text-slate-600">{a.email}</div>
                </td>
                <td className="px-3 py-2.5">
                  <div className="flex flex-wrap gap-1">
                    {a.queues.length ? (
                      a.queues.map((q) => (
                        <span key={q.key} title={q.name} className="whitespace-nowrap rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700">
                          {q.key}
                        </span>
                      ))
                    ) : (
                      <span className="text-xs text-slate-600">None</span>
                    )}
                  </div>
                </td>
                <td className="whitespace-nowrap px-3 py-2.5 text-slate-700">
                  {COHORT_LABELS[a.cohort as keyof typeof COHORT_LABELS] ?? a.cohort}
                  <div className="text-xs text-slate-600">since {day(a.startDate)}</div>
                </td>
                <td className="whitespace-nowrap px-3 py-2.5 text-right tabular-nums text-slate-700">
                  {hours(a.weeklyMinHours)}–{hours(a.weeklyMaxHours)} h
                </td>
                <td className="whitespace-nowrap px-3 py-2.5 text-slate-700">{a.timeZone}</td>
                <td className="px-3 py-2.5">
                  <Badge tone={STATUS_TONES[a.status]}>{STATUS_LABELS[a.status]}</Badge>
                  {a.leftAt ? (
                    <div className="mt-1 text-xs text-slate-600">
                      <div className="whitespace-nowrap">
                        {a.status === "leaving" ? "last day" : "left after"} {day(a.leftAt)}
                      </div>
                      {a.leaveReason ? <div>{(LEAVE_REASONS[a.leaveReason as keyof typeof LEAVE_REASONS] ?? a.leaveReason).toLowerCase()}</div> : null}
                    </div>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-5 py-2.5 text-right">
                  {can["roster:edit"] && a.status !== "left" ? (
                    <div className="flex flex-col items-end gap-1">
                      <Link
                        to={withParams({ leave: a.id })}
                        preventScrollReset={false}
                        className="rounded-lg px-2 py-1 text-sm font-medium text-brand-700 underline-offset-2 hover:underline focus:outline-none focus:ring-2 focus:ring-brand-100"
                        aria-label={a.status === "leaving" ? `Change date of ${a.name}'s leaving` : `Mark as leaving: ${a.name}`}
                      >
                        {a.status === "leaving" ? "Change date" : "Mark as leaving"}
                      </Link>
                      {a.status === "leaving" ? (
                        <ActionButton intent="cancel-leaving" values={{ agentId: a.id }} variant="secondary" aria-label={`Cancel the leaving of ${a.name}`}>
                          Cancel
                        </ActionButton>
                      ) : null}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </Table>
          {agents.length === 0 ? <p className="mt-3 text-sm text-slate-600">No agents match this filter.</p> : null}
          {pages > 1 ? (
            <nav aria-label="Pages of agents" className="mt-4 flex items-center justify-between text-sm text-slate-700">
              <span>
                Page {page} of {pages} · {total} agents
              </span>
              <span className="flex gap-2">
                {page > 1 ? (
                  <Link
                    to={withParams({ page: String(page - 1), leave: null })}
                    className="rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
                    rel="prev"
                  >
                    Previous
                  </Link>
                ) : null}
                {page < pages ? (
                  <Link
                    to={withParams({ page: String(page + 1), leave: null })}
                    className="rounded-lg border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
                    rel="next"
                  >
                    Next
                  </Link>
                ) : null}
              </span>
            </nav>
          ) : null}
        </Card>
      </div>
    </>
  );
}

type RosterAgent = ReturnType<typeof useLoaderData<typeof loader>>["agents"][number];

/** Record (or change) an agent's leaving: a last working day ahead keeps them working until then. */
function LeavingCard({ agent, today, closeTo }: { agent: RosterAgent; today: string; closeTo: string }) {
  const actionData = useActionData<typeof action>();
  const schema = useMemo(() => leaveSchema(today), [today]);
  const [form, fields] = useZodForm(schema, {
    id: "leave",
    lastResult: resultFor(actionData, "leave"),
    defaultValue: { intent: "leave", agentId: agent.id, leftAt: agent.leftAt ?? addDays(today, 14), leaveReason: agent.leaveReason ?? "" },
  });
  const sending = useIsPending({ intent: "leave" });
  return (
    <Card title={`${agent.name} leaves`}>
      <Form method="post" {...getFormProps(form)} className="space-y-4" aria-label={`Record that ${agent.name} leaves`}>
        <input type="hidden" name="intent" value="leave" />
        <input type="hidden" name="agentId" value={agent.id} />
        <FormErrors errors={form.errors} id={form.errorId} />
        <p className="text-sm text-slate-700">
          A day after today: notice is given, they keep working and keep their shifts up to that day; draft shifts after it are removed now, schedule runs give
          them none after it, and they are signed out the day after. Today or earlier: they have left and are signed out now. Published shifts after the day
          stay until you re-run and publish those weeks.
        </p>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[14rem_22rem]">
          <TextField
            label="Last working day"
            meta={fields.leftAt}
            hint={`Up to ${LEAVING_AHEAD_DAYS} days ahead; today is ${day(today)}`}
            inputProps={{ ...getInputProps(fields.leftAt, { type: "date" }), min: addDays(today, -365), max: addDays(today, LEAVING_AHEAD_DAYS) }}
          />
          <SelectField
            label="Why they leave"
            meta={fields.leaveReason}
            selectProps={getSelectProps(fields.leaveReason)}
            placeholder="Choose…"
            options={Object.entries(LEAVE_REASONS).map(([value, label]) => ({ value, label }))}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="danger" disabled={sending}>
            {sending ? "Saving…" : "Record the leaving"}
          </Button>
          <Link to={closeTo} className="text-sm text-slate-700 underline">
            Close without saving
          </Link>
        </div>
      </Form>
    </Card>
  );
}
