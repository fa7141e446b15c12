// BullMQ queue names, their zod payload schemas and typed producers; the app imports this, the worker consumes it.
import { Queue, type JobsOptions } from "bullmq";
import { z } from "zod";
import { env } from "../app/utils/env.server";
import { sharedRedis } from "../app/utils/redis.server";

export const JOBS = {
  "demo-history": {
    label: "Demo history import",
    description: "Generates the demo company's contact history for every queue and replaces the stored weeks.",
    payload: z.object({
      weeks: z.number().int().min(1).max(26),
      /** ISO date (UTC midnight) the history ends at, exclusive. */
      endDate: z.iso.date(),
      requestedBy: z.string().min(1),
    }),
  },
  "demo-plan": {
    label: "Demo plan",
    description: "For a new demo: forecasts from this week, then builds and publishes this week's and next week's schedules.",
    payload: z.object({ requestedBy: z.string().min(1) }),
  },
  forecast: {
    label: "Forecast",
    description: "Forecasts contacts, the AI's share and agents required per queue and interval for the horizon of a forecast run.",
    payload: z.object({ runId: z.string().min(1), requestedBy: z.string().min(1) }),
  },
  "forecast-nightly": {
    label: "Nightly forecast",
    description: "Every night at 02:00 (Stockholm) forecasts the next 14 days from the latest history, so the week ahead is always fresh.",
    payload: z.object({ requestedBy: z.string().min(1) }),
  },
  schedule: {
    label: "Schedule",
    description: "Builds a week's draft schedule: shifts for named agents that cover the agents required.",
    payload: z.object({ scheduleId: z.string().min(1), requestedBy: z.string().min(1), timeLimitSeconds: z.number().int().min(1).max(600).default(20) }),
  },
  "applicant-retention": {
    label: "Applicant retention",
    description: "Anonymises applicants who were not hired once the retention period they consented to has passed. Runs daily.",
    payload: z.object({ requestedBy: z.string().min(1), /** Defaults to the time the job runs. */ asOf: z.iso.datetime().optional() }),
  },
} as const;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]["payload"]>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

/** Retries with backoff, and enough history kept for the Jobs page without letting Redis grow forever. */
const DEFAULT_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: { age: 14 * 24 * 3600, count: 200 },
  removeOnFail: { age: 30 * 24 * 3600, count: 500 },
};

declare global {
  var __queues: Map<JobName, Queue> | undefined;
}

/** One Queue object per name in this process (each queue name carries one job kind). */
export function getQueue(name: JobName): Queue {
  const queues = (globalThis.__queues ??= new Map());
  let queue = queues.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: sharedRedis(), prefix: env().BULLMQ_PREFIX });
    queues.set(name, queue);
  }
  return queue;
}

/**
 * Validates the payload and enqueues it. A `jobId` makes the call idempotent: BullMQ ignores a
 * second add with the id of a job it still holds.
 */
export async function enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: { jobId?: string } = {}) {
  const data = JOBS[name].payload.parse(payload);
  return getQueue(name).add(name, data, { ...DEFAULT_OPTIONS, ...(options.jobId ? { jobId: options.jobId } : {}) });
}
