// Jobs: what the worker is doing and has done — live progress, duration, result or failure reason, retry.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ActionButton, FormErrors } from "~/components/forms";
import { JobsIcon } from "~/components/icons";
import { Table } from "~/components/table";
import { Badge, Card, EmptyState, PageHeader, ProgressBar, type BadgeTone } from "~/components/ui";
import { listRecentJobs, QUEUE_UNAVAILABLE_TOAST, retryJob, startDemoHistoryImport, unlessQueueUnavailable } from "~/models/job.server";
import { requirePermission } from "~/utils/auth.server";
import { permitted } from "~/utils/permissions";
import { formatDuration, formatInZone } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";
import { replyMessages } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";
import { usePolling } from "~/utils/polling";

export const meta: MetaFunction = () => [{ title: "Jobs · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "jobs:view");
  const { jobs, queues } = await listRecentJobs();
  return { jobs, queues, timeZone: user.timeZone, can: permitted(user, ["jobs:run"]) };
}

const ActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("import-demo-history"), weeks: z.coerce.number().int().min(1).max(26).default(12) }),
    z.object({ intent: z.literal("retry"), queue: z.string().min(1).max(60), jobId: z.string().min(1).max(100) }),
  ],
  { error: "That request was not understood. Reload the page and try again." },
);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "jobs:run");
  const submission = parseWithZod(await readForm(request), { schema: ActionSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const form = submission.value;
  if (form.intent === "import-demo-history") {
    const job = await unlessQueueUnavailable(() => startDemoHistoryImport(form.weeks, user.name));
    if (!job) return redirectWithToast("/jobs", QUEUE_UNAVAILABLE_TOAST);
    return redirectWithToast("/jobs", { title: "Demo history import queued", description: `Job ${job.id}: ${form.weeks} weeks for every demo queue.` });
  }
  const outcome = await retryJob(form.queue, form.jobId);
  if (outcome !== "retried") {
    return redirectWithToast("/jobs", { kind: "error", title: outcome === "not-found" ? "That job no longer exists" : "Only failed jobs can be retried" });
  }
  return redirectWithToast("/jobs", { title: `Job ${form.jobId} queued again` });
}

const STATE_TONES: Record<string, BadgeTone> = {
  active: "info",
  waiting: "neutral",
  delayed: "warning",
  prioritized: "neutral",
  completed: "success",
  failed: "danger",
};

export default function JobsPage() {
  const { jobs, queues, timeZone, can } = useLoaderData<typeof loader>();
  const canRun = can["jobs:run"];
  const actionData = useActionData<typeof action>();
  // Poll while something runs so progress bars move; delayed jobs are mostly next occurrences of recurring runs, which do not move.
  const live = jobs.some((job) => job.state === "active" || job.state === "waiting");
  usePolling(live);

  return (
    <>
      <PageHeader
        title="Jobs"
        description="Forecasts, schedules and imports run in the background. Progress updates live while a job runs."
        actions={
          canRun ? (
            <ActionButton intent="import-demo-history" values={{ weeks: "12" }}>
              Import demo history
            </ActionButton>
          ) : null
        }
      />
      <div className="mb-4 empty:hidden">
        <FormErrors errors={replyMessages(actionData?.result)} />
      </div>
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {queues.map((queue) => (
          <Card key={queue.name} title={queue.label}>
            <p className="text-sm text-slate-600">{queue.description}</p>
            <dl className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {(["active", "waiting", "completed", "failed"] as const).map((state) => (
                <div key={state} className="flex gap-1">
                  <dt className="capitalize text-slate-600">{state}</dt>
                  <dd className="font-semibold tabular-nums">{queue.counts[state] ?? 0}</dd>
                </div>
              ))}
            </dl>
          </Card>
        ))}
      </div>
      <Card title="Recent jobs" action={live ? <Badge tone="info">Live</Badge> : null}>
        {jobs.length === 0 ? (
          <EmptyState icon={<JobsIcon />} title="No jobs yet">
            Jobs appear here when someone runs a forecast, a schedule or an import.
          </EmptyState>
        ) : (
          <Table
            caption="Recent background jobs, newest first"
            minWidth="760px"
            columns={[
              { label: "Job" },
              { label: "State" },
              { label: "Progress", className: "w-56" },
              { label: "Started" },
              { label: "Duration" },
              { label: "Result" },
            ]}
          >
            {jobs.map((job) => (
              <tr key={`${job.queue}:${job.id}`} data-testid="job-row" data-state={job.state}>
                <td className="px-5 py-3 align-top">
                  <div className="font-medium text-slate-900">{job.label}</div>
                  <div className="text-xs text-slate-500">
                    #{job.id}
                    {job.requestedBy ? ` · by ${job.requestedBy}` : ""}
                  </div>
                </td>
                <td className="px-3 py-3 align-top">
                  <Badge tone={STATE_TONES[job.state] ?? "neutral"}>{job.state}</Badge>
                  {job.attemptsMade > 1 || job.state === "failed" ? (
                    <div className="mt-1 text-xs text-slate-500">
                      attempt {job.attemptsMade} of {job.maxAttempts}
                    </div>
                  ) : null}
                </td>
                <td className="px-3 py-3 align-top">
                  <ProgressBar value={job.progress} label={`Progress of ${job.label} #${job.id}`} />
                </td>
                <td className="px-3 py-3 align-top tabular-nums text-slate-700">
                  {job.state === "delayed" && job.runAt ? (
                    <span>due {formatInZone(job.runAt, timeZone)}</span>
                  ) : (
                    formatInZone(job.startedAt ?? job.createdAt, timeZone)
                  )}
                </td>
                <td className="px-3 py-3 align-top tabular-nums text-slate-700">{formatDuration(job.durationMs)}</td>
                <td className="px-5 py-3 align-top">
                  {job.state === "failed" ? (
                    <div className="flex flex-wrap items-start gap-2">
                      <p className="max-w-xs text-rose-800">{job.failedReason ?? "Failed without a reason"}</p>
                      {canRun ? (
                        <ActionButton intent="retry" values={{ queue: job.queue, jobId: job.id }} variant="secondary" className="min-h-8 px-3 py-1">
                          Retry
                        </ActionButton>
                      ) : null}
                    </div>
                  ) : (
                    <span className="text-slate-700">{job.result ?? "—"}</span>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Card>
    </>
  );
}
