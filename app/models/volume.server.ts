// Volume history per queue and interval: what was offered and what the AI resolved.
import { prisma } from "~/utils/db.server";

export type VolumeRow = {
  intervalStart: Date;
  intervalMinutes: number;
  offered: number;
  aiResolved: number;
  ahtSeconds: number | null;
};

const CHUNK = 5_000;

/**
 * Replaces one queue's history over [from, to) with `rows`, in one transaction: a re-import of an
 * overlapping period never leaves old and new rows mixed, and running it twice changes nothing.
 */
export async function replaceHistory(queueId: string, from: Date, to: Date, rows: VolumeRow[]): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      await tx.volumeInterval.deleteMany({ where: { queueId, intervalStart: { gte: from, lt: to } } });
      for (let i = 0; i < rows.length; i += CHUNK) {
        await tx.volumeInterval.createMany({
          data: rows.slice(i, i + CHUNK).map((row) => ({ queueId, ...row })),
        });
      }
      return rows.length;
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
