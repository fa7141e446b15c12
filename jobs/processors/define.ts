// How a processor is written: it receives its payload parsed once by the registry's schema and a
// progress reporter, and returns a result that the registry's result schema checks before it is stored.
import type { Job } from "bullmq";
import { JOBS, type JobName, type JobPayload, type JobResult } from "../queues";

export interface JobContext {
  job: Job;
  /** Reports 0–100 to the Jobs page (BullMQ progress). */
  progress: (percent: number) => Promise<void>;
}

export type Processor = (job: Job) => Promise<unknown>;

export function defineProcessor<N extends JobName>(name: N, run: (payload: JobPayload<N>, context: JobContext) => Promise<JobResult<N>>): Processor {
  return async (job: Job) => {
    const payload = JOBS[name].payload.parse(job.data) as JobPayload<N>;
    const result = await run(payload, { job, progress: (percent) => job.updateProgress(percent) });
    return JOBS[name].result.parse(result);
  };
}

/** Whether this attempt is the job's last: only then does a processor mark its run failed. */
export function isFinalAttempt(job: Job): boolean {
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
