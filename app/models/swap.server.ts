// Shift swaps: an agent offers a published shift, a qualified colleague takes it, a manager approves after a rule check.
import { prisma } from "~/utils/db.server";
import { addDays, localDate, startOfLocalDay } from "~/utils/time";
import { checkSchedule } from "../../jobs/schedule";
import { ruleSetForSchedule } from "./labour-rules.server";
import { explainViolations, loadWeekInput, PLANNING_TIME_ZONE, toEngineShift, writeDraftView } from "./schedule.server";

export class SwapError extends Error {}

/** The agent offers one of their published shifts to colleagues. */
export async function offerShift(agentId: string, publishedShiftId: string) {
  const shift = await prisma.publishedShift.findFirst({ where: { id: publishedShiftId, agentId, start: { gt: new Date() } } });
  if (!shift?.shiftId) throw new SwapError("Only your own upcoming shifts can be offered.");
  const open = await prisma.swapRequest.findFirst({ where: { shiftId: shift.shiftId, status: "PENDING" } });
  if (open) throw new SwapError("This shift is already offered.");
  return prisma.swapRequest.create({ data: { shiftId: shift.shiftId, offeredById: agentId } });
}

/**
 * When a taker may work: from now and not before their contract starts, until the end of their last
 * working day when a leaving is recorded (inactive agents take nothing).
 */
async function workWindowFor(agentId: string): Promise<{ from: Date; until: Date | null } | null> {
  const agent = await prisma.agent.findUnique({ where: { id: agentId }, select: { active: true, startDate: true, leftAt: true, timeZone: true } });
  if (!agent?.active) return null;
  const now = new Date();
  const until = agent.leftAt ? startOfLocalDay(addDays(localDate(agent.leftAt, "UTC"), 1), agent.timeZone) : null;
  return { from: agent.startDate > now ? agent.startDate : now, until };
}

/** Offers other agents could take: pending, not yet taken, on a queue they are qualified for, after their contract starts and before they leave. */
export async function openSwapsFor(agentId: string, skills: string[]) {
  const window = await workWindowFor(agentId);
  if (!window) return [];
  return prisma.swapRequest.findMany({
    where: {
      status: "PENDING",
      takenById: null,
      offeredById: { not: agentId },
      shift: { queue: { key: { in: skills } }, start: { gt: window.from, ...(window.until ? { lt: window.until } : {}) } },
    },
    select: {
      id: true,
      shift: { select: { start: true, end: true, queue: { select: { key: true } } } },
      offeredBy: { select: { user: { select: { name: true } } } },
    },
    orderBy: { createdAt: "asc" },
  });
}

export function mySwaps(agentId: string) {
  return prisma.swapRequest.findMany({
    where: { OR: [{ offeredById: agentId }, { takenById: agentId }] },
    select: {
      id: true,
      status: true,
      offeredById: true,
      takenById: true,
      shift: { select: { start: true, end: true, queue: { select: { key: true } } } },
      offeredBy: { select: { user: { select: { name: true } } } },
      takenBy: { select: { user: { select: { name: true } } } },
    },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
}

export async function takeSwap(agentId: string, swapId: string, skills: string[]) {
  const swap = await prisma.swapRequest.findUnique({
    where: { id: swapId },
    select: { offeredById: true, shift: { select: { start: true, queue: { select: { key: true } } } } },
  });
  if (!swap || swap.offeredById === agentId) throw new SwapError("That offer is not open to you.");
  const window = await workWindowFor(agentId);
  if (!window) throw new SwapError("Your account is not active, so you cannot take shifts.");
  const from = window.from;
  if (window.until && swap.shift.start >= window.until) throw new SwapError("That shift is after your last working day, so you cannot take it.");
  if (swap.shift.start <= from)
    throw new SwapError(
      from.getTime() > Date.now() + 60_000 ? "That shift is before your contract starts, so you cannot take it." : "That shift has already started.",
    );
  if (!skills.includes(swap.shift.queue.key)) throw new SwapError(`You are not qualified for ${swap.shift.queue.key}.`);
  const result = await prisma.swapRequest.updateMany({ where: { id: swapId, status: "PENDING", takenById: null }, data: { takenById: agentId } });
  if (result.count === 0) throw new SwapError("Someone else took that shift first.");
}

export function swapsAwaitingApproval() {
  return prisma.swapRequest.findMany({
    where: { status: "PENDING", takenById: { not: null } },
    select: {
      id: true,
      shift: { select: { start: true, end: true, queue: { select: { key: true } } } },
      offeredBy: { select: { user: { select: { name: true } } } },
      takenBy: { select: { user: { select: { name: true } } } },
    },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * Approves a taken swap after checking the week with the shift moved to the taker: skills, rest,
 * overlaps, maximum shifts and hours and availability must all hold, or the swap is refused with why.
 */
export async function approveSwap(swapId: string, managerName: string, timeZone = PLANNING_TIME_ZONE) {
  const swap = await prisma.swapRequest.findUnique({
    where: { id: swapId },
    select: {
      status: true,
      takenById: true,
      shiftId: true,
      shift: { select: { scheduleId: true, schedule: { select: { weekStart: true, ruleSetId: true } } } },
    },
  });
  if (!swap || swap.status !== "PENDING" || !swap.takenById) throw new SwapError("That swap is not waiting for approval.");
  const weekStart = swap.shift.schedule.weekStart;
  // The week's shifts were built under its rule set: the swap is checked against the same one.
  const { instance } = await loadWeekInput(weekStart, await ruleSetForSchedule(swap.shift.schedule.ruleSetId));
  const shifts = await prisma.shift.findMany({
    where: { scheduleId: swap.shift.scheduleId },
    select: { id: true, agentId: true, start: true, end: true, breaks: true, queue: { select: { key: true } } },
  });
  const moved = shifts.map((s) => toEngineShift(weekStart, s.id === swap.shiftId ? { ...s, agentId: swap.takenById! } : s));
  const violations = checkSchedule(instance, moved).filter((v) => v.agent === swap.takenById);
  if (violations.length) throw new SwapError((await explainViolations(violations, timeZone)).join(" "));
  await prisma.$transaction(async (tx) => {
    const claimed = await tx.swapRequest.updateMany({
      where: { id: swapId, status: "PENDING" },
      data: { status: "APPROVED", decidedBy: managerName, decidedAt: new Date() },
    });
    if (claimed.count === 0) throw new SwapError("That swap was decided by someone else.");
    await tx.shift.update({ where: { id: swap.shiftId }, data: { agentId: swap.takenById!, editedBy: managerName } });
    // Approved swaps take effect for agents at once, without waiting for the next publish.
    await tx.publishedShift.updateMany({ where: { shiftId: swap.shiftId }, data: { agentId: swap.takenById! } });
    await writeDraftView(tx, swap.shift.scheduleId, weekStart);
  });
}

export async function declineSwap(swapId: string, managerName: string) {
  const result = await prisma.swapRequest.updateMany({
    where: { id: swapId, status: "PENDING" },
    data: { status: "DECLINED", decidedBy: managerName, decidedAt: new Date() },
  });
  return result.count === 1;
}

export async function pendingRequestCounts() {
  const [timeOff, swaps] = await Promise.all([
    prisma.timeOffRequest.count({ where: { status: "PENDING" } }),
    prisma.swapRequest.count({ where: { status: "PENDING", takenById: { not: null } } }),
  ]);
  return { timeOff, swaps };
}
