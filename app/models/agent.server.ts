// Agents as they see themselves: their record, published shifts, calendar feed and availability.
import { randomBytes } from "node:crypto";
import { prisma } from "~/utils/db.server";
import type { WeeklyRanges } from "../../jobs/planning/calendar";
import { AvailabilityColumn, CapPeriodsColumn, readJsonColumn, ShiftBreaksColumn, type CapPeriod } from "./json-columns";

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
