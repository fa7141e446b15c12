// Processor for "applicant-retention" and its daily scheduler: anonymises applicants past retention who were never hired.
import type { Job } from "bullmq";
import { anonymizeExpiredApplicants } from "../../app/models/applicant.server";
import { getQueue, JOBS, type JobPayload } from "../queues";

export async function runApplicantRetention(payload: JobPayload<"applicant-retention">, reportProgress: (percent: number) => Promise<void>) {
  const now = payload.asOf ? new Date(payload.asOf) : new Date();
  const anonymized = await anonymizeExpiredApplicants(now, (done, total) => reportProgress(Math.round((done / Math.max(1, total)) * 100)));
  await reportProgress(100);
  return { anonymized, asOf: now.toISOString() };
}

export async function processApplicantRetention(job: Job) {
  const payload = JOBS["applicant-retention"].payload.parse(job.data);
  await job.updateProgress(0);
  return runApplicantRetention(payload, (percent) => job.updateProgress(percent));
}

/** Registers (or updates) the daily run at 03:00 Stockholm time; calling it again at every worker start changes nothing. */
export function scheduleApplicantRetention() {
  return getQueue("applicant-retention").upsertJobScheduler(
    "applicant-retention-daily",
    { pattern: "0 3 * * *", tz: "Europe/Stockholm" },
    {
      name: "applicant-retention",
      data: JOBS["applicant-retention"].payload.parse({ requestedBy: "daily schedule" }),
      opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 }, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
    },
  );
}
