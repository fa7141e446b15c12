// The job registry: each background job described whole — name, payload and result schemas, how its
// result reads on the Jobs page, and its repeat — plus typed producers. Models enqueue through it,
// processors (jobs/processors/<name>.ts) and the worker consume it; it imports only infrastructure.
import { Queue, type JobsOptions } from "bullmq";
import { z } from "zod";
import { env } from "../app/utils/env.server";
import { sharedRedis } from "../app/utils/redis.server";

interface JobSpec<P extends z.ZodType, R extends z.ZodType> {
  label: string;
  description: string;
  payload: P;
  result: R;
  /** One line for the Jobs page. */
  describe: (result: z.output<R>) => string;
  /** A recurring run, registered by the worker at start-up (upserting the same id changes nothing). */
  repeat?: { id: string; pattern: string; tz: string; data: z.input<P> };
  /** Retries when the defaults (3 attempts, 5 s exponential backoff) do not fit. */
  retry?: { attempts: number; delayMs: number };
}

/** Keeps each spec's payload and result types tied together (an object literal alone would widen them). */
function job<P extends z.ZodType, R extends z.ZodType>(spec: JobSpec<P, R>): JobSpec<P, R> {
  return spec;
}

const requestedBy = z.string().min(1);
const en = (n: number) => Math.round(n).toLocaleString("en-GB");

export const JOBS = {
  "demo-history": job({
    label: "Demo history import",
    description: "Generates the demo company's contact history for every queue and replaces the stored weeks.",
    payload: z.object({
      weeks: z.number().int().min(1).max(26),
      /** ISO date (UTC midnight) the history ends at, exclusive; the processor takes today when missing. */
      endDate: z.iso.date().optional(),
      requestedBy,
    }),
    result: z.object({ queues: z.number(), rows: z.number() }),
    describe: (r) => `${en(r.rows)} intervals across ${r.queues} queues`,
  }),
  "demo-plan": job({
    label: "Demo plan",
    description: "For a new demo: forecasts from this week, then builds and publishes this week's and next week's schedules (or more weeks).",
    payload: z.object({ requestedBy, weeks: z.number().int().min(1).max(12).optional() }),
    result: z.union([z.object({ skipped: z.string() }), z.object({ weeks: z.number(), shifts: z.number() })]),
    describe: (r) => ("skipped" in r ? `Skipped: ${r.skipped}` : `${r.weeks} weeks planned and published, ${r.shifts} shifts`),
  }),
  forecast: job({
    label: "Forecast",
    description: "Forecasts contacts, the AI's share and agents required per queue and interval for the horizon of a forecast run.",
    payload: z.object({ runId: z.string().min(1), requestedBy }),
    result: z.object({ intervals: z.number() }),
    describe: (r) => `${en(r.intervals)} forecast intervals`,
  }),
  "forecast-nightly": job({
    label: "Nightly forecast",
    description: "Every night at 02:00 (Stockholm) forecasts the next 14 days from the latest history, so the week ahead is always fresh.",
    payload: z.object({ requestedBy }),
    result: z.object({ intervals: z.number() }),
    describe: (r) => `${en(r.intervals)} forecast intervals`,
    repeat: { id: "forecast-nightly", pattern: "0 2 * * *", tz: "Europe/Stockholm", data: { requestedBy: "nightly schedule" } },
  }),
  schedule: job({
    label: "Schedule",
    description: "Builds a week's draft schedule: shifts for named agents that cover the agents required.",
    payload: z.object({ scheduleId: z.string().min(1), requestedBy, timeLimitSeconds: z.number().int().min(1).max(600).default(20) }),
    result: z.object({ shifts: z.number(), underHours: z.number(), lowerBoundHours: z.number() }),
    describe: (r) => `${r.shifts} shifts · ${en(r.underHours)} agent hours short (at least ${en(r.lowerBoundHours)} unavoidable)`,
  }),
  capacity: job({
    label: "Capacity plan",
    description: "Solves one capacity scenario: demand per queue and band for 26 weeks, the roster and the pipeline, and whom to hire when at least cost.",
    // 20 s keeps the solver's longest hold on the event loop inside the worker's 30 s lock.
    payload: z.object({ runId: z.string().min(1), requestedBy, timeLimitSeconds: z.number().int().min(1).max(600).default(20) }),
    result: z.object({ hires: z.number(), totalCost: z.number(), shortfallHours: z.number(), gap: z.number() }),
    describe: (r) => `${r.hires} hires · ${en(r.shortfallHours)} hours short · ${en(r.totalCost)} total cost · ${(r.gap * 100).toFixed(2)} % from the bound`,
  }),
  "capacity-nightly": job({
    label: "Nightly capacity plan",
    description: "Every night at 01:00 (Stockholm) re-solves the base capacity scenario from the latest history, roster and pipeline.",
    payload: z.object({ requestedBy }),
    result: z.object({ hires: z.number(), totalCost: z.number(), shortfallHours: z.number(), gap: z.number() }),
    describe: (r) => `${r.hires} hires · ${en(r.shortfallHours)} hours short · ${en(r.totalCost)} total cost`,
    repeat: { id: "capacity-nightly", pattern: "0 1 * * *", tz: "Europe/Stockholm", data: { requestedBy: "nightly schedule" } },
  }),
  "applicant-retention": job({
    label: "Applicant retention",
    description: "Anonymises applicants who were not hired once the retention period they consented to has passed. Runs daily.",
    payload: z.object({ requestedBy, /** Defaults to the time the job runs. */ asOf: z.iso.datetime().optional() }),
    result: z.object({ anonymized: z.number(), asOf: z.string() }),
    describe: (r) => `${en(r.anonymized)} applicants anonymised`,
    repeat: { id: "applicant-retention-daily", pattern: "0 3 * * *", tz: "Europe/Stockholm", data: { requestedBy: "daily schedule" } },
  }),
  "agent-leavings": job({
    label: "Agents leaving",
    description:
      "Deactivates agents whose recorded last working day has passed in their own time zone (notice given on the roster). Runs hourly, so each zone's midnight is followed; a second run changes nothing.",
    payload: z.object({ requestedBy, /** Defaults to the time the job runs. */ asOf: z.iso.datetime().optional() }),
    result: z.object({ deactivated: z.number(), asOf: z.string() }),
    describe: (r) => `${en(r.deactivated)} agent${r.deactivated === 1 ? "" : "s"} deactivated after their last working day`,
    repeat: { id: "agent-leavings-hourly", pattern: "5 * * * *", tz: "UTC", data: { requestedBy: "hourly schedule" } },
  }),
  "mail-delivery": job({
    label: "Mail delivery",
    description: "Sends one outbox message over SMTP, once: the message is claimed before it is sent, and a failure is kept with its reason.",
    payload: z.object({ messageId: z.string().min(1) }),
    result: z.union([z.object({ outcome: z.literal("sent"), attempt: z.number() }), z.object({ outcome: z.literal("skipped"), reason: z.string() })]),
    describe: (r) => (r.outcome === "sent" ? `Sent (attempt ${r.attempt})` : `Nothing sent: ${r.reason}`),
    // 10 s, 20 s, 40 s, 80 s, 160 s: a mail server that is down for a few minutes still gets the message.
    retry: { attempts: 6, delayMs: 10_000 },
  }),
  "mail-sweep": job({
    label: "Mail sweep",
    description:
      "Every two minutes queues delivery of outbox messages left waiting (e.g. Redis was down when they were written) and marks interrupted sends failed.",
    payload: z.object({ requestedBy }),
    result: z.object({ queued: z.number(), interrupted: z.number() }),
    describe: (r) => `${r.queued} message${r.queued === 1 ? "" : "s"} queued for delivery, ${r.interrupted} interrupted`,
    repeat: { id: "mail-sweep", pattern: "*/2 * * * *", tz: "UTC", data: { requestedBy: "every two minutes" } },
  }),
};

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.output<(typeof JOBS)[N]["payload"]>;
export type JobPayloadInput<N extends JobName> = z.input<(typeof JOBS)[N]["payload"]>;
export type JobResult<N extends JobName> = z.output<(typeof JOBS)[N]["result"]>;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

/** The Jobs page's line for a stored result, read through the job's result schema (null when it does not match). */
export function describeJobResult(name: JobName, value: unknown): string | null {
  const spec = JOBS[name] as JobSpec<z.ZodType, z.ZodType>;
  const parsed = spec.result.safeParse(value);
  return parsed.success ? spec.describe(parsed.data) : null;
}

/** Retries with backoff, and enough history kept for the Jobs page without letting Redis grow forever. */
const DEFAULT_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: { age: 14 * 24 * 3600, count: 200 },
  removeOnFail: { age: 30 * 24 * 3600, count: 500 },
};
const REPEAT_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 60_000 },
  removeOnComplete: { count: 30 },
  removeOnFail: { count: 30 },
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

/** Redis could not take the job: nothing was queued, and the caller must say so (and not leave a run waiting). */
export class JobQueueUnavailableError extends Error {
  override name = "JobQueueUnavailableError";
}

/** How long a producer waits for Redis before it gives up and says the queue is unavailable. */
const ENQUEUE_TIMEOUT_MS = 5_000;

/**
 * Validates the payload and enqueues it. A `jobId` makes the call idempotent: BullMQ ignores a
 * second add with the id of a job it still holds. Fails fast with JobQueueUnavailableError when
 * Redis does not answer.
 */
export async function enqueue<N extends JobName>(name: N, payload: JobPayloadInput<N>, options: { jobId?: string } = {}) {
  const data: unknown = JOBS[name].payload.parse(payload);
  const retry = (JOBS[name] as JobSpec<z.ZodType, z.ZodType>).retry;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ENQUEUE_TIMEOUT_MS / 1000} s`)), ENQUEUE_TIMEOUT_MS);
  });
  const options_ = {
    ...DEFAULT_OPTIONS,
    ...(retry ? { attempts: retry.attempts, backoff: { type: "exponential", delay: retry.delayMs } } : {}),
    ...(options.jobId ? { jobId: options.jobId } : {}),
  };
  try {
    return await Promise.race([getQueue(name).add(name, data, options_), timeout]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new JobQueueUnavailableError(`The job queue (Redis) is not reachable, so "${JOBS[name].label}" was not started (${reason}).`);
  } finally {
    clearTimeout(timer);
  }
}

/** Registers every job's repeat (called by the worker at start-up); returns the names registered. */
export async function registerRepeats(): Promise<JobName[]> {
  const registered: JobName[] = [];
  for (const name of JOB_NAMES) {
    const repeat = (JOBS[name] as JobSpec<z.ZodType, z.ZodType>).repeat;
    if (!repeat) continue;
    await getQueue(name).upsertJobScheduler(
      repeat.id,
      { pattern: repeat.pattern, tz: repeat.tz },
      { name, data: JOBS[name].payload.parse(repeat.data), opts: REPEAT_OPTIONS },
    );
    registered.push(name);
  }
  return registered;
}
