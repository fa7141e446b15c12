// The BullMQ worker process: registers one processor per queue and shuts down cleanly on SIGTERM/SIGINT.
import { Worker, type Job } from "bullmq";
import { env } from "../app/utils/env.server";
import { prisma } from "../app/utils/db.server";
import { createRedis } from "../app/utils/redis.server";
import { processImportHistory } from "./demo/import-history";
import { processDemoPlan } from "./demo/plan";
import { processForecast, processNightlyForecast, scheduleNightlyForecast } from "./planning/forecast-run";
import { processSchedule } from "./planning/schedule-run";
import { processApplicantRetention, scheduleApplicantRetention } from "./recruiting/retention";
import type { JobName } from "./queues";

const processors: Record<JobName, (job: Job) => Promise<unknown>> = {
  "demo-history": processImportHistory,
  "demo-plan": processDemoPlan,
  forecast: processForecast,
  "forecast-nightly": processNightlyForecast,
  schedule: processSchedule,
  "applicant-retention": processApplicantRetention,
};

const workers = (Object.keys(processors) as JobName[]).map((name) => {
  const worker = new Worker(name, processors[name], {
    connection: createRedis("worker"),
    prefix: env().BULLMQ_PREFIX,
    concurrency: 1,
  });
  worker.on("failed", (job, error) => console.error(`[worker] ${name} job ${job?.id} failed: ${error.message}`));
  worker.on("completed", (job) => console.log(`[worker] ${name} job ${job.id} completed`));
  worker.on("error", (error) => console.error(`[worker] ${name}: ${error.message}`));
  return worker;
});

console.log(`[worker] ready: ${workers.map((w) => w.name).join(", ")} (prefix ${env().BULLMQ_PREFIX})`);
await scheduleApplicantRetention().catch((error: Error) => console.error(`[worker] could not register the daily retention run: ${error.message}`));
await scheduleNightlyForecast().catch((error: Error) => console.error(`[worker] could not register the nightly forecast: ${error.message}`));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: finishing active jobs, then exiting`);
  // close() waits for active jobs; a job cut off by a hard kill is retried (stalled-job check) on next start.
  await Promise.allSettled(workers.map((w) => w.close()));
  await prisma.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
