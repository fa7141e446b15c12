// Queues (language × channel) and what the planning summary shows about them.
import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import type { QueueServiceParams } from "../../jobs/forecast";
import type { OpeningHours } from "../../jobs/planning/calendar";
import { recordAudit } from "./audit.server";
import { QueueOpeningHoursColumn, readJsonColumn } from "./json-columns";

/** Each queue with its human and total volume over the last 7 days of history. */
export async function queueWeekSummary() {
  const queues = await prisma.queue.findMany({ orderBy: { key: "asc" }, select: { id: true, key: true, name: true, channel: true } });
  const last = await prisma.volumeInterval.aggregate({ _max: { intervalStart: true } });
  const until = last._max.intervalStart;
  if (!until) return { queues: queues.map((q) => ({ ...q, offered: 0, human: 0 })), until: null };
  const since = new Date(until.getTime() - 7 * 24 * 3600_000);
  const sums = await prisma.volumeInterval.groupBy({
    by: ["queueId"],
    where: { intervalStart: { gt: since } },
    _sum: { offered: true, aiResolved: true },
  });
  const byQueue = new Map(sums.map((s) => [s.queueId, s._sum]));
  return {
    queues: queues.map((q) => {
      const sum = byQueue.get(q.id);
      const offered = sum?.offered ?? 0;
      return { ...q, offered, human: offered - (sum?.aiResolved ?? 0) };
    }),
    until,
  };
}

export type QueueSettings = {
  id: string;
  key: string;
  name: string;
  timeZone: string;
  channel: "CHAT" | "PHONE" | "EMAIL";
  intervalMinutes: number;
  serviceLevelTarget: number;
  serviceLevelSeconds: number;
  ahtSeconds: number;
  maxOccupancy: number;
  shrinkage: number;
  concurrency: number;
  patienceSeconds: number | null;
  /** Null when none are set: the queue is open around the clock. */
  openingHours: OpeningHours | null;
  /** Holiday calendar of the forecast (HOLIDAY_COUNTRIES); null: none. */
  country: string | null;
};

const SETTINGS_SELECT = {
  id: true,
  key: true,
  name: true,
  timeZone: true,
  channel: true,
  intervalMinutes: true,
  serviceLevelTarget: true,
  serviceLevelSeconds: true,
  ahtSeconds: true,
  maxOccupancy: true,
  shrinkage: true,
  concurrency: true,
  patienceSeconds: true,
  openingHours: true,
  country: true,
} as const;

function toSettings(row: Prisma.QueueGetPayload<{ select: typeof SETTINGS_SELECT }>): QueueSettings {
  return { ...row, openingHours: readJsonColumn(QueueOpeningHoursColumn, row.openingHours, `opening hours of queue ${row.key}`) };
}

export async function listQueueSettings(): Promise<QueueSettings[]> {
  return (await prisma.queue.findMany({ orderBy: { key: "asc" }, select: SETTINGS_SELECT })).map(toSettings);
}

export async function getQueueSettingsByKey(key: string): Promise<QueueSettings | null> {
  const row = await prisma.queue.findUnique({ where: { key }, select: SETTINGS_SELECT });
  return row ? toSettings(row) : null;
}

/** The engine's staffing parameters of a queue (AHT may be overridden per interval by the caller). */
export function queueServiceParams(queue: QueueSettings): QueueServiceParams {
  return {
    ahtSeconds: queue.ahtSeconds,
    serviceLevel: queue.serviceLevelTarget,
    answerSeconds: queue.serviceLevelSeconds,
    maxOccupancy: queue.maxOccupancy,
    shrinkage: queue.shrinkage,
    concurrency: queue.concurrency,
    ...(queue.patienceSeconds ? { patienceSeconds: queue.patienceSeconds } : {}),
  };
}

export type QueueSettingsUpdate = Omit<QueueSettings, "id" | "key" | "channel" | "intervalMinutes"> & { openingHours: OpeningHours };

/** Saves a queue's settings with an audit entry naming what changed; false when no queue has that key. */
export async function updateQueueSettings(key: string, update: QueueSettingsUpdate, actorId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.queue.findUnique({ where: { key }, select: SETTINGS_SELECT });
    if (!before) return false;
    await tx.queue.update({ where: { key }, data: update });
    const changed = (Object.keys(update) as (keyof QueueSettingsUpdate)[]).filter((f) => JSON.stringify(before[f]) !== JSON.stringify(update[f]));
    await recordAudit(tx, {
      actorId,
      action: "queue.updated",
      subject: { type: "Queue", id: before.id },
      summary: changed.length ? `${key}: ${changed.join(", ")} changed` : `${key}: saved unchanged`,
      detail: Object.fromEntries(changed.map((f) => [f, { from: before[f] ?? null, to: update[f] ?? null }])) as Prisma.InputJsonObject,
    });
    return true;
  });
}

/** Creates the queue when its key is new and leaves an existing one as it is; returns its id. */
export async function ensureQueue(data: Prisma.QueueCreateInput): Promise<string> {
  const queue = await prisma.queue.upsert({ where: { key: data.key }, create: data, update: {}, select: { id: true } });
  return queue.id;
}
