// The BullMQ worker process: one Worker per registered job, the jobs' repeats, and a clean shutdown on SIGTERM/SIGINT.
import { Worker } from "bullmq";
import { env } from "../app/utils/env.server";
import { prisma } from "../app/utils/db.server";
import { createRedis } from "../app/utils/redis.server";
import { PROCESSORS } from "./processors";
import { JOB_NAMES, registerRepeats } from "./queues";

const workers = JOB_NAMES.map((name) => {
  const worker = new Worker(name, PROCESSORS[name], {
    connection: createRedis("worker"),
    prefix: env().BULLMQ_PREFIX,
    concurrency: 1,
    // A job whose worker died (kill -9, a crash) is found stalled after this and run again by any worker.
    lockDuration: env().WORKER_LOCK_SECONDS * 1000,
    stalledInterval: env().WORKER_LOCK_SECONDS * 1000,
  });
  worker.on("failed", (job, error) => console.error(`[worker] ${name} job ${job?.id} failed: ${error.message}`));
  worker.on("completed", (job) => console.log(`[worker] ${name} job ${job.id} completed`));
  worker.on("error", (error) => console.error(`[worker] ${name}: ${error.message}`));
  return worker;
});

console.log(`[worker] ready: ${workers.map((w) => w.name).join(", ")} (prefix ${env().BULLMQ_PREFIX})`);
await registerRepeats().then(
  (names) => console.log(`[worker] recurring runs registered: ${names.join(", ")}`),
  (error: Error) => console.error(`[worker] could not register the recurring runs: ${error.message}`),
);

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
