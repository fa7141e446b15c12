// What the schedule pages show, built from what is stored at write time: the week's requirement (from the
// newest forecast, kept per process until a forecast, adjustment or queue setting changes) and the draft's
// stored view (staffed per queue and interval, agents with shifts, changes since publish). The schedule
// page shows one page of the agents' timeline at a time. Never reads the agents' availability (the
// engine's instance is built only by runs and rule checks) nor every shift of the week.
import { prisma } from "~/utils/db.server";
import { formatInZone, localDate, toLocalDateTime, zoneAbbreviation } from "~/utils/time";
import { latestForecastRun } from "./forecast.server";
import { ruleSetForSchedule, ruleSetLabel } from "./labour-rules.server";
import { shiftRulesFor } from "./labour-rules";
import { readJsonColumn, ShiftBreaksColumn, StaffedColumn } from "./json-columns";
import {
  findScheduleByWeek,
  INTERVAL_MINUTES,
  leaversWithPublishedShifts,
  PLANNING_TIME_ZONE,
  readScheduleSummary,
  rosterWhere,
  scheduleRunProgress,
  WEEK_MS,
  weekRequirement,
  writeDraftView,
  type DraftView,
} from "./schedule.server";

const INTERVALS = WEEK_MS / (INTERVAL_MINUTES * 60_000);
const INTERVALS_PER_HOUR = 60 / INTERVAL_MINUTES;
/** Agents per page of the schedule page's timeline. */
export const TIMELINE_PAGE_SIZE = 50;

type Requirement = { key: string; required: number[] }[];
const requirements = new Map<string, Promise<Requirement>>();

/**
 * Agents required per queue and interval of a week. Reading the forecast's intervals and applying the
 * adjustments costs tens of milliseconds; it changes only with a new forecast run, an adjustment made or
 * reverted, or a queue's settings, so the result is kept per process under a key made of those.
 */
export async function cachedWeekRequirement(weekStart: Date): Promise<Requirement> {
  const [run, adjustments, queues] = await Promise.all([
    latestForecastRun(weekStart),
    prisma.adjustment.aggregate({ _count: { _all: true }, _max: { createdAt: true, revertedAt: true } }),
    prisma.queue.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
  ]);
  const key = [
    weekStart.getTime(),
    run?.id,
    run?.finishedAt?.getTime(),
    adjustments._count._all,
    adjustments._max.createdAt?.getTime(),
    adjustments._max.revertedAt?.getTime(),
    queues._count._all,
    queues._max.updatedAt?.getTime(),
  ].join("|");
  let cached = requirements.get(key);
  if (!cached) {
    cached = weekRequirement(weekStart).then((r) => r.required);
    cached.catch(() => requirements.delete(key));
    if (requirements.size >= 32) requirements.delete(requirements.keys().next().value!);
    requirements.set(key, cached);
  }
  return cached;
}

type StoredSchedule = NonNullable<Awaited<ReturnType<typeof findScheduleByWeek>>>;

/** The draft's stored view; a schedule from before views were stored gets it built and stored once. */
export async function readDraftView(schedule: StoredSchedule): Promise<DraftView> {
  if (schedule.staffed !== null && schedule.staffed !== undefined)
    return {
      staffed: readJsonColumn(StaffedColumn, schedule.staffed, "schedule staffing"),
      shiftAgents: schedule.shiftAgents,
      changedShifts: schedule.changedShifts,
    };
  return writeDraftView(prisma, schedule.id, schedule.weekStart, schedule.version);
}

/** Required and staffed agents per queue and interval for a week, the worst shortfalls, and the stored draft view. */
export async function weekCoverage(weekStart: Date) {
  const [schedule, required, rosterSize] = await Promise.all([
    findScheduleByWeek(weekStart),
    cachedWeekRequirement(weekStart),
    prisma.agent.count({ where: rosterWhere(weekStart) }),
  ]);
  const view = schedule ? await readDraftView(schedule) : { staffed: {}, shiftAgents: 0, changedShifts: 0 };
  const rows = required.map((q) => ({ queue: q.key, required: q.required, staffed: view.staffed[q.key] ?? new Array<number>(INTERVALS).fill(0) }));
  const worst: { queue: string; at: Date; short: number; required: number }[] = [];
  for (const row of rows)
    row.required.forEach((required, t) => {
      const short = required - (row.staffed[t] ?? 0);
      if (short > 0) worst.push({ queue: row.queue, at: new Date(weekStart.getTime() + t * INTERVAL_MINUTES * 60_000), short, required });
    });
  worst.sort((a, b) => b.short - a.short || a.at.getTime() - b.at.getTime());
  return { schedule, view, queues: required, rosterSize, rows, worst };
}

/** Agent hours required and scheduled per queue and day of the week (from weekCoverage rows). */
export function dailyHours(rows: { queue: string; required: number[]; staffed: number[] }[]) {
  const perDay = (24 * 60) / INTERVAL_MINUTES;
  const hours = (series: number[], day: number) => (series.slice(day * perDay, (day + 1) * perDay).reduce((a, b) => a + b, 0) * INTERVAL_MINUTES) / 60;
  return rows.map((row) => ({
    queue: row.queue,
    days: Array.from({ length: 7 }, (_, day) => ({ required: hours(row.required, day), scheduled: hours(row.staffed, day) })),
  }));
}

/** Per hour of the week, the average agents required and staffed: what the heatmap draws (a quarter of the intervals' data). */
function hourlyRows(rows: { queue: string; required: number[]; staffed: number[] }[]) {
  const hourly = (series: number[]) =>
    Array.from({ length: INTERVALS / INTERVALS_PER_HOUR }, (_, h) => {
      let sum = 0;
      for (let k = 0; k < INTERVALS_PER_HOUR; k++) sum += series[h * INTERVALS_PER_HOUR + k] ?? 0;
      return Math.round((sum / INTERVALS_PER_HOUR) * 100) / 100;
    });
  return rows.map((row) => ({ queue: row.queue, required: hourly(row.required), staffed: hourly(row.staffed) }));
}

export type TimelineFilter = { page: number; q: string; queue: string };

/** The timeline's filter from the address: `agents` page, `q` (name contains), `queue` (has a shift in it). */
export function timelineFilter(url: URL): TimelineFilter {
  const page = Number(url.searchParams.get("agents"));
  return {
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    q: (url.searchParams.get("q") ?? "").trim().slice(0, 100),
    queue: (url.searchParams.get("queue") ?? "").trim().slice(0, 40),
  };
}

/** One page of the agents with shifts in the draft (by name), with their shifts as the timeline draws them. */
async function timelinePage(scheduleId: string, filter: TimelineFilter) {
  const where = {
    shifts: { some: { scheduleId, ...(filter.queue ? { queue: { key: filter.queue } } : {}) } },
    ...(filter.q ? { user: { name: { contains: filter.q, mode: "insensitive" as const } } } : {}),
  };
  const [total, agents] = await Promise.all([
    filter.q || filter.queue ? prisma.agent.count({ where }) : null,
    prisma.agent.findMany({
      where,
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
      skip: (filter.page - 1) * TIMELINE_PAGE_SIZE,
      take: TIMELINE_PAGE_SIZE,
      select: {
        id: true,
        user: { select: { name: true } },
        shifts: {
          where: { scheduleId },
          orderBy: { start: "asc" },
          select: { id: true, start: true, end: true, breaks: true, editedBy: true, queue: { select: { key: true } } },
        },
      },
    }),
  ]);
  const rows = agents.map((a) => {
    let minutes = 0;
    const shifts = a.shifts.map((s) => {
      const breaks = readJsonColumn(ShiftBreaksColumn, s.breaks, "shift breaks").map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) }));
      minutes += (s.end.getTime() - s.start.getTime()) / 60_000 - breaks.reduce((m, b) => m + (b.end - b.start) / 60_000, 0);
      return { id: s.id, queue: s.queue.key, start: s.start.getTime(), end: s.end.getTime(), breaks, edited: s.editedBy !== null };
    });
    return { id: a.id, name: a.user.name, minutes, shifts };
  });
  return { total, rows };
}

/** The shift a manager opened for editing, in their zone; null when it is not one of this draft's. */
async function selectedShift(scheduleId: string, ruleSetId: string | null, shiftId: string | null, timeZone: string) {
  if (!shiftId) return null;
  const shift = await prisma.shift.findFirst({
    where: { id: shiftId, scheduleId },
    select: {
      id: true,
      start: true,
      end: true,
      breaks: true,
      queue: { select: { key: true } },
      agent: { select: { timeZone: true, cohort: true, user: { select: { name: true } } } },
    },
  });
  if (!shift) return null;
  const [firstBreak] = readJsonColumn(ShiftBreaksColumn, shift.breaks, "shift breaks");
  // A shift without a break is offered the break its week's rules ask for at its length (the agent's contract
  // type's own breaks where it has them), when it is given one.
  const lengthMinutes = (shift.end.getTime() - shift.start.getTime()) / 60_000;
  const ruleBreak = firstBreak
    ? undefined
    : shiftRulesFor((await ruleSetForSchedule(ruleSetId)).rules, shift.agent.cohort)
        .breaks.filter((b) => b.fromShiftMinutes <= lengthMinutes)
        .at(-1)?.minutes;
  return {
    id: shift.id,
    agent: shift.agent.user.name,
    agentZone: shift.agent.timeZone,
    queue: shift.queue.key,
    start: toLocalDateTime(shift.start, timeZone),
    end: toLocalDateTime(shift.end, timeZone),
    breakStart: firstBreak ? toLocalDateTime(new Date(firstBreak.start), timeZone) : "",
    breakMinutes: firstBreak ? (Date.parse(firstBreak.end) - Date.parse(firstBreak.start)) / 60_000 : (ruleBreak ?? 30),
  };
}

/** The manager's schedule page for a week: status, solver figures, coverage per hour, worst intervals, one page of the timeline. */
export async function scheduleWeekPage(weekStart: Date, timeZone: string, filter: TimelineFilter, shiftId: string | null) {
  const { schedule, view, queues, rosterSize, rows, worst } = await weekCoverage(weekStart);
  const [timeline, selected, progress, rules, leavers] = await Promise.all([
    schedule && view.shiftAgents > 0 ? timelinePage(schedule.id, filter) : { total: 0, rows: [] },
    schedule ? selectedShift(schedule.id, schedule.ruleSetId, shiftId, timeZone) : null,
    schedule && (schedule.runStatus === "QUEUED" || schedule.runStatus === "RUNNING") ? scheduleRunProgress(schedule) : 100,
    ruleSetLabel(schedule?.ruleSetId ?? null),
    schedule ? leaversWithPublishedShifts(schedule.id) : [],
  ]);
  const summary = readScheduleSummary(schedule?.summary);
  const required = summary?.requiredAgentIntervals ?? 0;
  const matching = timeline.total ?? view.shiftAgents;
  return {
    timeZone,
    zone: zoneAbbreviation(timeZone),
    week: localDate(weekStart, PLANNING_TIME_ZONE),
    weekStart: weekStart.getTime(),
    weekLabel: `${formatInZone(weekStart, timeZone, "d MMM")} – ${formatInZone(new Date(weekStart.getTime() + 6 * 86_400_000), timeZone, "d MMM yyyy")}`,
    queues: queues.map((q) => q.key),
    hasRequirement: queues.some((q) => q.required.some((r) => r > 0)),
    agentsAvailable: rosterSize,
    schedule: schedule
      ? {
          id: schedule.id,
          status: schedule.status,
          version: schedule.version,
          publishedVersion: schedule.publishedVersion,
          publishedAt: schedule.publishedAt?.toISOString() ?? null,
          runStatus: schedule.runStatus,
          error: schedule.error,
          progress,
        }
      : null,
    summary: summary
      ? {
          coverage: required ? summary.coveredAgentIntervals / required : 1,
          bound: required ? 1 - summary.lowerBoundUnderCoverage / required : 1,
          underHours: (summary.underCoverage * INTERVAL_MINUTES) / 60,
          overHours: (summary.overCoverage * INTERVAL_MINUTES) / 60,
          shortfallHours: summary.minMinutesShortfall / 60,
          seconds: summary.seconds,
        }
      : null,
    changed: view.changedShifts,
    rules: {
      built: rules.built
        ? { version: rules.built.version, by: rules.built.createdByName, at: formatInZone(rules.built.createdAt, timeZone, "d MMM yyyy HH:mm") }
        : null,
      current: rules.currentVersion,
    },
    leavers: leavers.map((l) => ({
      name: l.name,
      shifts: l.shifts,
      leftAt: l.leftAt ? formatInZone(`${l.leftAt}T12:00:00Z`, "UTC", "d MMM") : null,
      from: formatInZone(l.firstStart, timeZone, "EEE d MMM HH:mm"),
    })),
    coverage: hourlyRows(rows),
    worst: worst.slice(0, 6).map((c) => ({ queue: c.queue, at: formatInZone(c.at, timeZone, "EEE d MMM HH:mm"), short: c.short, required: c.required })),
    shiftAgents: view.shiftAgents,
    timeline: {
      ...filter,
      agents: timeline.rows,
      matching,
      pageSize: TIMELINE_PAGE_SIZE,
      pages: Math.max(1, Math.ceil(matching / TIMELINE_PAGE_SIZE)),
    },
    selected,
  };
}
