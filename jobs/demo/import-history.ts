// Processor for "demo-history": regenerates the demo queues' history and stores it, queue by queue, with progress.
import type { Job } from "bullmq";
import { prisma } from "../../app/utils/db.server";
import { replaceHistory } from "../../app/models/volume.server";
import { generateHistory } from "../../prisma/demo/history";
import { DEMO_QUEUES, demoQueueData } from "../../prisma/demo/queues";
import { JOBS, type JobPayload } from "../queues";

export type ImportHistoryResult = { queues: number; rows: number };

export async function importDemoHistory(
  payload: JobPayload<"demo-history">,
  reportProgress: (percent: number) => Promise<void>,
): Promise<ImportHistoryResult> {
  const end = new Date(`${payload.endDate}T00:00:00Z`);
  const from = new Date(end.getTime() - payload.weeks * 7 * 24 * 3600_000);
  let rows = 0;
  for (const [index, demo] of DEMO_QUEUES.entries()) {
    const queue = await prisma.queue.upsert({
      where: { key: demo.key },
      create: demoQueueData(demo),
      update: {},
      select: { id: true },
    });
    const history = generateHistory(demo, end, payload.weeks);
    // Replacing the whole window makes a rerun (or a retry after a crash) land on the same rows.
    rows += await replaceHistory(queue.id, from, end, history);
    await reportProgress(Math.round(((index + 1) / DEMO_QUEUES.length) * 100));
  }
  return { queues: DEMO_QUEUES.length, rows };
}

export async function processImportHistory(job: Job): Promise<ImportHistoryResult> {
  const payload = JOBS["demo-history"].payload.parse(job.data);
  await job.updateProgress(0);
  return importDemoHistory(payload, (percent) => job.updateProgress(percent));
}
