// The capacity plan: inputs measured from the roster and the pipeline, cohort settings, scenarios, their runs, and applying a plan to openings.
import { Prisma as PrismaNamespace, type CohortSetting, type Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { longRangeDemand, type Cohort, type HiringFreeze, type Plan } from "../../jobs/capacity";
import {
  buildPlan,
  CAPACITY_BANDS,
  CAPACITY_COHORTS,
  contractHoursInWeek,
  longestShiftWorkHours,
  measureAttrition,
  measureBandHours,
  measureHoursPerWeek,
  measureLeadWeeks,
  measureScheduledShare,
  median,
  passThrough,
  pipelineStarts,
  weekOf,
  type CapacityAssumptions,
  type CapacityCohort,
  type PipelineStart,
  type ScheduledShare,
  type ScheduledWeek,
} from "../../jobs/planning/capacity-plan";
import { enqueue, getQueue, JobQueueUnavailableError } from "../../jobs/queues";
import { recordAudit } from "./audit.server";
import { FIELD_LABELS, type CohortSettingInput, type ResettableField } from "./capacity-form";
import {
  AvailabilityColumn,
  BandHoursColumn,
  CapacityAssumptionsColumn,
  CapacityResultColumn,
  CapPeriodsColumn,
  RampColumn,
  readJsonColumn,
  ScheduleSummaryColumn,
  ShiftBreaksColumn,
  type StoredCapacityResult,
} from "./json-columns";
import { currentRuleSet } from "./labour-rules.server";
import { listQueueSettings, queueServiceParams } from "./queue.server";
import { COHORT_LABELS, DEFAULT_STAGES, LANGUAGES } from "./recruiting-vocabulary";
import { INTERVAL_MINUTES } from "./schedule.server";
import { cachedWeekRequirement } from "./schedule-view.server";
import { engineHistory } from "./volume.server";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
export const HORIZON_WEEKS = 26;
/** Attrition is measured over the last half year of the roster. */
const ATTRITION_WINDOW_WEEKS = 26;
/** The weeks of contact history the long-range demand is read from (the capacity page names queues with none). */
export const HISTORY_WEEKS = 12;
const MAX_HIRES_PER_WEEK = 4;
/** Hours per week are calibrated on the last this many published schedules that left requirement uncovered (decision 095). */
export const CALIBRATION_WEEKS = 4;
/** A schedule counts for the calibration when it left at least this share of its requirement uncovered. */
const CALIBRATION_MIN_SHORT = 0.01;
export const SHORTFALL_COST_PER_HOUR = 120;
/** What one contact the AI resolves costs (model and platform), for cost per contact. */
export const AI_COST_PER_RESOLVED = 0.4;

/** What a planner would assume with no data at all; measured values replace these, settings override both. */
const FALLBACK: Record<
  CapacityCohort,
  {
    hoursPerWeek: number;
    bandHours: Record<string, number>;
    attritionPerWeek: number;
    medianDays: number;
    ramp: number[];
    costPerHour: number;
    hireCost: number;
  }
> = {
  student: {
    hoursPerWeek: 18,
    bandHours: { "weekday-day": 4, "weekday-evening": 15, weekend: 12 },
    attritionPerWeek: 0.012,
    medianDays: 21,
    ramp: [0.5, 0.75],
    costPerHour: 16,
    hireCost: 900,
  },
  rural: {
    hoursPerWeek: 32,
    bandHours: { "weekday-day": 36, "weekday-evening": 4, weekend: 0 },
    attritionPerWeek: 0.005,
    medianDays: 28,
    ramp: [0.5, 0.75],
    costPerHour: 19,
    hireCost: 1100,
  },
  "loyal-customer": {
    hoursPerWeek: 16,
    bandHours: { "weekday-day": 12, "weekday-evening": 8, weekend: 8 },
    attritionPerWeek: 0.008,
    medianDays: 14,
    ramp: [0.6, 0.85],
    costPerHour: 18,
    hireCost: 700,
  },
};

/** Monday (UTC date) of the week after `now`: week 0 of a new plan. */
export function nextMonday(now: Date): string {
  const day = (now.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 7 - day)).toISOString().slice(0, 10);
}

// ─── Measured inputs ─────────────────────────────────────────────────────────

export type MeasuredCohort = {
  cohort: CapacityCohort;
  agents: number;
  leavers: number;
  agentWeeks: number;
  attritionPerWeek: number | null;
  hiresMeasured: number;
  medianDaysToHire: number | null;
  bandHours: Record<string, number> | null;
  bandHoursFrom: "agents" | "applicants" | null;
  /** Hours per week one agent gives: the contract hours × the scheduled share (when measured). */
  hoursPerWeek: number[] | null;
  /** The contract maximum per week of the horizon (mean, cap periods applied). */
  contractHoursPerWeek: number[] | null;
  /** Share of contract hours recent schedules turned into covered requirement; null when no schedule could measure it. */
  scheduled: (ScheduledShare & { weekStarts: string[] }) | null;
  /** Working hours of the longest shift: the most of one day's availability a band counts. */
  dayCapHours: number;
};

/** Attrition, time to hire, band and weekly hours per cohort, measured from the roster and the pipeline as of `now`. */
export async function measureCohorts(
  now: Date,
  start = nextMonday(now),
  weeks = HORIZON_WEEKS,
  scope: { agents?: Prisma.AgentWhereInput; applications?: Prisma.ApplicationWhereInput; applicants?: Prisma.ApplicantWhereInput } = {},
): Promise<MeasuredCohort[]> {
  const from = new Date(now.getTime() - ATTRITION_WINDOW_WEEKS * WEEK_MS);
  const [agents, hires, applicants, rules, scheduled] = await Promise.all([
    prisma.agent.findMany({
      where: scope.agents,
      select: { cohort: true, startDate: true, leftAt: true, availability: true, capPeriods: true, weeklyMaxMinutes: true },
    }),
    prisma.application.findMany({
      where: { ...scope.applications, hiredAt: { not: null } },
      select: { createdAt: true, hiredAt: true, applicant: { select: { cohort: true } } },
    }),
    prisma.applicant.findMany({
      where: { ...scope.applicants, anonymizedAt: null, applications: { some: { stage: { kind: "ACTIVE" } } } },
      select: { cohort: true, availability: true, hoursWanted: true, termTimeCapHours: true },
    }),
    currentRuleSet(),
    measureRecentSchedules(start, scope.agents),
  ]);
  const dayCapHours = longestShiftWorkHours(rules.rules);
  return CAPACITY_COHORTS.map((cohort) => {
    const mine = agents.filter((a) => a.cohort === cohort);
    const current = mine.filter((a) => !a.leftAt || a.leftAt > now);
    const attrition = measureAttrition(mine, from, now);
    const lead = measureLeadWeeks(
      hires.filter((h) => h.applicant.cohort === cohort).map((h) => ({ appliedAt: h.createdAt, hiredAt: h.hiredAt! })),
      0,
    );
    const people = current.map((a) => ({
      availability: readJsonColumn(AvailabilityColumn, a.availability, "agent availability"),
      weeklyMaxHours: a.weeklyMaxMinutes / 60,
      capPeriods: readJsonColumn(CapPeriodsColumn, a.capPeriods, "agent cap periods"),
    }));
    const pending = applicants
      .filter((a) => a.cohort === cohort)
      .map((a) => ({
        availability: readJsonColumn(AvailabilityColumn, a.availability, "applicant availability"),
        weeklyMaxHours: Math.min(a.hoursWanted, a.termTimeCapHours ?? Infinity),
        capPeriods: [],
      }));
    const source = people.length > 0 ? people : pending;
    const contract = measureHoursPerWeek(source, start, weeks);
    const share = scheduled.shares.get(cohort);
    const calibration = share && share.contractHours > 0 ? { ...share, weekStarts: scheduled.weekStarts } : null;
    return {
      cohort,
      agents: current.length,
      leavers: attrition.leavers,
      agentWeeks: attrition.agentWeeks,
      attritionPerWeek: attrition.perWeek,
      hiresMeasured: hires.filter((h) => h.applicant.cohort === cohort).length,
      medianDaysToHire: lead.medianDays,
      bandHours: measureBandHours(source, CAPACITY_BANDS, dayCapHours),
      bandHoursFrom: people.length > 0 ? "agents" : pending.length > 0 ? "applicants" : null,
      hoursPerWeek: contract && calibration ? contract.map((h) => Math.round(h * calibration.share * 10) / 10) : contract,
      contractHoursPerWeek: contract,
      scheduled: calibration,
      dayCapHours,
    };
  });
}

/**
 * The last CALIBRATION_WEEKS published schedules up to the plan's first week that left at least 1 % of their
 * requirement uncovered (a schedule with people to spare places fewer hours by choice, not by rule), each
 * with its requirement, roster and shifts, and the scheduled share per cohort they give (decision 095).
 */
export async function measureRecentSchedules(
  start: string,
  agentScope: Prisma.AgentWhereInput = {},
): Promise<{ weekStarts: string[]; shares: Map<string, ScheduledShare> }> {
  const until = new Date(Date.parse(`${start}T00:00:00Z`) + WEEK_MS);
  const candidates = await prisma.schedule.findMany({
    where: { status: "PUBLISHED", runStatus: "SUCCEEDED", weekStart: { lt: until } },
    orderBy: { weekStart: "desc" },
    take: CALIBRATION_WEEKS * 3,
    select: { id: true, weekStart: true, summary: true },
  });
  const chosen = candidates
    .filter((s) => {
      const summary = ScheduleSummaryColumn.safeParse(s.summary);
      return (
        summary.success && summary.data.requiredAgentIntervals > 0 && summary.data.underCoverage >= CALIBRATION_MIN_SHORT * summary.data.requiredAgentIntervals
      );
    })
    .slice(0, CALIBRATION_WEEKS);
  const weeks: ScheduledWeek[] = await Promise.all(
    chosen.map(async (s) => {
      const weekEnd = new Date(s.weekStart.getTime() + WEEK_MS);
      const [requirement, roster, shifts] = await Promise.all([
        cachedWeekRequirement(s.weekStart),
        prisma.agent.findMany({
          where: {
            AND: [agentScope, { startDate: { lt: weekEnd } }, { OR: [{ active: true, leftAt: null }, { leftAt: { gt: s.weekStart } }] }],
          },
          select: { id: true, cohort: true, weeklyMaxMinutes: true, capPeriods: true },
        }),
        prisma.shift.findMany({
          where: { scheduleId: s.id, agent: agentScope },
          select: { agentId: true, start: true, end: true, breaks: true, queue: { select: { key: true } } },
        }),
      ]);
      const slot = (at: number) => Math.floor((at - s.weekStart.getTime()) / (INTERVAL_MINUTES * 60_000));
      return {
        required: Object.fromEntries(requirement.map((q) => [q.key, q.required])),
        intervalMinutes: INTERVAL_MINUTES,
        roster: roster.map((a) => ({
          id: a.id,
          cohort: a.cohort,
          contractHours: contractHoursInWeek(
            { weeklyMaxHours: a.weeklyMaxMinutes / 60, capPeriods: readJsonColumn(CapPeriodsColumn, a.capPeriods, "agent cap periods") },
            s.weekStart.getTime(),
          ),
        })),
        shifts: shifts.map((sh) => {
          const breaks = readJsonColumn(ShiftBreaksColumn, sh.breaks, "shift breaks").map((b) => [slot(Date.parse(b.start)), slot(Date.parse(b.end))]);
          const intervals: number[] = [];
          for (let t = slot(sh.start.getTime()); t < slot(sh.end.getTime()); t++) if (!breaks.some(([a, b]) => t >= a && t < b)) intervals.push(t);
          return { agentId: sh.agentId, queue: sh.queue.key, intervals };
        }),
      };
    }),
  );
  return { weekStarts: chosen.map((s) => s.weekStart.toISOString()), shares: measureScheduledShare(weeks) };
}

export const DEFAULT_TRAINING_WEEKS = 1;

/** What a cohort's input is without an override: measured from our data, else the planners' default. */
export type CohortDefaults = Omit<Cohort, "id"> & {
  /** Which of them were measured (the rest are defaults). */
  measured: string[];
};

export type EffectiveCohort = {
  cohort: CapacityCohort;
  measured: MeasuredCohort;
  hoursPerWeek: number | number[];
  bandHours: Record<string, number>;
  attritionPerWeek: number;
  trainingWeeks: number;
  leadWeeks: number;
  ramp: number[];
  costPerHour: number;
  hireCost: number;
  defaults: CohortDefaults;
  /** Overridden fields; a band's hours are `bandHours.<band>`. */
  overridden: string[];
  updatedByName: string | null;
  updatedAt: Date | null;
};

/** Measured values with the planners' overrides on top (and defaults where nothing could be measured), measured now: what a run plans with. */
export async function effectiveCohorts(now: Date, start = nextMonday(now), weeks = HORIZON_WEEKS): Promise<EffectiveCohort[]> {
  const [measured, settings] = await Promise.all([measureCohorts(now, start, weeks), prisma.cohortSetting.findMany()]);
  return withOverrides(measured, settings);
}

/**
 * What the capacity page shows: the last measurement (see `latestMeasurement`) with today's overrides on top, and when
 * it was measured. Overrides are read on every call, so a saved override shows at once.
 */
export async function shownCohorts(now: Date): Promise<{ cohorts: EffectiveCohort[]; measuredAt: Date }> {
  const [measurement, settings] = await Promise.all([latestMeasurement(now), prisma.cohortSetting.findMany()]);
  return { cohorts: withOverrides(measurement.cohorts, settings), measuredAt: measurement.measuredAt };
}

function withOverrides(measured: MeasuredCohort[], settings: CohortSetting[]): EffectiveCohort[] {
  return measured.map((m) => {
    const s = settings.find((x) => x.cohort === m.cohort);
    const f = FALLBACK[m.cohort];
    const bandOverride = s ? (readJsonColumn(BandHoursColumn, s.bandHours, "cohort band hours") ?? {}) : {};
    const ramp = s ? readJsonColumn(RampColumn, s.ramp, "cohort ramp") : null;
    const trainingWeeks = s?.trainingWeeks ?? DEFAULT_TRAINING_WEEKS;
    const defaults: CohortDefaults = {
      hoursPerWeek: m.hoursPerWeek ?? f.hoursPerWeek,
      bandHours: { ...f.bandHours, ...(m.bandHours ?? {}) },
      attritionPerWeek: m.attritionPerWeek ?? f.attritionPerWeek,
      leadWeeks: Math.ceil((m.medianDaysToHire ?? f.medianDays) / 7) + trainingWeeks,
      ramp: f.ramp,
      costPerHour: f.costPerHour,
      hireCost: f.hireCost,
      measured: [
        ...(m.hoursPerWeek ? ["hoursPerWeek"] : []),
        ...(m.bandHours ? CAPACITY_BANDS.map((b) => `bandHours.${b.id}`) : []),
        ...(m.attritionPerWeek !== null ? ["attritionPerWeek"] : []),
        ...(m.medianDaysToHire !== null ? ["leadWeeks"] : []),
      ],
    };
    const overridden = s
      ? [
          ...(["attritionPerWeek", "leadWeeks", "hoursPerWeek"] as const).filter((k) => s[k] !== null),
          ...(s.trainingWeeks !== DEFAULT_TRAINING_WEEKS ? ["trainingWeeks"] : []),
          ...CAPACITY_BANDS.filter((b) => bandOverride[b.id] !== undefined).map((b) => `bandHours.${b.id}`),
          ...(ramp ? ["ramp"] : []),
          ...(["costPerHour", "hireCost"] as const).filter((k) => s[k] !== null),
        ]
      : [];
    return {
      cohort: m.cohort,
      measured: m,
      hoursPerWeek: s?.hoursPerWeek ?? defaults.hoursPerWeek,
      bandHours: { ...defaults.bandHours, ...bandOverride },
      attritionPerWeek: s?.attritionPerWeek ?? defaults.attritionPerWeek,
      trainingWeeks,
      leadWeeks: s?.leadWeeks ?? defaults.leadWeeks,
      ramp: ramp ?? defaults.ramp,
      costPerHour: s?.costPerHour ?? defaults.costPerHour,
      hireCost: s?.hireCost ?? defaults.hireCost,
      defaults,
      overridden,
      updatedByName: s?.updatedByName ?? null,
      updatedAt: s?.updatedAt ?? null,
    };
  });
}

// ─── The measurement the page shows ──────────────────────────────────────────

/** How old a measurement may be before it is taken again (in the background; the page shows the one it has meanwhile). */
export const MEASUREMENT_MAX_AGE_MS = 15 * 60_000;

type Measurement = { start: string; roster: string; measuredAt: Date; cohorts: MeasuredCohort[] };
let lastMeasurement: Measurement | null = null;
let measuring: { key: string; promise: Promise<Measurement> } | null = null;

/**
 * Changes whenever an agent is added (a hire) or changed (left, availability, cap periods), a schedule is built,
 * edited or published (the calibration, decision 095) or the labour rules change; agents, schedules and rule
 * versions are few, so this is cheap.
 */
async function rosterVersion(): Promise<string> {
  const [roster, schedules, rules] = await Promise.all([
    prisma.agent.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    prisma.schedule.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
    prisma.labourRuleSet.aggregate({ _max: { version: true } }),
  ]);
  return [
    `${roster._count._all}@${roster._max.updatedAt?.toISOString() ?? "-"}`,
    `${schedules._count._all}@${schedules._max.updatedAt?.toISOString() ?? "-"}`,
    `rules ${rules._max.version ?? 0}`,
  ].join("|");
}

function measureOnce(now: Date, start: string, roster: string): Promise<Measurement> {
  const key = `${start}|${roster}`;
  if (measuring?.key === key) return measuring.promise;
  const promise = measureCohorts(now, start).then((cohorts) => {
    lastMeasurement = { start, roster, measuredAt: now, cohorts };
    return lastMeasurement;
  });
  measuring = { key, promise };
  void promise
    .finally(() => {
      if (measuring?.promise === promise) measuring = null;
    })
    .catch(() => {});
  return promise;
}

/**
 * The cohort inputs as last measured in this process (measuring reads every agent, hire and open applicant: ~0.1–0.7 s).
 * Measured again at once when the roster changed or a new week began, and in the background once older than
 * MEASUREMENT_MAX_AGE_MS (applicants' availability, which counts only for a cohort without agents, and the
 * attrition window's slow drift). Decision 065.
 */
export async function latestMeasurement(now = new Date()): Promise<Measurement> {
  const [roster, start] = [await rosterVersion(), nextMonday(now)];
  const last = lastMeasurement;
  if (!last || last.roster !== roster || last.start !== start) return measureOnce(now, start, roster);
  if (now.getTime() - last.measuredAt.getTime() > MEASUREMENT_MAX_AGE_MS)
    measureOnce(now, start, roster).catch((error: unknown) => console.error(`[capacity] measuring the cohort inputs failed: ${(error as Error).message}`));
  return last;
}

export type { CohortSettingInput };

type StoredSetting = Omit<CohortSettingInput, "bandHours" | "ramp"> & { bandHours: unknown; ramp: unknown };
const NO_OVERRIDES: CohortSettingInput = {
  hoursPerWeek: null,
  bandHours: null,
  attritionPerWeek: null,
  leadWeeks: null,
  trainingWeeks: DEFAULT_TRAINING_WEEKS,
  ramp: null,
  costPerHour: null,
  hireCost: null,
};

function settingOf(row: StoredSetting | null): CohortSettingInput {
  if (!row) return { ...NO_OVERRIDES };
  return {
    hoursPerWeek: row.hoursPerWeek,
    bandHours: readJsonColumn(BandHoursColumn, row.bandHours, "cohort band hours"),
    attritionPerWeek: row.attritionPerWeek,
    leadWeeks: row.leadWeeks,
    trainingWeeks: row.trainingWeeks,
    ramp: readJsonColumn(RampColumn, row.ramp, "cohort ramp"),
    costPerHour: row.costPerHour,
    hireCost: row.hireCost,
  };
}

/** The fields (a band's hours as `bandHours.<band>`) whose override differs between two settings. */
function changedFields(before: CohortSettingInput, after: CohortSettingInput): string[] {
  const out: string[] = [];
  for (const key of Object.keys(NO_OVERRIDES) as (keyof CohortSettingInput)[]) {
    if (key === "bandHours") {
      for (const b of CAPACITY_BANDS) if ((before.bandHours?.[b.id] ?? null) !== (after.bandHours?.[b.id] ?? null)) out.push(`bandHours.${b.id}`);
    } else if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out.push(key);
  }
  return out;
}

/** Writes a cohort's overrides (null = measured) with who and when, and the audit entry naming the fields changed, in one transaction. */
async function writeCohortSetting(
  cohort: CapacityCohort,
  next: (before: CohortSettingInput) => CohortSettingInput,
  actor: { id: string; name: string },
  verb: string,
) {
  return prisma.$transaction(async (tx) => {
    // A row lock, so that two planners saving at once each see the other's change in `before`.
    await tx.$executeRaw`INSERT INTO "CohortSetting" (cohort, "trainingWeeks", "updatedAt") VALUES (${cohort}, ${DEFAULT_TRAINING_WEEKS}, now()) ON CONFLICT (cohort) DO NOTHING`;
    const [row] = await tx.$queryRaw<StoredSetting[]>`SELECT * FROM "CohortSetting" WHERE cohort = ${cohort} FOR UPDATE`;
    const before = settingOf(row ?? null);
    const after = next(before);
    const changed = changedFields(before, after);
    if (changed.length === 0) return [];
    await tx.cohortSetting.update({
      where: { cohort },
      data: {
        hoursPerWeek: after.hoursPerWeek,
        attritionPerWeek: after.attritionPerWeek,
        leadWeeks: after.leadWeeks,
        trainingWeeks: after.trainingWeeks,
        costPerHour: after.costPerHour,
        hireCost: after.hireCost,
        // Prisma writes SQL NULL into a JSON column only as Prisma.DbNull.
        bandHours: after.bandHours ?? PrismaNamespace.DbNull,
        ramp: after.ramp ?? PrismaNamespace.DbNull,
        updatedById: actor.id,
        updatedByName: actor.name,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "capacity.cohort_setting_changed",
      subject: { type: "CohortSetting", id: cohort },
      summary: `${actor.name} ${verb} ${changed.map((k) => FIELD_LABELS[k] ?? k).join(", ")} for ${COHORT_LABELS[cohort]}`,
      detail: { changed, before: JSON.parse(JSON.stringify(before)), after: JSON.parse(JSON.stringify(after)) },
    });
    return changed;
  });
}

/** Saves a cohort's overrides (null = use the measured value), with who changed what in the audit; returns the fields changed. */
export function saveCohortSetting(cohort: CapacityCohort, input: CohortSettingInput, actor: { id: string; name: string }) {
  return writeCohortSetting(cohort, () => input, actor, "changed");
}

/** Drops one override (a band's hours: `bandHours.<band>`), so the measured value counts again; audited. */
export function resetCohortField(cohort: CapacityCohort, field: ResettableField, actor: { id: string; name: string }) {
  return writeCohortSetting(
    cohort,
    (before) => {
      if (field.startsWith("bandHours.")) {
        const { [field.slice("bandHours.".length)]: _dropped, ...rest } = before.bandHours ?? {};
        return { ...before, bandHours: Object.keys(rest).length ? rest : null };
      }
      if (field === "trainingWeeks") return { ...before, trainingWeeks: DEFAULT_TRAINING_WEEKS };
      return { ...before, [field]: null };
    },
    actor,
    "reset to measured:",
  );
}

// ─── Plan-wide settings ──────────────────────────────────────────────────────

export type PlanSettings = {
  shortfallCostPerHour: number;
  /** Whether the cost of an hour short is a planner's override (else the default). */
  overridden: boolean;
  updatedByName: string | null;
  updatedAt: Date | null;
};

export async function getPlanSettings(): Promise<PlanSettings> {
  const row = await prisma.capacitySetting.findUnique({ where: { id: "plan" } });
  return {
    shortfallCostPerHour: row?.shortfallCostPerHour ?? SHORTFALL_COST_PER_HOUR,
    overridden: row?.shortfallCostPerHour != null,
    updatedByName: row?.updatedByName ?? null,
    updatedAt: row?.updatedAt ?? null,
  };
}

/** Sets (or with null resets to the default) the cost of an hour short, audited. */
export async function savePlanSettings(input: { shortfallCostPerHour: number | null }, actor: { id: string; name: string }) {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "CapacitySetting" (id, "updatedAt") VALUES ('plan', now()) ON CONFLICT (id) DO NOTHING`;
    const [row] = await tx.$queryRaw<
      { shortfallCostPerHour: number | null }[]
    >`SELECT "shortfallCostPerHour" FROM "CapacitySetting" WHERE id = 'plan' FOR UPDATE`;
    const before = row?.shortfallCostPerHour ?? null;
    if (before === input.shortfallCostPerHour) return false;
    await tx.capacitySetting.update({
      where: { id: "plan" },
      data: { shortfallCostPerHour: input.shortfallCostPerHour, updatedById: actor.id, updatedByName: actor.name },
    });
    const shown = (v: number | null) => (v === null ? `the default €${SHORTFALL_COST_PER_HOUR}` : `€${v}`);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "capacity.plan_setting_changed",
      subject: { type: "CapacityPlan", id: "plan" },
      summary: `${actor.name} changed the cost of an hour short: ${shown(before)} → ${shown(input.shortfallCostPerHour)}`,
      detail: { before, after: input.shortfallCostPerHour },
    });
    return true;
  });
}

/** Supply in motion: expected starts per cohort, queue and week from the open applications. */
export async function measurePipeline(now: Date, start: string, weeks: number, trainingWeeks: Record<string, number>): Promise<PipelineStart[]> {
  const applications = await prisma.application.findMany({
    where: { opening: { status: { not: "DRAFT" } } },
    select: {
      stageId: true,
      stageEnteredAt: true,
      hiredAt: true,
      stage: { select: { kind: true } },
      applicant: { select: { cohort: true } },
      opening: { select: { languageCodes: true, channels: true } },
      stageChanges: { select: { toStageId: true, createdAt: true } },
    },
  });
  const queues = new Set((await prisma.queue.findMany({ select: { key: true } })).map((q) => q.key));
  const decided = applications.map((a) => ({
    stagesEntered: a.stageChanges.map((c) => c.toStageId),
    outcome: a.stage.kind === "HIRED" ? ("hired" as const) : a.stage.kind === "ACTIVE" ? ("open" as const) : ("closed" as const),
  }));
  const rates = passThrough(decided);
  // Median days from entering a stage to being hired, over the hired applications that passed through it.
  const toHire = new Map<string, number[]>();
  for (const a of applications) {
    if (!a.hiredAt) continue;
    for (const c of a.stageChanges) toHire.set(c.toStageId, [...(toHire.get(c.toStageId) ?? []), (a.hiredAt.getTime() - c.createdAt.getTime()) / DAY_MS]);
  }
  const days = new Map([...toHire].map(([stage, values]) => [stage, median(values) ?? 14]));
  const open = applications
    .filter((a) => a.stage.kind === "ACTIVE" && now.getTime() - a.stageEnteredAt.getTime() < 120 * DAY_MS)
    .map((a) => ({
      cohort: a.applicant.cohort,
      stageId: a.stageId,
      enteredAt: a.stageEnteredAt,
      queues: a.opening.languageCodes.flatMap((l) => a.opening.channels.map((c) => `${l}-${c.toLowerCase()}`)).filter((k) => queues.has(k)),
    }));
  return pipelineStarts(open, rates, days, trainingWeeks, start, weeks);
}

// ─── Scenarios and runs ──────────────────────────────────────────────────────

export type { CapacityAssumptions };

export async function listScenarios() {
  const rows = await prisma.capacityScenario.findMany({
    orderBy: [{ base: "desc" }, { createdAt: "asc" }],
    include: { runs: { orderBy: { createdAt: "desc" }, take: 1, omit: { plan: true, result: true } } },
  });
  return rows.map((s) => ({ ...s, assumptions: readJsonColumn(CapacityAssumptionsColumn, s.assumptions, "scenario assumptions"), latest: s.runs[0] ?? null }));
}

export async function createScenario(input: { name: string; assumptions: CapacityAssumptions }, actor: { id: string; name: string }) {
  return prisma.$transaction(async (tx) => {
    const scenario = await tx.capacityScenario.create({
      data: { name: input.name, assumptions: CapacityAssumptionsColumn.parse(input.assumptions), createdById: actor.id, createdBy: actor.name },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "capacity.scenario_created",
      subject: { type: "CapacityScenario", id: scenario.id },
      summary: `${actor.name} created the scenario “${input.name}”`,
      detail: { assumptions: JSON.parse(JSON.stringify(input.assumptions)) },
    });
    return scenario;
  });
}

export function scenarioNameTaken(name: string) {
  return prisma.capacityScenario.findUnique({ where: { name }, select: { id: true } }).then(Boolean);
}

/** The base scenario, created when missing (the nightly job and the seed use it). */
export async function ensureBaseScenario() {
  const base = await prisma.capacityScenario.findFirst({ where: { base: true } });
  return base ?? prisma.capacityScenario.create({ data: { name: "Base plan", base: true, assumptions: {}, createdBy: "Handoff" } });
}

export function getCapacityRun(runId: string) {
  return prisma.capacityRun.findUnique({ where: { id: runId }, include: { scenario: true } });
}

export function findCapacityRunOfJob(jobId: string) {
  return prisma.capacityRun.findFirst({ where: { jobId }, select: { id: true } });
}

export function createCapacityRun(scenarioId: string, requestedBy: string, jobId?: string) {
  return prisma.capacityRun.create({ data: { scenarioId, requestedBy, status: "QUEUED", jobId }, select: { id: true } });
}

/** Creates a run of a scenario and queues its job (the job id derives from the run: a double submit queues one job). */
export async function startCapacityRun(scenarioId: string, requestedBy: string) {
  const run = await createCapacityRun(scenarioId, requestedBy);
  try {
    const job = await enqueue("capacity", { runId: run.id, requestedBy }, { jobId: `capacity-${run.id}` });
    await prisma.capacityRun.update({ where: { id: run.id }, data: { jobId: job.id } });
  } catch (error) {
    if (error instanceof JobQueueUnavailableError)
      await markCapacityRun(run.id, { status: "FAILED", error: "Not started: the job queue was not reachable. Start it again in a minute." });
    throw error;
  }
  return run;
}

export function markCapacityRun(runId: string, data: { status: "RUNNING" | "FAILED"; error?: string | null; jobId?: string }) {
  return prisma.capacityRun.update({
    where: { id: runId },
    data: { ...data, ...(data.status === "RUNNING" ? { startedAt: new Date() } : { finishedAt: new Date() }) },
  });
}

/** Progress (0–100) of a waiting or running run's job, and why it failed when BullMQ gave up on it (e.g. stalled) before the run was marked. */
export async function capacityRunProgress(run: { status: string; jobId: string | null }): Promise<{ progress: number; failed: string | null }> {
  if (run.status === "SUCCEEDED") return { progress: 100, failed: null };
  if (!run.jobId) return { progress: 0, failed: null };
  const queue = run.jobId.startsWith("repeat:") ? getQueue("capacity-nightly") : getQueue("capacity");
  const job = await queue.getJob(run.jobId);
  const progress = typeof job?.progress === "number" ? job.progress : 0;
  if (job && (await job.isFailed())) return { progress, failed: job.failedReason || "the job failed" };
  return { progress, failed: null };
}

/** Stores a finished run: the plan sent, the result and its summary columns. */
export async function saveCapacityResult(runId: string, plan: Plan, result: StoredCapacityResult) {
  const s = result.summary;
  await prisma.capacityRun.update({
    where: { id: runId },
    data: {
      status: "SUCCEEDED",
      plan: plan as unknown as Prisma.InputJsonValue,
      result: result as unknown as Prisma.InputJsonValue,
      hires: s.hires,
      hireCost: s.hireCost,
      labourCost: s.labourCost,
      shortfallHours: s.shortfallHours,
      shortfallCost: s.shortfallCost,
      totalCost: s.totalCost,
      lowerBoundCost: s.lowerBoundCost,
      gap: s.gap,
      solveStatus: s.status,
      seconds: s.seconds,
      error: null,
      finishedAt: new Date(),
    },
  });
}

/** A finished run's result never changes (a rerun returns it as stored), so the last few read are kept parsed: 70 KB of JSON each. */
const finishedResults = new Map<string, StoredCapacityResult>();
const KEPT_RESULTS = 8;

export async function readCapacityResult(runId: string): Promise<StoredCapacityResult | null> {
  const kept = finishedResults.get(runId);
  if (kept) return kept;
  const run = await prisma.capacityRun.findUnique({ where: { id: runId }, select: { result: true, status: true } });
  if (!run?.result) return null;
  const result = readJsonColumn(CapacityResultColumn, run.result, "capacity result");
  if (run.status === "SUCCEEDED") {
    finishedResults.set(runId, result);
    for (const id of finishedResults.keys()) if (finishedResults.size > KEPT_RESULTS) finishedResults.delete(id);
  }
  return result;
}

export type ScenarioPlan = { plan: Plan; context: StoredCapacityResult["context"] };

/** Everything the solver needs for a scenario as of `now`: demand per queue and band, cohorts, roster, pipeline. */
export async function buildScenarioPlan(assumptions: CapacityAssumptions, now: Date): Promise<ScenarioPlan> {
  const start = nextMonday(now);
  const weeks = HORIZON_WEEKS;
  const [queues, cohorts, agents, settings] = await Promise.all([
    listQueueSettings(),
    effectiveCohorts(now, start, weeks),
    prisma.agent.findMany({
      // Agents who have given notice count until their last working day: here, when they still work in the plan's first week
      // (later leavings are what the cohort's measured attrition stands for; their leaving counts in it once the day has passed).
      where: { active: true, OR: [{ leftAt: null }, { leftAt: { gte: new Date(`${start}T00:00:00Z`) } }] },
      select: { cohort: true, skills: { select: { queue: { select: { key: true } } } } },
    }),
    getPlanSettings(),
  ]);
  const historyFrom = new Date(now.getTime() - HISTORY_WEEKS * WEEK_MS);
  const growth = 1 + (assumptions.volumeGrowthPercent ?? 0) / 100;
  const demandQueues = await Promise.all(
    queues.map(async (q) => {
      const service = queueServiceParams(q);
      return {
        id: q.key,
        history: await engineHistory(q, historyFrom, now),
        serviceLevel: service.serviceLevel,
        answerSeconds: service.answerSeconds,
        ahtSeconds: service.ahtSeconds,
        maxOccupancy: service.maxOccupancy,
        shrinkage: service.shrinkage,
        concurrency: service.concurrency,
        ...(service.patienceSeconds ? { patienceSeconds: service.patienceSeconds } : {}),
        ...(q.openingHours ? { openingHours: q.openingHours } : {}),
        timeZone: q.timeZone,
        ...(assumptions.containment ? { containment: assumptions.containment } : {}),
        volumeFactor: growth,
      };
    }),
  );
  const launch = assumptions.launch;
  const like = launch ? demandQueues.find((q) => q.id === launch.like) : undefined;
  if (launch && like)
    demandQueues.push({
      ...like,
      id: launch.queueKey,
      history: like.history.map((r) => ({ ...r, queue: launch.queueKey })),
      volumeFactor: growth * launch.share,
    });
  // A queue with no history in the window (new, or its history not imported yet) has no demand to read: it is
  // planned at zero rather than failing the plan of every other queue (a new queue's demand is a launch).
  const demand = longRangeDemand({ start, weeks, bands: CAPACITY_BANDS, queues: demandQueues.filter((q) => q.history.length > 0) });
  const unread = demandQueues
    .filter((q) => q.history.length === 0)
    .map((q) => ({ id: q.id, required: Array.from({ length: weeks }, () => CAPACITY_BANDS.map(() => 0)) }));
  const launchWeek = launch ? weekOf(start, launch.from) : 0;
  const required = [...demand.queues, ...unread].map((q) => ({
    id: q.id,
    required: q.id === launch?.queueKey ? q.required.map((row, w) => (w < launchWeek ? row.map(() => 0) : row)) : q.required,
  }));
  const detail = demand.detail.map((d) =>
    d.id === launch?.queueKey
      ? { ...d, offered: d.offered.map((v, w) => (w < launchWeek ? 0 : v)), human: d.human.map((v, w) => (w < launchWeek ? 0 : v)) }
      : d,
  );

  const trainingWeeks = Object.fromEntries(cohorts.map((c) => [c.cohort, c.trainingWeeks]));
  const pipeline = await measurePipeline(now, start, weeks, trainingWeeks);
  const groups = new Map<string, { cohort: string; skills: string[]; count: number }>();
  for (const a of agents) {
    if (!CAPACITY_COHORTS.includes(a.cohort as CapacityCohort)) continue;
    const skills = a.skills.map((s) => s.queue.key).sort();
    if (skills.length === 0) continue;
    const key = `${a.cohort}|${skills.join("+")}`;
    const g = groups.get(key) ?? { cohort: a.cohort, skills, count: 0 };
    g.count++;
    groups.set(key, g);
  }
  const plan = buildPlan({
    start,
    weeks,
    queues: required,
    cohorts: cohorts.map((c) => ({
      id: c.cohort,
      hoursPerWeek: c.hoursPerWeek,
      bandHours: c.bandHours,
      attritionPerWeek: c.attritionPerWeek,
      leadWeeks: c.leadWeeks,
      ramp: c.ramp,
      costPerHour: c.costPerHour,
      hireCost: c.hireCost,
    })),
    agents: [...groups.values()],
    pipeline,
    maxHiresPerWeek: MAX_HIRES_PER_WEEK,
    shortfallCostPerHour: settings.shortfallCostPerHour,
    assumptions,
  });
  const contacts = Array.from({ length: weeks }, (_, w) => detail.reduce((s, d) => s + (d.offered[w] ?? 0), 0));
  const humanContacts = Array.from({ length: weeks }, (_, w) => detail.reduce((s, d) => s + (d.human[w] ?? 0), 0));
  const aiCost = contacts.reduce((s, c, w) => s + (c - humanContacts[w]) * AI_COST_PER_RESOLVED, 0);
  const hoursAt = (c: EffectiveCohort, w: number) => (typeof c.hoursPerWeek === "number" ? c.hoursPerWeek : c.hoursPerWeek[w]);
  let existingLabourCost = 0;
  for (const g of groups.values()) {
    const c = cohorts.find((x) => x.cohort === g.cohort)!;
    for (let w = 0; w < weeks; w++) existingLabourCost += g.count * Math.pow(1 - c.attritionPerWeek, w) * hoursAt(c, w) * c.costPerHour;
  }
  return {
    plan,
    context: {
      start,
      bands: CAPACITY_BANDS.map((b) => b.id),
      contacts,
      humanContacts,
      aiCost,
      existingLabourCost,
      hoursPerWeek: Object.fromEntries(cohorts.map((c) => [c.cohort, hoursAt(c, 0)])),
      bandHours: Object.fromEntries(cohorts.map((c) => [c.cohort, c.bandHours])),
      trainingWeeks,
      pipeline,
      hiringFreezes: freezeOf(start, assumptions.hiringFreezeUntil),
      shortfallCostPerHour: settings.shortfallCostPerHour,
      unplannedQueues: unread.map((q) => q.id),
    },
  };
}

/**
 * A hiring freeze until a date: no hire may be decided in a week that begins before it (the week holding
 * the date is frozen too). Applicants already in the pipeline still count as supply.
 */
export function freezeOf(start: string, until: string | undefined): HiringFreeze[] {
  if (!until) return [];
  const days = (Date.parse(`${until}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS;
  const toWeek = Math.ceil(days / 7) - 1;
  return toWeek >= 0 ? [{ fromWeek: 0, toWeek }] : [];
}

// ─── Apply to openings ───────────────────────────────────────────────────────

export type PlanTarget = {
  queueKey: string;
  language: string;
  channel: "CHAT" | "PHONE" | "EMAIL";
  cohort: CapacityCohort;
  headcount: number;
  hireBy: string;
  expected: number;
};

/** A plan's hires as targets per queue × cohort: the head count to hire, by the Monday its first hires must be in training. */
export function planTargets(result: StoredCapacityResult): PlanTarget[] {
  const byKey = new Map<string, PlanTarget>();
  for (const h of result.hires) {
    const queueKey = h.skills[0];
    const [language, channel] = queueKey.split("-");
    const cohort = h.cohort as CapacityCohort;
    const key = `${queueKey}|${cohort}`;
    const training = result.context.trainingWeeks[cohort] ?? 1;
    const hireBy = new Date(Date.parse(`${result.context.start}T00:00:00Z`) + (h.startWeek - training) * WEEK_MS).toISOString().slice(0, 10);
    const t = byKey.get(key) ?? { queueKey, language, channel: channel.toUpperCase() as PlanTarget["channel"], cohort, headcount: 0, hireBy, expected: 0 };
    t.headcount += h.count;
    if (hireBy < t.hireBy) t.hireBy = hireBy;
    byKey.set(key, t);
  }
  for (const p of result.context.pipeline) {
    const t = byKey.get(`${p.queue}|${p.cohort}`);
    if (t) t.expected += p.expected;
  }
  return [...byKey.values()].sort((a, b) => a.queueKey.localeCompare(b.queueKey) || a.cohort.localeCompare(b.cohort));
}

const COUNTRY_OF: Record<string, string> = { sv: "SE", fi: "FI", no: "NO", da: "DK", de: "DE", en: "GB", pl: "PL", et: "EE", is: "IS" };
const HOURS_OF: Record<CapacityCohort, [number, number]> = { student: [10, 20], rural: [20, 40], "loyal-customer": [8, 24] };

export type ApplyOutcome = { created: number; changed: number; unchanged: number };

/**
 * Turns a run's hires into targets on openings (language × channel × cohort), creating draft openings where none
 * exists, all in one transaction with an audit entry. Targets the plan no longer asks for drop to 0. Applying the
 * same plan again changes nothing.
 */
export async function applyPlanToOpenings(runId: string, actor: { id: string; name: string }): Promise<ApplyOutcome> {
  const run = await prisma.capacityRun.findUnique({ where: { id: runId }, include: { scenario: { select: { name: true } } } });
  if (!run?.result || run.status !== "SUCCEEDED") throw new Error("Only a finished plan can be applied.");
  const targets = planTargets(readJsonColumn(CapacityResultColumn, run.result, "capacity result"));
  return prisma.$transaction(async (tx) => {
    // An open opening is preferred to a draft, a draft to a paused one; the oldest first within each.
    const rank = { OPEN: 0, DRAFT: 1, PAUSED: 2, CLOSED: 3 } as const;
    const openings = (
      await tx.opening.findMany({
        where: { status: { not: "CLOSED" } },
        orderBy: { createdAt: "asc" },
        select: { id: true, title: true, status: true, languageCodes: true, channels: true, cohorts: true, planTargets: true },
      })
    ).sort((x, y) => rank[x.status] - rank[y.status]);
    const outcome: ApplyOutcome = { created: 0, changed: 0, unchanged: 0 };
    const lines: string[] = [];
    const touched = new Set<string>();
    const kept = new Set<string>();
    const base = { runId, scenarioName: run.scenario.name, appliedBy: actor.name, appliedAt: new Date() };
    for (const t of targets) {
      const fits = openings.filter((o) => o.languageCodes.includes(t.language) && o.channels.includes(t.channel) && o.cohorts.includes(t.cohort));
      const opening = fits.find((o) => o.planTargets.some((p) => p.queueKey === t.queueKey && p.cohort === t.cohort)) ?? fits[0] ?? null;
      const hireBy = new Date(`${t.hireBy}T00:00:00Z`);
      const target = { ...base, cohort: t.cohort, queueKey: t.queueKey, headcount: t.headcount, hireBy };
      if (!opening) {
        const title = `${LANGUAGES[t.language] ?? t.language} ${t.channel.toLowerCase()} — ${COHORT_LABELS[t.cohort].toLowerCase()}s (capacity plan)`;
        const [min, max] = HOURS_OF[t.cohort];
        const created = await tx.opening.create({
          data: {
            slug: `plan-${t.queueKey}-${t.cohort}`,
            title,
            description: `Remote ${t.channel.toLowerCase()} support in ${LANGUAGES[t.language] ?? t.language}, opened as a draft by the capacity plan “${run.scenario.name}”.`,
            status: "DRAFT",
            languages: [{ language: t.language, level: "C1" }],
            languageCodes: [t.language],
            channels: [t.channel],
            cohorts: [t.cohort],
            countries: [COUNTRY_OF[t.language] ?? "SE"],
            headcountTarget: Math.max(1, t.headcount),
            weeklyHoursMin: min,
            weeklyHoursMax: max,
            stages: { create: DEFAULT_STAGES.map((s, position) => ({ ...s, position })) },
            planTargets: { create: target },
          },
          select: { id: true, title: true, status: true, languageCodes: true, channels: true, cohorts: true, planTargets: true },
        });
        openings.push(created);
        kept.add(`${created.id}|${t.queueKey}|${t.cohort}`);
        outcome.created++;
        lines.push(`created “${title}”: ${t.headcount} ${t.cohort} for ${t.queueKey} by ${t.hireBy}`);
        continue;
      }
      kept.add(`${opening.id}|${t.queueKey}|${t.cohort}`);
      const old = opening.planTargets.find((p) => p.queueKey === t.queueKey && p.cohort === t.cohort);
      if (old && old.headcount === t.headcount && old.hireBy.getTime() === hireBy.getTime()) {
        outcome.unchanged++;
        continue;
      }
      const previous = old ? { previousHeadcount: old.headcount, previousHireBy: old.hireBy } : { previousHeadcount: null, previousHireBy: null };
      await tx.openingPlanTarget.upsert({
        where: { openingId_queueKey_cohort: { openingId: opening.id, queueKey: t.queueKey, cohort: t.cohort } },
        create: { openingId: opening.id, ...target, ...previous },
        update: { ...target, ...previous },
      });
      touched.add(opening.id);
      outcome.changed++;
      lines.push(`“${opening.title}”: ${old ? `${old.headcount} → ` : ""}${t.headcount} ${t.cohort} for ${t.queueKey} by ${t.hireBy}`);
    }
    // What the plan no longer asks for drops to 0, saying what it was.
    for (const o of openings) {
      for (const p of o.planTargets) {
        if (kept.has(`${o.id}|${p.queueKey}|${p.cohort}`) || p.headcount === 0) continue;
        await tx.openingPlanTarget.update({
          where: { openingId_queueKey_cohort: { openingId: o.id, queueKey: p.queueKey, cohort: p.cohort } },
          data: { ...base, headcount: 0, previousHeadcount: p.headcount, previousHireBy: p.hireBy },
        });
        touched.add(o.id);
        outcome.changed++;
        lines.push(`“${o.title}”: ${p.headcount} → 0 ${p.cohort} for ${p.queueKey}`);
      }
    }
    // An opening's head count target is what the plan asks of it in all.
    for (const id of touched) {
      const sum = await tx.openingPlanTarget.aggregate({ where: { openingId: id }, _sum: { headcount: true } });
      await tx.opening.update({ where: { id }, data: { headcountTarget: Math.max(1, sum._sum.headcount ?? 0) } });
    }
    if (outcome.created + outcome.changed > 0) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "capacity.plan_applied",
        subject: { type: "CapacityRun", id: runId },
        summary: `${actor.name} applied “${run.scenario.name}” to openings: ${outcome.created} created, ${outcome.changed} changed`,
        detail: { lines },
      });
    }
    return outcome;
  });
}

type StoredTarget = { openingId: string; queueKey: string; cohort: string; hireBy: Date; appliedAt: Date };
const targetKey = (t: { openingId: string; queueKey: string; cohort: string }) => `${t.openingId}|${t.queueKey}|${t.cohort}`;

/** The plan's targets on one opening, each with what the pipeline is expected to deliver. */
export async function openingPlanStatus(openingId: string) {
  const targets = await prisma.openingPlanTarget.findMany({ where: { openingId }, orderBy: [{ queueKey: "asc" }, { cohort: "asc" }] });
  const expected = await expectedForTargets(targets);
  return targets.map((t) => ({ ...t, expected: expected.get(targetKey(t)) ?? 0 }));
}

/** Expected hires per target: hired since the plan was applied + open applications of its cohort × pass-through. */
async function expectedForTargets(targets: StoredTarget[]): Promise<Map<string, number>> {
  if (targets.length === 0) return new Map();
  const ids = [...new Set(targets.map((t) => t.openingId))];
  const [applications, history] = await Promise.all([
    prisma.application.findMany({
      where: { openingId: { in: ids } },
      select: { openingId: true, stageId: true, hiredAt: true, stage: { select: { kind: true } }, applicant: { select: { cohort: true } } },
    }),
    prisma.application.findMany({
      where: { stage: { kind: { not: "ACTIVE" } } },
      select: { stage: { select: { kind: true } }, stageChanges: { select: { toStageId: true } } },
      take: 20_000,
      orderBy: { updatedAt: "desc" },
    }),
  ]);
  const rates = passThrough(
    history.map((a) => ({ stagesEntered: a.stageChanges.map((c) => c.toStageId), outcome: a.stage.kind === "HIRED" ? "hired" : "closed" })),
  );
  const out = new Map<string, number>();
  for (const t of targets) {
    let n = 0;
    for (const a of applications) {
      if (a.openingId !== t.openingId || a.applicant.cohort !== t.cohort) continue;
      if (a.stage.kind === "HIRED" && a.hiredAt && a.hiredAt >= t.appliedAt) n++;
      else if (a.stage.kind === "ACTIVE") n += rates.get(a.stageId) ?? 0;
    }
    out.set(targetKey(t), Math.round(n * 10) / 10);
  }
  return out;
}

/** Plan targets furthest behind (target − expected), for the recruiter's home. */
export async function openingsBehindPlan(take = 5) {
  const targets = await prisma.openingPlanTarget.findMany({
    where: { headcount: { gt: 0 }, opening: { status: { not: "CLOSED" } } },
    include: { opening: { select: { id: true, title: true, status: true } } },
  });
  const expected = await expectedForTargets(targets);
  return targets
    .map((t) => ({
      key: targetKey(t),
      openingId: t.openingId,
      title: t.opening.title,
      status: t.opening.status,
      cohort: t.cohort,
      queueKey: t.queueKey,
      headcount: t.headcount,
      hireBy: t.hireBy.toISOString().slice(0, 10),
      expected: expected.get(targetKey(t)) ?? 0,
    }))
    .map((t) => ({ ...t, behind: Math.max(0, t.headcount - t.expected) }))
    .filter((t) => t.behind > 0)
    .sort((a, b) => b.behind - a.behind || a.hireBy.localeCompare(b.hireBy))
    .slice(0, take);
}
