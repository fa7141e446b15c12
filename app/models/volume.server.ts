// Volume history per queue and interval: what was offered and what the AI resolved.
import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { queueWeekSummary } from "./queue.server";
import type { HistoryRow } from "../../jobs/forecast";

export type VolumeRow = {
  intervalStart: Date;
  intervalMinutes: number;
  offered: number;
  aiResolved: number;
  ahtSeconds: number | null;
};

const CHUNK = 20_000;

/**
 * Inserts history rows with one statement per chunk (unnest of column arrays): about five times
 * faster than createMany for the tens of thousands of rows a seed or an upload brings.
 */
export async function insertVolumeRows(tx: Prisma.TransactionClient, queueId: string, rows: VolumeRow[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    written += await tx.$executeRaw`
      INSERT INTO "VolumeInterval" ("queueId", "intervalStart", "intervalMinutes", "offered", "aiResolved", "ahtSeconds")
      SELECT ${queueId}, s::timestamp, m, o, a, h
      FROM unnest(${chunk.map((r) => r.intervalStart.toISOString())}::text[], ${chunk.map((r) => r.intervalMinutes)}::int[],
                  ${chunk.map((r) => r.offered)}::int[], ${chunk.map((r) => r.aiResolved)}::int[], ${chunk.map((r) => r.ahtSeconds)}::int[]) AS t(s, m, o, a, h)`;
  }
  // The queue's updatedAt says its history changed: pages that keep per-process figures built from it read anew (historyGlance).
  await tx.queue.update({ where: { id: queueId }, data: { updatedAt: new Date() } });
  return written;
}

const glances = new Map<string, Promise<HistoryGlance>>();
type HistoryGlance = { summary: Awaited<ReturnType<typeof queueWeekSummary>>; trend: Awaited<ReturnType<typeof dailyContainment>> };

/**
 * The planning dashboard's history figures — last week's volume per queue and 42 days of containment —
 * aggregate tens of thousands of intervals; they change only when history is written (which touches the
 * queue) or a queue changes, so each process keeps them under the queues' latest update.
 */
export async function historyGlance(): Promise<HistoryGlance> {
  const stamp = await prisma.queue.aggregate({ _count: { _all: true }, _max: { updatedAt: true } });
  const key = `${stamp._count._all}|${stamp._max.updatedAt?.getTime()}|${new Date().toISOString().slice(0, 10)}`;
  let glance = glances.get(key);
  if (!glance) {
    glance = (async () => {
      const summary = await queueWeekSummary();
      const until = summary.until ? new Date(summary.until.getTime() + 1) : new Date();
      return { summary, trend: await dailyContainment(42, until) };
    })();
    glance.catch(() => glances.delete(key));
    glances.clear();
    glances.set(key, glance);
  }
  return glance;
}

/**
 * Replaces one queue's history over [from, to) with `rows`, in one transaction: a re-import of an
 * overlapping period never leaves old and new rows mixed, and running it twice changes nothing.
 */
export async function replaceHistory(queueId: string, from: Date, to: Date, rows: VolumeRow[]): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      await tx.volumeInterval.deleteMany({ where: { queueId, intervalStart: { gte: from, lt: to } } });
      return insertVolumeRows(tx, queueId, rows);
    },
    { timeout: 120_000 },
  );
}

/** Human (not AI-resolved) contacts and AI containment per day over the last `days`, all queues. */
export async function dailyContainment(days: number, until: Date) {
  const since = new Date(until.getTime() - days * 24 * 3600_000);
  const rows = await prisma.$queryRaw<{ day: Date; offered: bigint; ai: bigint }[]>`
    SELECT date_trunc('day', "intervalStart") AS day, SUM("offered") AS offered, SUM("aiResolved") AS ai
    FROM "VolumeInterval"
    WHERE "intervalStart" >= ${since} AND "intervalStart" < ${until}
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => {
    const offered = Number(r.offered);
    const ai = Number(r.ai);
    return { day: r.day.toISOString().slice(0, 10), offered, human: offered - ai, containment: offered ? ai / offered : 0 };
  });
}

export async function historyExtent() {
  const agg = await prisma.volumeInterval.aggregate({ _min: { intervalStart: true }, _max: { intervalStart: true }, _count: true });
  return { first: agg._min.intervalStart, last: agg._max.intervalStart, rows: agg._count };
}

/** History of one queue over [from, to), oldest first: offered, AI-resolved and AHT per interval. */
export function queueHistory(queueId: string, from: Date, to: Date) {
  return prisma.volumeInterval.findMany({
    where: { queueId, intervalStart: { gte: from, lt: to } },
    orderBy: { intervalStart: "asc" },
    select: { intervalStart: true, offered: true, aiResolved: true, ahtSeconds: true },
  });
}

/** The same history as the forecast engine reads it. */
export async function engineHistory(queue: { id: string; key: string }, from: Date, to: Date): Promise<HistoryRow[]> {
  const rows = await queueHistory(queue.id, from, to);
  return rows.map((r) => ({
    intervalStart: r.intervalStart.getTime(),
    queue: queue.key,
    offered: r.offered,
    aiResolved: r.aiResolved,
    ahtSeconds: r.ahtSeconds,
  }));
}
