// Processor for "demo-history": regenerates the demo queues' history and stores it, queue by queue, with progress.
import { replaceHistory } from "../../app/models/volume.server";
import { ensureQueue } from "../../app/models/queue.server";
import { generateHistory, historyEnd } from "../../prisma/demo/history";
import { DEMO_QUEUES, demoQueueData } from "../../prisma/demo/queues";
import { defineProcessor } from "./define";

export const processDemoHistory = defineProcessor("demo-history", async (payload, { job, progress }) => {
  await progress(0);
  const end = payload.endDate ? new Date(`${payload.endDate}T00:00:00Z`) : historyEnd(new Date(job.timestamp));
  const from = new Date(end.getTime() - payload.weeks * 7 * 24 * 3600_000);
  let rows = 0;
  for (const [index, demo] of DEMO_QUEUES.entries()) {
    const queueId = await ensureQueue(demoQueueData(demo));
    // Replacing the whole window makes a rerun (or a retry after a crash) land on the same rows.
    rows += await replaceHistory(queueId, from, end, generateHistory(demo, end, payload.weeks));
    await progress(Math.round(((index + 1) / DEMO_QUEUES.length) * 100));
  }
  return { queues: DEMO_QUEUES.length, rows };
});
