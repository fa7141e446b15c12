// The managers' roster: agents with their queues, contract and status, and their leaving, recorded ahead
// (notice given: they keep working until their last day) or after the fact (decision 071).
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { prisma } from "~/utils/db.server";
import { addDays, localDate, startOfLocalDay } from "~/utils/time";
import { deactivateAccount, type AccountResult } from "./account.server";
import { recordAudit } from "./audit.server";
import { LEAVE_REASONS, ROSTER_STATUSES, type Leaving, type RosterStatus } from "./leaving";
import { removeLeaverFromDrafts } from "./schedule.server";

type Actor = { id: string; name: string };

export const ROSTER_PAGE_SIZE = 50;

export const RosterFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(ROSTER_STATUSES).optional().catch(undefined),
  queue: z.string().trim().max(60).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
});
export type RosterFilter = z.infer<typeof RosterFilterSchema>;

/** Where each status is: active (no leaving date), leaving (a last working day recorded, still active), left (inactive). */
export function rosterStatusWhere(status: RosterStatus): Prisma.AgentWhereInput {
  if (status === "left") return { active: false };
  if (status === "leaving") return { active: true, leftAt: { not: null } };
  return { active: true, leftAt: null };
}

/** A page of agents for the roster, by name; `total` counts every match. */
export async function listRoster(filter: RosterFilter, take = ROSTER_PAGE_SIZE) {
  const page = filter.page ?? 1;
  const where: Prisma.AgentWhereInput = {
    ...(filter.status ? rosterStatusWhere(filter.status) : {}),
    ...(filter.queue ? { skills: { some: { queue: { key: filter.queue } } } } : {}),
    ...(filter.q ? { user: { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { email: { contains: filter.q, mode: "insensitive" } }] } } : {}),
  };
  const [rows, total, counts] = await Promise.all([
    prisma.agent.findMany({
      where,
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
      skip: (page - 1) * take,
      take,
      select: {
        id: true,
        cohort: true,
        timeZone: true,
        startDate: true,
        weeklyMinMinutes: true,
        weeklyMaxMinutes: true,
        active: true,
        leftAt: true,
        leaveReason: true,
        user: { select: { id: true, name: true, email: true } },
        skills: { select: { queue: { select: { key: true, name: true, language: true } } }, orderBy: { queue: { key: "asc" } } },
      },
    }),
    prisma.agent.count({ where }),
    Promise.all(ROSTER_STATUSES.map((s) => prisma.agent.count({ where: rosterStatusWhere(s) }))),
  ]);
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / take)),
    counts: Object.fromEntries(ROSTER_STATUSES.map((s, i) => [s, counts[i]])) as Record<RosterStatus, number>,
    agents: rows.map((a) => ({
      id: a.id,
      userId: a.user.id,
      name: a.user.name,
      email: a.user.email,
      cohort: a.cohort,
      timeZone: a.timeZone,
      startDate: localDate(a.startDate, "UTC"),
      weeklyMinHours: a.weeklyMinMinutes / 60,
      weeklyMaxHours: a.weeklyMaxMinutes / 60,
      queues: a.skills.map((s) => s.queue),
      status: (!a.active ? "left" : a.leftAt ? "leaving" : "active") as RosterStatus,
      leftAt: a.leftAt ? localDate(a.leftAt, "UTC") : null,
      leaveReason: a.leaveReason,
    })),
  };
}

const reasonText = (reason: string) => (LEAVE_REASONS[reason as keyof typeof LEAVE_REASONS] ?? reason).toLowerCase();

/**
 * Records that an agent leaves after `leaving.leftAt` (their last working day). On or before `today`
 * (the manager's date) they have left: the account is deactivated now, as the admin page does. Later,
 * notice is given: they stay active and keep their shifts up to that day; draft shifts after it are
 * removed now, schedule runs give them none after it (`rosterWhere`, `leavingTimeOff`), and
 * `deactivateDueLeavers` deactivates them once the day after has begun in their zone.
 */
export async function recordLeaving(agentId: string, leaving: Leaving, today: string, actor: Actor, now = new Date()): Promise<AccountResult> {
  const agent = await prisma.agent.findUnique({ where: { id: agentId }, select: { userId: true, active: true } });
  if (!agent) return { ok: false, error: "That agent no longer exists" };
  if (!agent.active) return { ok: false, error: "This agent has already left" };
  if (leaving.leftAt <= today) return deactivateAccount(agent.userId, actor, now, leaving);
  return prisma.$transaction(async (tx) => {
    const row = await tx.agent.findUnique({
      where: { id: agentId },
      select: { id: true, timeZone: true, active: true, leftAt: true, user: { select: { id: true, name: true } } },
    });
    if (!row || !row.active) return { ok: false, error: "This agent has already left" };
    await tx.agent.update({ where: { id: row.id }, data: { leftAt: new Date(`${leaving.leftAt}T00:00:00Z`), leaveReason: leaving.leaveReason } });
    const left = await removeLeaverFromDrafts(tx, row, leaving.leftAt, now);
    const before = row.leftAt ? localDate(row.leftAt, "UTC") : null;
    await recordAudit(
      tx,
      {
        actorId: actor.id,
        action: "agent.leaving_planned",
        subject: { type: "User", id: row.user.id },
        summary: `${actor.name} recorded that ${row.user.name} leaves after ${leaving.leftAt} (${reasonText(leaving.leaveReason)})${before ? `; it was ${before}` : ""}`,
        detail: { leftAt: leaving.leftAt, leaveReason: leaving.leaveReason, ...(before ? { before } : {}), ...left },
      },
      now,
    );
    const removed = left.removedDraftShifts
      ? `${left.removedDraftShifts} draft shift${left.removedDraftShifts === 1 ? "" : "s"} after it removed`
      : "no draft shifts after it";
    const kept = left.publishedShiftsKept
      ? `; ${left.publishedShiftsKept} published shift${left.publishedShiftsKept === 1 ? " needs" : "s need"} someone else: re-run and publish those weeks`
      : "";
    return { ok: true, message: `${row.user.name} works until ${leaving.leftAt} and is then signed out (${removed}${kept})` };
  });
}

/** Cancels a planned leaving before the day after it: the agent stays, with no leaving date. */
export async function cancelLeaving(agentId: string, actor: Actor, now = new Date()): Promise<AccountResult> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.agent.findUnique({
      where: { id: agentId },
      select: { id: true, active: true, leftAt: true, leaveReason: true, user: { select: { id: true, name: true } } },
    });
    if (!row) return { ok: false, error: "That agent no longer exists" };
    if (!row.active) return { ok: false, error: `${row.user.name} has already left: an admin can reactivate the account` };
    if (!row.leftAt) return { ok: true, message: `${row.user.name} has no leaving date` };
    const was = localDate(row.leftAt, "UTC");
    await tx.agent.update({ where: { id: row.id }, data: { leftAt: null, leaveReason: null } });
    await recordAudit(
      tx,
      {
        actorId: actor.id,
        action: "agent.leaving_cancelled",
        subject: { type: "User", id: row.user.id },
        summary: `${actor.name} cancelled ${row.user.name}'s leaving after ${was}`,
        detail: { leftAt: was, leaveReason: row.leaveReason },
      },
      now,
    );
    return { ok: true, message: `${row.user.name} stays: the leaving after ${was} is cancelled. Re-run draft weeks after it to give them shifts again.` };
  });
}

/**
 * The daily (hourly, to follow each zone's midnight) job's work: agents whose last working day has
 * passed in their own zone and who are still active are deactivated with it, as an admin would.
 * Idempotent: a second run finds nobody.
 */
export async function deactivateDueLeavers(now = new Date()): Promise<{ deactivated: number }> {
  const due = await prisma.agent.findMany({
    // A coarse bound (a day either side of UTC covers every zone); each agent's own zone decides below.
    where: { active: true, leftAt: { lt: new Date(`${addDays(localDate(now, "UTC"), 1)}T00:00:00Z`) } },
    select: { userId: true, timeZone: true, leftAt: true, leaveReason: true },
  });
  let deactivated = 0;
  for (const a of due) {
    const leftAt = localDate(a.leftAt!, "UTC");
    if (startOfLocalDay(addDays(leftAt, 1), a.timeZone) > now) continue;
    const reason = (a.leaveReason && a.leaveReason in LEAVE_REASONS ? a.leaveReason : "other") as Leaving["leaveReason"];
    const result = await deactivateAccount(a.userId, null, now, { leftAt, leaveReason: reason });
    if (result.ok) deactivated++;
  }
  return { deactivated };
}
