// Special days the manager lists (closures, holidays the calendar lacks, sale events), stored per queue or for all
// queues, audited, and handed to the forecast engine one date at a time.
import type { SpecialDayKind } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import type { SpecialDay as EngineSpecialDay } from "../../jobs/forecast";
import { recordAudit } from "./audit.server";
import { SPECIAL_DAY_KIND_LABELS } from "./special-day-kinds";

const DAY_MS = 86_400_000;
const ENGINE_KIND = { HOLIDAY: "holiday", CLOSED: "closed", EVENT: "event" } as const satisfies Record<SpecialDayKind, EngineSpecialDay["kind"]>;

export interface SpecialDayInput {
  name: string;
  kind: SpecialDayKind;
  /** UTC midnight of the first and last day (inclusive). */
  firstDay: Date;
  lastDay: Date;
  multiplier: number | null;
  /** Null: every queue. */
  queueId: string | null;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

function describe(day: SpecialDayInput & { queueKey?: string | null }) {
  const dates = day.firstDay.getTime() === day.lastDay.getTime() ? iso(day.firstDay) : `${iso(day.firstDay)} – ${iso(day.lastDay)}`;
  const effect = day.multiplier === null ? "" : `, volume × ${day.multiplier}`;
  return `${day.name} (${SPECIAL_DAY_KIND_LABELS[day.kind].toLowerCase()}, ${dates}, ${day.queueKey ?? "all queues"}${effect})`;
}

function auditDetail(day: SpecialDayInput) {
  return { name: day.name, kind: day.kind, firstDay: iso(day.firstDay), lastDay: iso(day.lastDay), multiplier: day.multiplier, queueId: day.queueId };
}

/** Every special day, soonest first, with its queue's key and who entered it. */
export function listSpecialDays() {
  return prisma.specialDay.findMany({
    orderBy: [{ firstDay: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      firstDay: true,
      lastDay: true,
      multiplier: true,
      queueId: true,
      queue: { select: { key: true } },
      author: { select: { name: true } },
    },
  });
}

async function queueKeyOf(queueId: string | null): Promise<string | null | undefined> {
  if (queueId === null) return null;
  return (await prisma.queue.findUnique({ where: { id: queueId }, select: { key: true } }))?.key;
}

export class UnknownQueueError extends Error {}

/** Creates a special day (or replaces one, given its id) with its audit entry, in one transaction; null when `id` no longer exists. */
export async function saveSpecialDay(actorId: string, input: SpecialDayInput, id?: string) {
  const queueKey = await queueKeyOf(input.queueId);
  if (queueKey === undefined) throw new UnknownQueueError("That queue no longer exists. Reload the page.");
  return prisma.$transaction(async (tx) => {
    if (id) {
      const before = await tx.specialDay.findUnique({ where: { id } });
      if (!before) return null;
      await tx.specialDay.update({ where: { id }, data: input });
      await recordAudit(tx, {
        actorId,
        action: "special_day.updated",
        subject: { type: "SpecialDay", id },
        summary: `Special day changed: ${describe({ ...input, queueKey })}`,
        detail: { from: auditDetail(before), to: auditDetail(input) },
      });
      return { id };
    }
    const created = await tx.specialDay.create({ data: { ...input, authorId: actorId }, select: { id: true } });
    await recordAudit(tx, {
      actorId,
      action: "special_day.created",
      subject: { type: "SpecialDay", id: created.id },
      summary: `Special day added: ${describe({ ...input, queueKey })}`,
      detail: auditDetail(input),
    });
    return created;
  });
}

/** Deletes a special day with its audit entry; false when it was already gone. */
export async function deleteSpecialDay(actorId: string, id: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const day = await tx.specialDay.findUnique({ where: { id }, include: { queue: { select: { key: true } } } });
    if (!day) return false;
    await tx.specialDay.delete({ where: { id } });
    await recordAudit(tx, {
      actorId,
      action: "special_day.deleted",
      subject: { type: "SpecialDay", id },
      summary: `Special day removed: ${describe({ ...day, queueKey: day.queue?.key ?? null })}`,
      detail: auditDetail(day),
    });
    return true;
  });
}

/**
 * The engine's list for days in [from, to): one entry per date of each stored range, limited to its
 * queue when it has one. The engine applies them to the history (learning their effect) and the horizon.
 */
export async function specialDaysForForecast(from: Date, to: Date): Promise<EngineSpecialDay[]> {
  const rows = await prisma.specialDay.findMany({
    where: { firstDay: { lt: to }, lastDay: { gte: new Date(Math.floor(from.getTime() / DAY_MS) * DAY_MS) } },
    orderBy: [{ firstDay: "asc" }, { createdAt: "asc" }],
    select: { name: true, kind: true, firstDay: true, lastDay: true, multiplier: true, queue: { select: { key: true } } },
  });
  const out: EngineSpecialDay[] = [];
  for (const row of rows) {
    const first = Math.max(row.firstDay.getTime(), Math.floor(from.getTime() / DAY_MS) * DAY_MS);
    const last = Math.min(row.lastDay.getTime(), to.getTime());
    for (let day = first; day <= last; day += DAY_MS) {
      out.push({
        date: iso(new Date(day)),
        kind: ENGINE_KIND[row.kind],
        label: row.name,
        ...(row.multiplier === null ? {} : { multiplier: row.multiplier }),
        ...(row.queue ? { queues: [row.queue.key] } : {}),
      });
    }
  }
  return out;
}
