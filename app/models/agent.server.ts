// Agents as they see themselves: published shifts, calendar feed, availability, time off and swaps.
import { randomBytes } from "node:crypto";
import { prisma } from "~/utils/db.server";
import type { WeeklyRanges } from "../../jobs/planning/calendar";
import { AvailabilityColumn, CapPeriodsColumn, readJsonColumn, ShiftBreaksColumn, type CapPeriod } from "./json-columns";
import { checkSchedule } from "../../jobs/schedule";
import { loadWeekInput, toEngineShift } from "./schedule.server";
import { enqueueMail } from "./outbox.server";

export type { CapPeriod };

export async function getAgentForUser(userId: string) {
  const agent = await prisma.agent.findUnique({
    where: { userId },
    select: {
      id: true,
      timeZone: true,
      cohort: true,
      weeklyMinMinutes: true,
      weeklyMaxMinutes: true,
      maxShiftsPerWeek: true,
      availability: true,
      capPeriods: true,
      calendarToken: true,
      skills: { select: { queue: { select: { key: true } } } },
    },
  });
  if (!agent) return null;
  return {
    ...agent,
    skills: agent.skills.map((s) => s.queue.key),
    availability: readJsonColumn(AvailabilityColumn, agent.availability, "availability"),
    capPeriods: readJsonColumn(CapPeriodsColumn, agent.capPeriods, "exam periods"),
  };
}

export type PublishedShiftView = { id: string; shiftId: string | null; queue: string; start: Date; end: Date; breaks: { start: Date; end: Date }[] };

function toView(s: { id: string; shiftId: string | null; queueKey: string; start: Date; end: Date; breaks: unknown }): PublishedShiftView {
  const breaks = readJsonColumn(ShiftBreaksColumn, s.breaks, "shift breaks").map((b) => ({ start: new Date(b.start), end: new Date(b.end) }));
  return { id: s.id, shiftId: s.shiftId, queue: s.queueKey, start: s.start, end: s.end, breaks };
}

export async function publishedShifts(agentId: string, from: Date, to: Date): Promise<PublishedShiftView[]> {
  const rows = await prisma.publishedShift.findMany({ where: { agentId, end: { gt: from }, start: { lt: to } }, orderBy: { start: "asc" } });
  return rows.map(toView);
}

/** The feed behind a calendar subscription; null when the token is unknown (revoked or mistyped). */
export async function calendarFeed(token: string) {
  const agent = await prisma.agent.findUnique({ where: { calendarToken: token }, select: { id: true, timeZone: true, user: { select: { name: true } } } });
  if (!agent) return null;
  const from = new Date(Date.now() - 14 * 86_400_000);
  return { agent, shifts: await publishedShifts(agent.id, from, new Date(Date.now() + 120 * 86_400_000)) };
}

/** A new secret for the calendar feed: old subscriptions stop updating at once. */
export async function rotateCalendarToken(agentId: string) {
  return prisma.agent.update({ where: { id: agentId }, data: { calendarToken: randomBytes(24).toString("base64url") }, select: { calendarToken: true } });
}

export async function updateAvailability(agentId: string, input: { availability: WeeklyRanges; preferredMaxMinutes: number; capPeriods: CapPeriod[] }) {
  return prisma.agent.update({
    where: { id: agentId },
    data: { availability: input.availability, weeklyMaxMinutes: input.preferredMaxMinutes, capPeriods: input.capPeriods },
  });
}

// ─── Time off ────────────────────────────────────────────────────────────────

export function requestTimeOff(agentId: string, input: { start: Date; end: Date; reason: string }) {
  return prisma.timeOffRequest.create({ data: { agentId, ...input } });
}

export function listTimeOff(agentId: string) {
  return prisma.timeOffRequest.findMany({ where: { agentId }, orderBy: { start: "desc" }, take: 30 });
}

export async function cancelTimeOff(agentId: string, id: string) {
  const result = await prisma.timeOffRequest.updateMany({ where: { id, agentId, status: "PENDING" }, data: { status: "CANCELLED" } });
  return result.count === 1;
}

export function pendingTimeOff() {
  return prisma.timeOffRequest.findMany({
    where: { status: "PENDING" },
    orderBy: { start: "asc" },
    select: { id: true, start: true, end: true, reason: true, createdAt: true, agent: { select: { timeZone: true, user: { select: { name: true } } } } },
  });
}

export async function decideTimeOff(id: string, decision: "APPROVED" | "DECLINED", managerName: string) {
  return prisma.$transaction(async (tx) => {
    const updated = await tx.timeOffRequest.updateMany({ where: { id, status: "PENDING" }, data: { status: decision, decidedBy: managerName, decidedAt: new Date() } });
    if (updated.count === 0) return false;
    const request = await tx.timeOffRequest.findUniqueOrThrow({ where: { id }, select: { start: true, end: true, agent: { select: { user: { select: { email: true, name: true } } } } } });
    await enqueueMail(tx, {
      to: request.agent.user.email,
      kind: "time-off-decided",
      subject: `Time off ${decision === "APPROVED" ? "approved" : "declined"}`,
      body: `Hi ${request.agent.user.name.split(" ")[0]},\n\nyour time off from ${request.start.toISOString().slice(0, 16).replace("T", " ")} UTC to ${request.end.toISOString().slice(0, 16).replace("T", " ")} UTC was ${decision === "APPROVED" ? "approved; the next schedule run keeps you free then" : "declined"}.\n`,
    });
    return true;
  });
}

// ─── Swaps ───────────────────────────────────────────────────────────────────

export class SwapError extends Error {}

/** The agent offers one of their published shifts to colleagues. */
export async function offerShift(agentId: string, publishedShiftId: string) {
  const shift = await prisma.publishedShift.findFirst({ where: { id: publishedShiftId, agentId, start: { gt: new Date() } } });
  if (!shift?.shiftId) throw new SwapError("Only your own upcoming shifts can be offered.");
  const open = await prisma.swapRequest.findFirst({ where: { shiftId: shift.shiftId, status: "PENDING" } });
  if (open) throw new SwapError("This shift is already offered.");
  return prisma.swapRequest.create({ data: { shiftId: shift.shiftId, offeredById: agentId } });
}

/** Offers other agents could take: pending, not yet taken, on a queue they are qualified for. */
export async function openSwapsFor(agentId: string, skills: string[]) {
  return prisma.swapRequest.findMany({
    where: { status: "PENDING", takenById: null, offeredById: { not: agentId }, shift: { queue: { key: { in: skills } }, start: { gt: new Date() } } },
    select: { id: true, shift: { select: { start: true, end: true, queue: { select: { key: true } } } }, offeredBy: { select: { user: { select: { name: true } } } } },
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
  const swap = await prisma.swapRequest.findUnique({ where: { id: swapId }, select: { offeredById: true, shift: { select: { queue: { select: { key: true } } } } } });
  if (!swap || swap.offeredById === agentId) throw new SwapError("That offer is not open to you.");
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
export async function approveSwap(swapId: string, managerName: string) {
  const swap = await prisma.swapRequest.findUnique({
    where: { id: swapId },
    select: { status: true, takenById: true, shiftId: true, shift: { select: { scheduleId: true, schedule: { select: { weekStart: true } } } } },
  });
  if (!swap || swap.status !== "PENDING" || !swap.takenById) throw new SwapError("That swap is not waiting for approval.");
  const weekStart = swap.shift.schedule.weekStart;
  const { instance } = await loadWeekInput(weekStart);
  const shifts = await prisma.shift.findMany({ where: { scheduleId: swap.shift.scheduleId }, select: { id: true, agentId: true, start: true, end: true, breaks: true, queue: { select: { key: true } } } });
  const moved = shifts.map((s) => toEngineShift(weekStart, s.id === swap.shiftId ? { ...s, agentId: swap.takenById! } : s));
  const violations = checkSchedule(instance, moved).filter((v) => v.agent === swap.takenById);
  if (violations.length) throw new SwapError(violations.map((v) => v.message).join(" "));
  await prisma.$transaction(async (tx) => {
    const claimed = await tx.swapRequest.updateMany({ where: { id: swapId, status: "PENDING" }, data: { status: "APPROVED", decidedBy: managerName, decidedAt: new Date() } });
    if (claimed.count === 0) throw new SwapError("That swap was decided by someone else.");
    await tx.shift.update({ where: { id: swap.shiftId }, data: { agentId: swap.takenById!, editedBy: managerName } });
    // Approved swaps take effect for agents at once, without waiting for the next publish.
    await tx.publishedShift.updateMany({ where: { shiftId: swap.shiftId }, data: { agentId: swap.takenById! } });
  });
}

export async function declineSwap(swapId: string, managerName: string) {
  const result = await prisma.swapRequest.updateMany({ where: { id: swapId, status: "PENDING" }, data: { status: "DECLINED", decidedBy: managerName, decidedAt: new Date() } });
  return result.count === 1;
}

export async function pendingRequestCounts() {
  const [timeOff, swaps] = await Promise.all([
    prisma.timeOffRequest.count({ where: { status: "PENDING" } }),
    prisma.swapRequest.count({ where: { status: "PENDING", takenById: { not: null } } }),
  ]);
  return { timeOff, swaps };
}
