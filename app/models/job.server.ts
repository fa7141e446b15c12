// Background jobs as people see them: recent runs per queue read from BullMQ, and retry.
import type { Job, JobState } from "bullmq";
import { describeJobResult, enqueue, getQueue, isJobName, JOB_NAMES, JobQueueUnavailableError, JOBS, type JobName } from "../../jobs/queues";

export { JobQueueUnavailableError };

/** What a page tells its user when Redis could not take a job. */
export const QUEUE_UNAVAILABLE_TOAST = {
  kind: "error",
  title: "The job queue is not reachable",
  description: "Nothing was started (a run shows as failed). Try again in a minute.",
} as const;

/** Runs `start`; when Redis could not take the job, returns null instead of throwing. */
export async function unlessQueueUnavailable<T>(start: () => Promise<T>): Promise<T | null> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof JobQueueUnavailableError) return null;
    throw error;
  }
}

export type JobView = {
  id: string;
  queue: JobName;
  label: string;
  state: JobState | "unknown";
  progress: number;
  attemptsMade: number;
  maxAttempts: number;
  createdAt: string;
  /** When a delayed job is due (recurring runs). */
  runAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  failedReason: string | null;
  result: string | null;
  requestedBy: string | null;
};

const LISTED_STATES: JobState[] = ["active", "waiting", "delayed", "prioritized", "waiting-children", "completed", "failed"];

async function toView(queue: JobName, job: Job): Promise<JobView> {
  const state = await job.getState();
  const progress = typeof job.progress === "number" ? job.progress : 0;
  const requestedBy = typeof job.data?.requestedBy === "string" ? job.data.requestedBy : null;
  return {
    id: job.id ?? "",
    queue,
    label: JOBS[queue].label,
    state,
    progress: state === "completed" ? 100 : progress,
    attemptsMade: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    createdAt: new Date(job.timestamp).toISOString(),
    runAt: job.delay ? new Date(job.timestamp + job.delay).toISOString() : null,
    startedAt: job.processedOn ? new Date(job.processedOn).toISOString() : null,
    finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
    durationMs: job.processedOn ? (job.finishedOn ?? Date.now()) - job.processedOn : null,
    failedReason: job.failedReason || null,
    result: job.returnvalue === null || job.returnvalue === undefined ? null : describeJobResult(queue, job.returnvalue),
    requestedBy,
  };
}

/** The most recent jobs of every queue, newest first, and per-queue counts by state. */
export async function listRecentJobs(limit = 30) {
  const perQueue = await Promise.all(
    JOB_NAMES.map(async (name) => {
      const queue = getQueue(name);
      const [jobs, counts] = await Promise.all([queue.getJobs(LISTED_STATES, 0, limit - 1, false), queue.getJobCounts(...LISTED_STATES)]);
      return { name, jobs: await Promise.all(jobs.filter(Boolean).map((job) => toView(name, job))), counts };
    }),
  );
  const jobs = perQueue
    .flatMap((q) => q.jobs)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, limit);
  const queues = perQueue.map((q) => ({ name: q.name, label: JOBS[q.name].label, description: JOBS[q.name].description, counts: q.counts }));
  return { jobs, queues };
}

export async function countRunningJobs(): Promise<number> {
  // Delayed jobs are mostly the next occurrences of recurring runs, not work in progress.
  const counts = await Promise.all(JOB_NAMES.map((name) => getQueue(name).getJobCounts("active", "waiting")));
  return counts.reduce((sum, c) => sum + (c.active ?? 0) + (c.waiting ?? 0), 0);
}

export type RetryOutcome = "retried" | "not-found" | "not-failed";

export async function retryJob(queue: string, id: string): Promise<RetryOutcome> {
  if (!isJobName(queue)) return "not-found";
  const job = await getQueue(queue).getJob(id);
  if (!job) return "not-found";
  if ((await job.getState()) !== "failed") return "not-failed";
  await job.retry("failed");
  return "retried";
}

/** Queues a regeneration of the demo queues' history, through today (UTC; the job fixes the day). */
export function startDemoHistoryImport(weeks: number, requestedBy: string) {
  return enqueue("demo-history", { weeks, requestedBy });
}
