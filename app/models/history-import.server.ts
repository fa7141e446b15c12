// Volume-history uploads in the contract's CSV format: every bad row reported, then one transaction
// that replaces each queue's overlapping period.
import { prisma } from "~/utils/db.server";
import { insertVolumeRows } from "./volume.server";
import { groupByQueue, InputError, parseHistoryCsv, type HistoryRow } from "../../jobs/forecast";

export type QueueSummary = { queue: string; rows: number; from: string; to: string; intervalMinutes: number; offered: number; aiResolved: number };
export type HistoryCheck = { ok: true; rows: HistoryRow[]; queues: QueueSummary[] } | { ok: false; errors: string[]; totalErrors: number };

const MAX_LISTED_ERRORS = 200;
/** Past these, a figure is a typo (and would not fit the database's integer columns). */
const MAX_CONTACTS_PER_INTERVAL = 1_000_000;
const MAX_AHT_SECONDS = 86_400;

/** Validates a history file against the contract and the queues that exist; nothing is written. */
export async function checkHistoryFile(text: string, fileName: string): Promise<HistoryCheck> {
  if (text.includes("\0")) return { ok: false, errors: [`${fileName}: the file contains NUL characters; export it again as plain CSV text.`], totalErrors: 1 };
  const rowErrors: InputError[] = [];
  let rows: HistoryRow[];
  try {
    rows = parseHistoryCsv(text, fileName, rowErrors);
  } catch (error) {
    if (error instanceof InputError) return { ok: false, errors: [error.message], totalErrors: 1 };
    throw error;
  }
  const known = new Set((await prisma.queue.findMany({ select: { key: true } })).map((q) => q.key));
  const errors = rowErrors.map((e) => e.message);
  for (const row of rows) {
    const where = `${fileName} line ${row.line} (row ${(row.line ?? 1) - 1})`;
    if (!known.has(row.queue)) errors.push(`${where}, field queue: "${row.queue}" is not a queue here (known: ${[...known].join(", ")})`);
    if (row.offered > MAX_CONTACTS_PER_INTERVAL)
      errors.push(`${where}, field offered: ${row.offered} is more than ${MAX_CONTACTS_PER_INTERVAL.toLocaleString("en-GB")} contacts in one interval`);
    if (row.ahtSeconds !== null && row.ahtSeconds > MAX_AHT_SECONDS) errors.push(`${where}, field aht_seconds: ${row.ahtSeconds} is more than a day`);
  }
  if (errors.length) return { ok: false, errors: errors.slice(0, MAX_LISTED_ERRORS), totalErrors: errors.length };
  let series;
  try {
    series = groupByQueue(rows, fileName);
  } catch (error) {
    if (error instanceof InputError) return { ok: false, errors: [error.message], totalErrors: 1 };
    throw error;
  }
  const queues = series.map((s) => {
    const own = rows.filter((r) => r.queue === s.queue);
    const first = Math.min(...own.map((r) => r.intervalStart));
    const last = Math.max(...own.map((r) => r.intervalStart));
    return {
      queue: s.queue,
      rows: own.length,
      from: new Date(first).toISOString(),
      to: new Date(last + s.intervalMinutes * 60_000).toISOString(),
      intervalMinutes: s.intervalMinutes,
      offered: own.reduce((sum, r) => sum + r.offered, 0),
      aiResolved: own.reduce((sum, r) => sum + r.aiResolved, 0),
    };
  });
  return { ok: true, rows, queues };
}

/** Replaces, for every queue in the file, the stored history over the file's period: all queues or none. */
export async function importHistory(rows: HistoryRow[], queues: QueueSummary[]): Promise<number> {
  const ids = new Map((await prisma.queue.findMany({ select: { id: true, key: true } })).map((q) => [q.key, q.id]));
  return prisma.$transaction(
    async (tx) => {
      let written = 0;
      for (const q of queues) {
        const queueId = ids.get(q.queue)!;
        await tx.volumeInterval.deleteMany({ where: { queueId, intervalStart: { gte: new Date(q.from), lt: new Date(q.to) } } });
        const own = rows.filter((r) => r.queue === q.queue);
        written += await insertVolumeRows(
          tx,
          queueId,
          own.map((r) => ({
            intervalStart: new Date(r.intervalStart),
            intervalMinutes: q.intervalMinutes,
            offered: Math.round(r.offered),
            aiResolved: Math.round(r.aiResolved),
            ahtSeconds: r.ahtSeconds === null ? null : Math.round(r.ahtSeconds),
          })),
        );
      }
      return written;
    },
    { timeout: 300_000 },
  );
}
