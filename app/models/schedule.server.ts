// Week schedules: building the engine's input from the database, storing solver output, hand edits
// checked against the same rules, and publishing with optimistic locking.
import { TZDate } from "@date-fns/tz";
import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { checkSchedule, coverageTotals, type Shift as EngineShift, type Violation } from "../../jobs/schedule";
import { addDays, formatInZone, localDate, startOfLocalDay, zoneAbbreviation } from "~/utils/time";
import { buildWeekInstance, type PlanningAgent } from "../../jobs/planning/instance";
import { effectiveForecast, latestForecastRun } from "./forecast.server";
import { currentRuleSet, ruleSetForSchedule, type RuleSet } from "./labour-rules.server";
import { listQueueSettings } from "./queue.server";
import {
  AvailabilityColumn,
  CapPeriodsColumn,
  readJsonColumn,
  sameJson,
  ScheduleSummaryColumn,
  ShiftBreaksColumn,
  type StoredScheduleSummary,
} from "./json-columns";
import { deliverSoon, enqueueMail } from "./outbox.server";
import { cacheUntil } from "~/utils/render-context.server";
import { enqueue, getQueue, JobQueueUnavailableError } from "../../jobs/queues";

/** Weeks run Monday 00:00 to Monday 00:00 in the planning office's zone. */
export const PLANNING_TIME_ZONE = "Europe/Stockholm";
export const INTERVAL_MINUTES = 15;
export const WEEK_MS = 7 * 86_400_000;

export class ScheduleConflictError extends Error {}
export class ScheduleRuleError extends Error {
  constructor(public readonly violations: string[]) {
    super(violations.join(" "));
  }
}

/** Monday 00:00 (planning zone) of the week containing `at`, as an instant. */
export function weekStartOf(at: Date): Date {
  const local = new TZDate(at.getTime(), PLANNING_TIME_ZONE);
  const monday = new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - ((local.getDay() + 6) % 7), 0, 0, 0, PLANNING_TIME_ZONE);
  return new Date(monday.getTime());
}

export function nextWeekStart(now: Date): Date {
  return weekStartOf(new Date(weekStartOf(now).getTime() + WEEK_MS + 3_600_000 * 12));
}

export function getOrCreateSchedule(weekStart: Date) {
  return prisma.schedule.upsert({ where: { weekStart }, create: { weekStart }, update: {} });
}

export function getSchedule(id: string) {
  return prisma.schedule.findUnique({ where: { id } });
}

/** Agents required per queue and interval of a week, from the newest forecast covering it (adjustments applied). */
export async function weekRequirement(weekStart: Date) {
  const weekEnd = new Date(weekStart.getTime() + WEEK_MS);
  const run = await latestForecastRun(weekStart);
  const queues = await listQueueSettings();
  const intervals = WEEK_MS / (INTERVAL_MINUTES * 60_000);
  const required = await Promise.all(
    queues.map(async (queue) => {
      const series = new Array(intervals).fill(0);
      if (run) {
        for (const row of await effectiveForecast(run, queue, weekStart, weekEnd)) {
          const t = Math.floor((row.intervalStart.getTime() - weekStart.getTime()) / (INTERVAL_MINUTES * 60_000));
          if (t >= 0 && t < intervals) series[t] = row.required;
        }
      }
      return { key: queue.key, required: series };
    }),
  );
  return { required, forecastRunId: run?.id ?? null, queueIds: new Map(queues.map((q) => [q.key, q.id])) };
}

/**
 * Which agents a week's roster holds: active, started before the week ends, and not leaving before it
 * begins (a last working day is a date; a day's slack covers every zone, `leavingTimeOff` is exact).
 */
export function rosterWhere(weekStart: Date): Prisma.AgentWhereInput {
  return {
    active: true,
    startDate: { lt: new Date(weekStart.getTime() + WEEK_MS) },
    OR: [{ leftAt: null }, { leftAt: { gte: new Date(weekStart.getTime() - 86_400_000) } }],
  };
}

/** An agent who leaves after `leftAt` (their last working day) is away from the start of the next day in their zone: no shifts after it. */
export function leavingTimeOff(agent: { leftAt: Date | null; timeZone: string }, weekEnd: Date): { start: Date; end: Date }[] {
  if (!agent.leftAt) return [];
  const start = startOfLocalDay(addDays(localDate(agent.leftAt, "UTC"), 1), agent.timeZone);
  return start < weekEnd ? [{ start, end: weekEnd }] : [];
}

/**
 * Queues (with requirements from the newest forecast covering the week) and active agents, as engine input,
 * under `ruleSet` (a run takes the current version; checks of a built week take the one it was built with).
 */
export async function loadWeekInput(weekStart: Date, ruleSet?: RuleSet) {
  const rules = ruleSet ?? (await currentRuleSet());
  const weekEnd = new Date(weekStart.getTime() + WEEK_MS);
  const { required, forecastRunId, queueIds } = await weekRequirement(weekStart);
  const agents = await prisma.agent.findMany({
    where: rosterWhere(weekStart),
    select: {
      id: true,
      cohort: true,
      timeZone: true,
      weeklyMinMinutes: true,
      weeklyMaxMinutes: true,
      maxShiftsPerWeek: true,
      availability: true,
      capPeriods: true,
      leftAt: true,
      skills: { select: { queue: { select: { key: true } } } },
      timeOff: { where: { status: "APPROVED", start: { lt: weekEnd }, end: { gt: weekStart } }, select: { start: true, end: true } },
    },
    orderBy: { id: "asc" },
  });
  const planningAgents: PlanningAgent[] = agents.map((a) => ({
    id: a.id,
    cohort: a.cohort,
    timeZone: a.timeZone,
    skills: a.skills.map((s) => s.queue.key),
    weeklyMinMinutes: a.weeklyMinMinutes,
    weeklyMaxMinutes: a.weeklyMaxMinutes,
    maxShiftsPerWeek: a.maxShiftsPerWeek,
    availability: readJsonColumn(AvailabilityColumn, a.availability, `availability of agent ${a.id}`),
    capPeriods: readJsonColumn(CapPeriodsColumn, a.capPeriods, `exam periods of agent ${a.id}`),
    timeOff: [...a.timeOff, ...leavingTimeOff(a, weekEnd)],
  }));
  const instance = buildWeekInstance({ weekStart, intervalMinutes: INTERVAL_MINUTES, queues: required, agents: planningAgents, rules: rules.rules });
  return { instance, forecastRunId, queueIds, ruleSetId: rules.id };
}

const slot = (weekStart: Date, t: number) => new Date(weekStart.getTime() + t * INTERVAL_MINUTES * 60_000);
const index = (weekStart: Date, at: Date) => Math.round((at.getTime() - weekStart.getTime()) / (INTERVAL_MINUTES * 60_000));

export function toEngineShift(weekStart: Date, shift: { agentId: string; queue: { key: string }; start: Date; end: Date; breaks: unknown }): EngineShift {
  const breaks = readJsonColumn(ShiftBreaksColumn, shift.breaks, "shift breaks").map(
    (b) => [index(weekStart, new Date(b.start)), index(weekStart, new Date(b.end))] as [number, number],
  );
  return { agent: shift.agentId, queue: shift.queue.key, start: index(weekStart, shift.start), end: index(weekStart, shift.end), breaks };
}

/**
 * Replaces the draft's shifts with the solver's, in one transaction, and bumps the version: a worker
 * killed before this point leaves the previous draft as it was.
 */
export async function saveSolvedSchedule(
  scheduleId: string,
  weekStart: Date,
  queueIds: Map<string, string>,
  shifts: EngineShift[],
  summary: StoredScheduleSummary,
  forecastRunId: string | null,
  ruleSetId: string,
) {
  await prisma.$transaction(
    async (tx) => {
      await tx.shift.deleteMany({ where: { scheduleId } });
      await tx.shift.createMany({
        data: shifts.map((s) => ({
          scheduleId,
          agentId: s.agent,
          queueId: queueIds.get(s.queue)!,
          start: slot(weekStart, s.start),
          end: slot(weekStart, s.end),
          breaks: s.breaks.map(([a, b]) => ({ start: slot(weekStart, a).toISOString(), end: slot(weekStart, b).toISOString() })),
        })),
      });
      await tx.schedule.update({
        where: { id: scheduleId },
        data: { summary, forecastRunId, ruleSetId, runStatus: "SUCCEEDED", error: null, status: "DRAFT", version: { increment: 1 } },
      });
      await writeDraftView(tx, scheduleId, weekStart);
    },
    { timeout: 120_000 },
  );
}

export function markScheduleRun(scheduleId: string, data: { runStatus: "QUEUED" | "RUNNING" | "FAILED"; error?: string | null; jobId?: string }) {
  return prisma.schedule.update({ where: { id: scheduleId }, data });
}

const SHIFT_SELECT = {
  id: true,
  agentId: true,
  start: true,
  end: true,
  breaks: true,
  editedBy: true,
  queue: { select: { key: true } },
  agent: { select: { user: { select: { name: true } }, timeZone: true } },
} as const;

export async function listShifts(scheduleId: string) {
  const rows = await prisma.shift.findMany({ where: { scheduleId }, select: SHIFT_SELECT, orderBy: [{ agentId: "asc" }, { start: "asc" }] });
  return rows.map((row) => ({ ...row, breaks: readJsonColumn(ShiftBreaksColumn, row.breaks, "shift breaks") }));
}

/** A schedule's stored summary; null before its first run. */
export function readScheduleSummary(value: unknown): StoredScheduleSummary | null {
  return value === null || value === undefined ? null : readJsonColumn(ScheduleSummaryColumn, value, "schedule summary");
}

/** Staffed agents per queue and interval (breaks excluded), from engine-form shifts. */
export function staffedMatrix(instance: { intervals: number; queues: { id: string }[] }, shifts: EngineShift[]): Map<string, number[]> {
  const staffed = new Map(instance.queues.map((q) => [q.id, new Array(instance.intervals).fill(0)]));
  for (const s of shifts) {
    const row = staffed.get(s.queue);
    if (!row) continue;
    for (let t = Math.max(0, s.start); t < Math.min(instance.intervals, s.end); t++) {
      if (!s.breaks.some(([a, b]) => t >= a && t < b)) row[t]++;
    }
  }
  return staffed;
}

/**
 * Rule-check findings as a manager reads them: agents by name, times in the manager's zone, and what
 * to do — never ids, UTC stamps or the engine's words.
 */
export async function explainViolations(violations: Violation[], timeZone: string): Promise<string[]> {
  const ids = [...new Set(violations.map((v) => v.agent).filter((id): id is string => Boolean(id)))];
  const agents = await prisma.agent.findMany({ where: { id: { in: ids } }, select: { id: true, user: { select: { name: true } } } });
  const names = new Map(agents.map((a) => [a.id, a.user.name]));
  const zone = zoneAbbreviation(timeZone);
  return violations.map((v) => {
    const name = (v.agent && names.get(v.agent)) || "This agent";
    if (v.rule === "agent")
      return `${name} is not on this week's roster (not active, or their contract has not started), so they cannot work this shift. Choose someone on the roster.`;
    let text = v.message;
    for (const [id, agentName] of names) text = text.split(`"${id}"`).join(agentName).split(id).join(agentName);
    text = text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z/g, (utc) => formatInZone(new Date(utc.replace("Z", ":00Z")), timeZone, "EEE d MMM HH:mm"));
    text = text.replace(/\bshift \d+:? ?/g, "shift ").replace(/\binstance\b/g, "week's plan");
    return `${text} (times ${zone}).`;
  });
}

export type ShiftEdit = { shiftId: string; queueKey: string; start: Date; end: Date; breaks: { start: Date; end: Date }[] };

/**
 * A manager's edit of one shift: the whole week is checked against the rule set it was built with (as
 * the solver's output was); a broken rule rejects the edit with its explanation. `version` guards against two
 * managers editing the same draft at once.
 */
export async function editShift(scheduleId: string, version: number, edit: ShiftEdit, editorName: string, timeZone = PLANNING_TIME_ZONE) {
  const schedule = await prisma.schedule.findUniqueOrThrow({ where: { id: scheduleId } });
  if (schedule.version !== version) throw new ScheduleConflictError("Someone else changed this schedule since you opened it. Reload to see their changes.");
  const { instance, queueIds } = await loadWeekInput(schedule.weekStart, await ruleSetForSchedule(schedule.ruleSetId));
  const shifts = await listShifts(scheduleId);
  const target = shifts.find((s) => s.id === edit.shiftId);
  if (!target) throw new ScheduleRuleError(["That shift no longer exists."]);
  const queueId = queueIds.get(edit.queueKey);
  if (!queueId) throw new ScheduleRuleError([`${edit.queueKey} is not a queue.`]);
  const engineShifts = shifts.map((s) =>
    s.id === edit.shiftId
      ? toEngineShift(schedule.weekStart, {
          agentId: s.agentId,
          queue: { key: edit.queueKey },
          start: edit.start,
          end: edit.end,
          breaks: edit.breaks.map((b) => ({ start: b.start.toISOString(), end: b.end.toISOString() })),
        })
      : toEngineShift(schedule.weekStart, s),
  );
  const editedIndex = shifts.findIndex((s) => s.id === edit.shiftId);
  const violations = checkSchedule(instance, engineShifts).filter((v) => v.agent === target.agentId || v.shift === editedIndex);
  if (violations.length) throw new ScheduleRuleError(await explainViolations(violations, timeZone));
  const totals = coverageTotals(instance, engineShifts);
  const updated = await prisma.$transaction(async (tx) => {
    const bumped = await tx.schedule.updateMany({
      where: { id: scheduleId, version },
      data: { version: { increment: 1 }, status: "DRAFT", summary: { ...readScheduleSummary(schedule.summary), ...totals } },
    });
    if (bumped.count === 0) throw new ScheduleConflictError("Someone else changed this schedule since you opened it. Reload to see their changes.");
    const shift = await tx.shift.update({
      where: { id: edit.shiftId },
      data: {
        queueId,
        start: edit.start,
        end: edit.end,
        breaks: edit.breaks.map((b) => ({ start: b.start.toISOString(), end: b.end.toISOString() })),
        editedBy: editorName,
      },
    });
    await writeDraftView(tx, scheduleId, schedule.weekStart);
    return shift;
  });
  return updated;
}

type Comparable = { agentId: string; start: Date; end: Date; breaks: unknown };

function sameShift(a: Comparable & { queueKey: string }, b: Comparable & { queueKey: string }): boolean {
  return (
    a.agentId === b.agentId &&
    a.queueKey === b.queueKey &&
    a.start.getTime() === b.start.getTime() &&
    a.end.getTime() === b.end.getTime() &&
    sameJson(a.breaks, b.breaks)
  );
}

/** Agents whose shifts differ between the draft and what was last published, with the number of differing shifts. */
function diffPublished(
  draft: { id: string; agentId: string; start: Date; end: Date; breaks: unknown; queue: { key: string } }[],
  published: { shiftId: string | null; agentId: string; queueKey: string; start: Date; end: Date; breaks: unknown }[],
): Map<string, number> {
  const byShift = new Map(published.filter((p) => p.shiftId).map((p) => [p.shiftId!, p]));
  const changes = new Map<string, number>();
  const bump = (agentId: string) => changes.set(agentId, (changes.get(agentId) ?? 0) + 1);
  const seen = new Set<string>();
  for (const s of draft) {
    const p = byShift.get(s.id);
    seen.add(s.id);
    if (!p) bump(s.agentId);
    else if (!sameShift({ ...s, queueKey: s.queue.key }, p)) {
      bump(s.agentId);
      if (p.agentId !== s.agentId) bump(p.agentId);
    }
  }
  for (const p of published) if (!p.shiftId || !seen.has(p.shiftId)) bump(p.agentId);
  return changes;
}

/** Shifts added, changed or removed since the last publish. */
export async function changesSincePublish(scheduleId: string) {
  const [draft, published] = await Promise.all([listShifts(scheduleId), prisma.publishedShift.findMany({ where: { scheduleId } })]);
  const perAgent = diffPublished(draft, published);
  return { changed: [...perAgent.values()].reduce((a, b) => a + b, 0), agents: perAgent.size };
}

export type DraftView = { staffed: Record<string, number[]>; shiftAgents: number; changedShifts: number };

/**
 * The draft's view for the pages — staffed agents per queue key and interval (breaks excluded), agents
 * with shifts, shifts changed since the last publish — computed from its shifts and stored on the
 * schedule. Called in the transaction that changes the shifts (run, edit, swap), so pages read one row
 * instead of every shift of the week. With `ifVersion`, written only while the schedule is still at that version.
 */
export async function writeDraftView(db: Prisma.TransactionClient, scheduleId: string, weekStart: Date, ifVersion?: number): Promise<DraftView> {
  const [draft, published] = await Promise.all([
    db.shift.findMany({ where: { scheduleId }, select: { id: true, agentId: true, start: true, end: true, breaks: true, queue: { select: { key: true } } } }),
    db.publishedShift.findMany({ where: { scheduleId }, select: { shiftId: true, agentId: true, queueKey: true, start: true, end: true, breaks: true } }),
  ]);
  const engineShifts = draft.map((s) => toEngineShift(weekStart, s));
  const keys = [...new Set(engineShifts.map((s) => s.queue))].sort();
  const staffed = staffedMatrix({ intervals: WEEK_MS / (INTERVAL_MINUTES * 60_000), queues: keys.map((id) => ({ id })) }, engineShifts);
  const view: DraftView = {
    staffed: Object.fromEntries(staffed),
    shiftAgents: new Set(draft.map((s) => s.agentId)).size,
    changedShifts: [...diffPublished(draft, published).values()].reduce((a, b) => a + b, 0),
  };
  await db.schedule.updateMany({ where: { id: scheduleId, ...(ifVersion === undefined ? {} : { version: ifVersion }) }, data: view });
  return view;
}

/**
 * Publishes the draft at `version`. Two managers publishing at once: the second finds the version
 * moved and gets a conflict instead of publishing something they have not seen. Agents whose shifts
 * changed since the previous publish get a message (outbox).
 */
export async function publishSchedule(scheduleId: string, version: number) {
  const { mailIds, ...result } = await prisma.$transaction(
    async (tx) => {
      const schedule = await tx.schedule.findUniqueOrThrow({ where: { id: scheduleId } });
      const claimed = await tx.schedule.updateMany({
        where: { id: scheduleId, version },
        data: { status: "PUBLISHED", publishedVersion: version, publishedAt: new Date(), version: { increment: 1 }, changedShifts: 0 },
      });
      if (claimed.count === 0) throw new ScheduleConflictError("The schedule changed since you opened it. Reload, check the changes, then publish.");
      const shifts = await tx.shift.findMany({ where: { scheduleId }, select: SHIFT_SELECT });
      const previous = await tx.publishedShift.findMany({ where: { scheduleId } });
      const changedAgents = diffPublished(shifts, previous);
      // Agents read the published copy: replace it whole, in this transaction.
      await tx.publishedShift.deleteMany({ where: { scheduleId } });
      await tx.publishedShift.createMany({
        data: shifts.map((s) => ({ scheduleId, shiftId: s.id, agentId: s.agentId, queueKey: s.queue.key, start: s.start, end: s.end, breaks: s.breaks ?? [] })),
      });
      const first = schedule.publishedVersion === null;
      const affected = first
        ? []
        : await tx.agent.findMany({ where: { id: { in: [...changedAgents.keys()] } }, select: { id: true, user: { select: { email: true, name: true } } } });
      const mailIds: string[] = [];
      for (const agent of affected) {
        const count = changedAgents.get(agent.id) ?? 0;
        const mail = await enqueueMail(tx, {
          to: agent.user.email,
          kind: "schedule-changed",
          subject: "Your shifts have changed",
          body: `Hi ${agent.user.name.split(" ")[0]},\n\n${count} of your shifts in the week of ${schedule.weekStart.toISOString().slice(0, 10)} changed. Open Handoff to see your week.\n`,
        });
        mailIds.push(mail.id);
      }
      return { published: shifts.length, notified: affected.length, mailIds };
    },
    { timeout: 120_000 },
  );
  await deliverSoon(mailIds);
  return result;
}

/** Queues a solver run for the week, unless one is already queued or running (a double submit queues one run). */
export async function startScheduleRun(weekStart: Date, requestedBy: string, timeLimitSeconds = env().SCHEDULE_TIME_LIMIT_SECONDS) {
  const schedule = await getOrCreateSchedule(weekStart);
  const jobId = `schedule-${schedule.id}-v${schedule.version}-${Date.now()}`;
  const claimed = await prisma.schedule.updateMany({
    where: { id: schedule.id, OR: [{ runStatus: { in: ["SUCCEEDED", "FAILED", "CANCELLED"] } }, { jobId: null }] },
    data: { runStatus: "QUEUED", error: null, jobId },
  });
  if (claimed.count === 0) return schedule;
  try {
    await enqueue("schedule", { scheduleId: schedule.id, requestedBy, timeLimitSeconds }, { jobId });
  } catch (error) {
    // A run without a job would wait for a worker forever: it is marked failed, with why.
    if (error instanceof JobQueueUnavailableError)
      await markScheduleRun(schedule.id, { runStatus: "FAILED", error: "Not started: the job queue was not reachable. Start it again in a minute." });
    throw error;
  }
  return schedule;
}

export async function scheduleRunProgress(schedule: { runStatus: string; jobId: string | null }): Promise<number> {
  if (schedule.runStatus === "SUCCEEDED") return 100;
  if (!schedule.jobId) return 0;
  const job = await getQueue("schedule").getJob(schedule.jobId);
  return typeof job?.progress === "number" ? job.progress : 0;
}

export function findScheduleByWeek(weekStart: Date) {
  return prisma.schedule.findUnique({ where: { weekStart } });
}

/**
 * An agent who left: their shifts in draft schedules from the day after their last day (and never in the
 * past) are removed, each changed draft's version bumped; pending swaps they offered are cancelled and
 * ones they took are offered again. Published weeks keep their shifts until a manager re-runs and
 * publishes them (the schedule page flags them, see `leaversWithPublishedShifts`): what agents were told
 * changes only when a manager publishes. Their past shifts, requests and record stay.
 */
export async function removeLeaverFromDrafts(tx: Prisma.TransactionClient, agent: { id: string; timeZone: string }, leftAt: string, now: Date) {
  const dayAfter = startOfLocalDay(addDays(leftAt, 1), agent.timeZone);
  const from = dayAfter > now ? dayAfter : now;
  const drafts = await tx.shift.findMany({
    where: { agentId: agent.id, start: { gte: from }, schedule: { status: "DRAFT" } },
    select: { id: true, scheduleId: true },
  });
  if (drafts.length) {
    await tx.shift.deleteMany({ where: { id: { in: drafts.map((s) => s.id) } } });
    const changed = [...new Set(drafts.map((s) => s.scheduleId))];
    await tx.schedule.updateMany({ where: { id: { in: changed } }, data: { version: { increment: 1 } } });
    // The pages read each draft's stored view: it is rewritten with the shifts.
    for (const schedule of await tx.schedule.findMany({ where: { id: { in: changed } }, select: { id: true, weekStart: true } }))
      await writeDraftView(tx, schedule.id, schedule.weekStart);
  }
  await tx.swapRequest.updateMany({
    where: { offeredById: agent.id, status: "PENDING" },
    data: { status: "CANCELLED", decidedBy: "Handoff (the agent left)", decidedAt: now },
  });
  await tx.swapRequest.updateMany({ where: { takenById: agent.id, status: "PENDING" }, data: { takenById: null } });
  const published = await tx.publishedShift.count({ where: { agentId: agent.id, start: { gte: from } } });
  return { removedDraftShifts: drafts.length, publishedShiftsKept: published };
}

/** Agents no longer active who still hold upcoming published shifts of this week: someone must cover them. */
export async function leaversWithPublishedShifts(scheduleId: string, now = new Date()) {
  const rows = await prisma.publishedShift.findMany({
    where: { scheduleId, start: { gte: now }, agent: { active: false } },
    select: { start: true, agent: { select: { id: true, leftAt: true, user: { select: { name: true } } } } },
    orderBy: { start: "asc" },
  });
  const byAgent = new Map<string, { name: string; leftAt: string | null; shifts: number; firstStart: Date }>();
  for (const r of rows) {
    const entry = byAgent.get(r.agent.id) ?? {
      name: r.agent.user.name,
      leftAt: r.agent.leftAt ? localDate(r.agent.leftAt, "UTC") : null,
      shifts: 0,
      firstStart: r.start,
    };
    entry.shifts++;
    byAgent.set(r.agent.id, entry);
  }
  // Shifts from now on: the list changes when the first of them starts (decision 090).
  if (rows.length) cacheUntil(rows[0].start);
  return [...byAgent.values()];
}
