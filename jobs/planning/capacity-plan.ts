// The capacity plan's inputs measured from our own data (attrition, time to hire, band hours, pipeline starts) and the Plan built from them; pure.
import type { Cohort, Plan } from "../capacity";
import type { DemandBand } from "../capacity";

export const CAPACITY_COHORTS = ["student", "rural", "loyal-customer"] as const;
export type CapacityCohort = (typeof CAPACITY_COHORTS)[number];

/**
 * The plan's bands, local to each agent and queue: weekday days, weekday evenings, weekends. Together they
 * cover the whole week, so no demand falls outside them (decision 095: 08–17, 17–22 and weekends 08–22
 * dropped the 07–08 and 22–23 hours the queues are open, 8 % of the schedule's requirement).
 */
export const CAPACITY_BANDS: DemandBand[] = [
  { id: "weekday-day", weekdays: [0, 1, 2, 3, 4], fromHour: 0, toHour: 17 },
  { id: "weekday-evening", weekdays: [0, 1, 2, 3, 4], fromHour: 17, toHour: 24 },
  { id: "weekend", weekdays: [5, 6], fromHour: 0, toHour: 24 },
];
export const BAND_LABELS: Record<string, string> = {
  "weekday-day": "Weekday days to 17:00",
  "weekday-evening": "Weekday evenings from 17:00",
  weekend: "Weekends",
};

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export type Slot = { day: number; from: string; to: string };
const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
};

/**
 * Attrition per week: leavers in the window ÷ agent-weeks employed in it (a constant weekly hazard's
 * maximum-likelihood estimate). Null when nobody was employed in the window.
 */
export function measureAttrition(
  agents: { startDate: Date; leftAt: Date | null }[],
  from: Date,
  to: Date,
): { perWeek: number | null; leavers: number; agentWeeks: number } {
  let leavers = 0;
  let exposure = 0;
  for (const a of agents) {
    const begin = Math.max(a.startDate.getTime(), from.getTime());
    const end = Math.min(a.leftAt ? a.leftAt.getTime() : Infinity, to.getTime());
    if (end > begin) exposure += (end - begin) / WEEK_MS;
    if (a.leftAt && a.leftAt.getTime() >= from.getTime() && a.leftAt.getTime() < to.getTime()) leavers++;
  }
  return { perWeek: exposure > 0 ? leavers / exposure : null, leavers, agentWeeks: exposure };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median days from application to hire; lead weeks = that in whole weeks (rounded up) + training weeks. */
export function measureLeadWeeks(hires: { appliedAt: Date; hiredAt: Date }[], trainingWeeks: number): { medianDays: number | null; leadWeeks: number | null } {
  const days = median(hires.map((h) => (h.hiredAt.getTime() - h.appliedAt.getTime()) / DAY_MS));
  return { medianDays: days, leadWeeks: days === null ? null : Math.ceil(days / 7) + trainingWeeks };
}

/**
 * Hours of a weekly availability (local) inside a band (local); with `dayCapHours`, each day's hours are
 * capped at it (one shift a day: nobody works more of a day than the longest shift's working time).
 */
export function slotHoursInBand(slots: Slot[], band: DemandBand, dayCapHours = Infinity): number {
  const byDay = new Map<number, number>();
  for (const s of slots) {
    if (!band.weekdays.includes(s.day)) continue;
    const from = Math.max(minutes(s.from), band.fromHour * 60);
    const to = Math.min(s.to === "24:00" || s.to === "00:00" ? 1440 : minutes(s.to), band.toHour * 60);
    if (to > from) byDay.set(s.day, (byDay.get(s.day) ?? 0) + (to - from) / 60);
  }
  let total = 0;
  for (const hours of byDay.values()) total += Math.min(hours, dayCapHours);
  return total;
}

/**
 * Working hours of the longest shift the labour rules allow, less the break a shift that long gets: the
 * most one agent gives to one day (shifts are one a day, rest between them is at least 11 hours).
 */
export function longestShiftWorkHours(rules: { shiftMaxMinutes: number; breaks: { fromShiftMinutes: number; minutes: number }[] }): number {
  const brk = rules.breaks.filter((b) => b.fromShiftMinutes <= rules.shiftMaxMinutes).reduce((m, b) => Math.max(m, b.minutes), 0);
  return (rules.shiftMaxMinutes - brk) / 60;
}

/**
 * Band hours of a cohort: per band the mean over its people of the hours they are available in it,
 * each day's capped at `dayCapHours` (the longest shift's working time) and each person's at their
 * weekly maximum (nobody gives a band more than they work in a week).
 */
export function measureBandHours(
  people: { availability: Slot[]; weeklyMaxHours: number }[],
  bands: DemandBand[] = CAPACITY_BANDS,
  dayCapHours = Infinity,
): Record<string, number> | null {
  if (people.length === 0) return null;
  const out: Record<string, number> = {};
  for (const band of bands) {
    const sum = people.reduce((s, p) => s + Math.min(slotHoursInBand(p.availability, band, dayCapHours), p.weeklyMaxHours), 0);
    out[band.id] = round1(sum / people.length);
  }
  return out;
}

/** One published week's schedule as the calibration reads it. */
export interface ScheduledWeek {
  /** Agents required per queue and interval of the week (the requirement the schedule was measured against). */
  required: Record<string, number[]>;
  intervalMinutes: number;
  /** The week's roster: every agent who could have been scheduled, with their contract hours that week. */
  roster: { id: string; cohort: string; contractHours: number }[];
  /** Working intervals (breaks excluded) of each shift. */
  shifts: { agentId: string; queue: string; intervals: number[] }[];
}

export type ScheduledShare = {
  weeks: number;
  agentWeeks: number;
  contractHours: number;
  scheduledHours: number;
  /** Scheduled hours that met requirement: an interval staffed above its requirement counts required ÷ staffed of each agent in it. */
  usefulHours: number;
  /** usefulHours ÷ contractHours. */
  share: number;
};

/**
 * Per cohort, the share of its agents' contract hours that recent schedules turned into covered requirement
 * (decision 095): what availability, shift lengths, breaks, rest, the intraday shape inside a band and queue
 * skills leave of the contract maximum. An agent on the roster with no shift counts with 0 hours.
 */
export function measureScheduledShare(weeks: ScheduledWeek[]): Map<string, ScheduledShare> {
  const out = new Map<string, ScheduledShare>();
  for (const week of weeks) {
    const hoursPerInterval = week.intervalMinutes / 60;
    const staffed = new Map<string, number[]>();
    for (const s of week.shifts) {
      const row = staffed.get(s.queue) ?? [];
      for (const t of s.intervals) row[t] = (row[t] ?? 0) + 1;
      staffed.set(s.queue, row);
    }
    const cohortOf = new Map(week.roster.map((a) => [a.id, a.cohort]));
    const add = (cohort: string) => {
      let m = out.get(cohort);
      if (!m) out.set(cohort, (m = { weeks: 0, agentWeeks: 0, contractHours: 0, scheduledHours: 0, usefulHours: 0, share: 0 }));
      return m;
    };
    const seen = new Set<string>();
    for (const a of week.roster) {
      const m = add(a.cohort);
      if (!seen.has(a.cohort)) m.weeks++;
      seen.add(a.cohort);
      m.agentWeeks++;
      m.contractHours += a.contractHours;
    }
    for (const s of week.shifts) {
      const cohort = cohortOf.get(s.agentId);
      if (!cohort) continue;
      const m = add(cohort);
      const required = week.required[s.queue] ?? [];
      const row = staffed.get(s.queue)!;
      for (const t of s.intervals) {
        m.scheduledHours += hoursPerInterval;
        m.usefulHours += hoursPerInterval * Math.min(1, (required[t] ?? 0) / row[t]);
      }
    }
  }
  for (const m of out.values()) m.share = m.contractHours > 0 ? m.usefulHours / m.contractHours : 0;
  return out;
}

/**
 * Hours one agent of the cohort works per week of the horizon: the mean weekly maximum, lowered in the
 * weeks their cap periods (term-time caps, exams) cover.
 */
export function measureHoursPerWeek(
  people: { weeklyMaxHours: number; capPeriods: { from: string; to: string; maxMinutes: number }[] }[],
  start: string,
  weeks: number,
): number[] | null {
  if (people.length === 0) return null;
  const week0 = Date.parse(`${start}T00:00:00Z`);
  return Array.from({ length: weeks }, (_, w) => {
    const from = week0 + w * WEEK_MS;
    const to = from + WEEK_MS;
    const sum = people.reduce((s, p) => s + contractHoursInWeek(p, from, to), 0);
    return round1(sum / people.length);
  });
}

/** A person's weekly maximum in the week [from, to) (ms), lowered when a cap period (term-time cap, exams) covers part of it. */
export function contractHoursInWeek(
  p: { weeklyMaxHours: number; capPeriods: { from: string; to: string; maxMinutes: number }[] },
  from: number,
  to = from + WEEK_MS,
): number {
  let hours = p.weeklyMaxHours;
  for (const cap of p.capPeriods) {
    if (Date.parse(`${cap.from}T00:00:00Z`) < to && Date.parse(`${cap.to}T00:00:00Z`) + DAY_MS > from) hours = Math.min(hours, cap.maxMinutes / 60);
  }
  return hours;
}

/**
 * Pass-through from each stage to hire, from the stage history: of the applications that ever entered a
 * stage (and are decided: hired or closed), the share that were hired.
 */
export function passThrough(applications: { stagesEntered: string[]; outcome: "hired" | "closed" | "open" }[]): Map<string, number> {
  const reached = new Map<string, { decided: number; hired: number }>();
  for (const a of applications) {
    if (a.outcome === "open") continue;
    for (const stage of new Set(a.stagesEntered)) {
      const r = reached.get(stage) ?? { decided: 0, hired: 0 };
      r.decided++;
      if (a.outcome === "hired") r.hired++;
      reached.set(stage, r);
    }
  }
  return new Map([...reached].map(([stage, r]) => [stage, r.decided ? r.hired / r.decided : 0]));
}

export type PipelineStart = { cohort: string; queue: string; week: number; expected: number };

/**
 * Supply already in motion: each open application × its stage's pass-through, starting after the median
 * remaining time to hire from that stage plus training, as expected starts per week of the horizon.
 */
export function pipelineStarts(
  open: { cohort: string; queues: string[]; stageId: string; enteredAt: Date }[],
  rates: Map<string, number>,
  daysToHireFrom: Map<string, number>,
  trainingWeeks: Record<string, number>,
  start: string,
  weeks: number,
): PipelineStart[] {
  const week0 = Date.parse(`${start}T00:00:00Z`);
  const byKey = new Map<string, PipelineStart>();
  for (const a of open) {
    const rate = rates.get(a.stageId) ?? 0;
    if (rate <= 0 || a.queues.length === 0) continue;
    const remaining = daysToHireFrom.get(a.stageId) ?? 14;
    const hireAt = Math.max(a.enteredAt.getTime() + remaining * DAY_MS, week0);
    const week = Math.floor((hireAt - week0) / WEEK_MS) + (trainingWeeks[a.cohort] ?? 1);
    if (week >= weeks) continue;
    // An applicant for several queues counts once, shared over them.
    for (const queue of a.queues) {
      const key = `${a.cohort}|${queue}|${week}`;
      const s = byKey.get(key) ?? { cohort: a.cohort, queue, week, expected: 0 };
      s.expected += rate / a.queues.length;
      byKey.set(key, s);
    }
  }
  return [...byKey.values()].sort((a, b) => a.week - b.week || a.cohort.localeCompare(b.cohort) || a.queue.localeCompare(b.queue));
}

/** The scenario's assumptions over the base. */
export interface CapacityAssumptions {
  containment?: { target: number; byDate: string };
  volumeGrowthPercent?: number;
  launch?: { queueKey: string; name: string; from: string; like: string; share: number };
  attritionFactor?: number;
  hiringFreezeUntil?: string;
}

export interface PlanInputs {
  start: string;
  weeks: number;
  queues: { id: string; required: number[][] }[];
  cohorts: Cohort[];
  agents: { cohort: string; skills: string[]; count: number }[];
  pipeline: PipelineStart[];
  maxHiresPerWeek: number;
  shortfallCostPerHour: number;
  assumptions: CapacityAssumptions;
}

/** Week index of a date in a horizon starting `start`; negative before it. */
export function weekOf(start: string, date: string): number {
  return Math.floor((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / WEEK_MS);
}

/**
 * The capacity engine's plan: existing agents by cohort × skills, pipeline starts as cohorts whose hours
 * begin in their start week (their count scaled so attrition counts from the start), one hireable profile
 * per cohort × queue, the scenario's attrition factor applied.
 */
export function buildPlan(inputs: PlanInputs): Plan {
  const factor = inputs.assumptions.attritionFactor ?? 1;
  const cohorts = inputs.cohorts.map((c) => ({ ...c, attritionPerWeek: Math.min(0.5, c.attritionPerWeek * factor) }));
  const byId = new Map(cohorts.map((c) => [c.id, c]));
  const pipelineCohorts: Cohort[] = [];
  const agents = [...inputs.agents];
  for (const s of inputs.pipeline) {
    const base = byId.get(s.cohort);
    if (!base || s.expected <= 0) continue;
    const id = `${s.cohort}@pipeline-w${s.week}`;
    if (!pipelineCohorts.some((c) => c.id === id)) {
      const hours = Array.from({ length: inputs.weeks }, (_, w) =>
        w < s.week ? 0 : typeof base.hoursPerWeek === "number" ? base.hoursPerWeek : base.hoursPerWeek[w],
      );
      pipelineCohorts.push({ ...base, id, hoursPerWeek: hours, ramp: [] });
    }
    agents.push({ cohort: id, skills: [s.queue], count: s.expected / Math.pow(1 - base.attritionPerWeek, s.week) });
  }
  return {
    start: inputs.start,
    weeks: inputs.weeks,
    bands: CAPACITY_BANDS.map((b) => b.id),
    queues: inputs.queues,
    cohorts: [...cohorts, ...pipelineCohorts],
    agents: agents.filter((a) => a.count > 0 && a.skills.every((s) => inputs.queues.some((q) => q.id === s))),
    hireable: cohorts.flatMap((c) => inputs.queues.map((q) => ({ cohort: c.id, skills: [q.id], maxPerWeek: inputs.maxHiresPerWeek }))),
    shortfallCostPerHour: inputs.shortfallCostPerHour,
  };
}

/** The cohort a plan cohort belongs to ("student@pipeline-w5" → "student"). */
export function cohortOfPlanCohort(id: string): string {
  return id.split("@")[0];
}

function round1(n: number) {
  return Math.round(n * 10) / 10;
}
