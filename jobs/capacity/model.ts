// The capacity plan of wfm-cli.md §4: its zod schema, the cross-field checks, and the contract's head-count and cost arithmetic.
import { z } from "zod";
import { InputError } from "../input-error";

export interface Cohort {
  id: string;
  /** Hours one agent works per week: one number, or one per week of the horizon. */
  hoursPerWeek: number | number[];
  /** Most hours one agent can give to a band in a week; a missing band is 0. */
  bandHours: Record<string, number>;
  attritionPerWeek: number;
  leadWeeks: number;
  /** Worth of a new agent in its k-th week after starting (k = 0, 1, …); 1 from `ramp.length` on. */
  ramp: number[];
  costPerHour: number;
  hireCost: number;
}

export interface Plan {
  start: string;
  weeks: number;
  bands: string[];
  queues: { id: string; required: number[][] }[];
  cohorts: Cohort[];
  agents: { cohort: string; skills: string[]; count: number }[];
  hireable: { cohort: string; skills: string[]; maxPerWeek?: number }[];
  shortfallCostPerHour: number;
}

export interface Hire {
  cohort: string;
  skills: string[];
  /** Week the hire is decided (recruiting starts). */
  week: number;
  /** week + leadWeeks: the first week the new agents work. */
  startWeek: number;
  count: number;
}

export interface WeekQueue {
  id: string;
  required: number[];
  covered: number[];
  short: number[];
  /** Covered hours per band by each cohort's agents (existing and hired); only with `byCohort`. They add up to `covered`. */
  coveredBy?: Record<string, number[]>;
}

export interface CapacityWeek {
  week: number;
  queues: WeekQueue[];
  /** Expected agents employed per cohort that week (existing and started hires, not scaled by ramp). */
  headcount: Record<string, number>;
}

export interface CapacitySummary {
  hires: number;
  hireCost: number;
  labourCost: number;
  shortfallHours: number;
  shortfallCost: number;
  totalCost: number;
  lowerBoundCost: number;
  seconds: number;
  /** "optimal" when HiGHS proved the plan optimal (to `gap`), "time-limit" when it stopped at the limit. */
  status: "optimal" | "time-limit";
  /** (totalCost − lowerBoundCost) / totalCost. */
  gap: number;
}

export interface CapacityResult {
  hires: Hire[];
  weeks: CapacityWeek[];
  summary: CapacitySummary;
}

const nonNegative = z.number().finite().nonnegative();
const weekCount = z.number().int().nonnegative();

export const planSchema = z.object({
  start: z.iso.date(),
  weeks: z.number().int().positive().max(520),
  bands: z.array(z.string().min(1)).min(1),
  queues: z.array(z.object({ id: z.string().min(1), required: z.array(z.array(nonNegative)) })).min(1),
  cohorts: z
    .array(
      z.object({
        id: z.string().min(1),
        hoursPerWeek: z.union([nonNegative, z.array(nonNegative)]),
        bandHours: z.record(z.string(), nonNegative),
        attritionPerWeek: z.number().min(0).lt(1, "attrition must be below 1"),
        leadWeeks: weekCount,
        ramp: z.array(z.number().gt(0, "ramp values must be in (0, 1]").max(1, "ramp values must be in (0, 1]")).default([]),
        costPerHour: nonNegative,
        hireCost: nonNegative,
      }),
    )
    .min(1),
  agents: z.array(z.object({ cohort: z.string(), skills: z.array(z.string()), count: nonNegative })).default([]),
  hireable: z.array(z.object({ cohort: z.string(), skills: z.array(z.string()).min(1), maxPerWeek: weekCount.optional() })).default([]),
  shortfallCostPerHour: nonNegative,
});

/** `queues[2].required[5]` from a zod-style path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || "(root)";
}

/** Validates a parsed JSON value as a plan; throws InputError with one line naming the field. */
export function parsePlan(json: unknown): Plan {
  const parsed = planSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${formatPath(issue.path)}: ${issue.message}`);
  }
  const plan = parsed.data as Plan;
  const fail = (field: string, message: string): never => {
    throw new InputError(`${field}: ${message}`);
  };
  const unique = (ids: string[], field: string) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) fail(`${field}[${i}]`, `duplicate id "${id}"`);
      seen.add(id);
    });
  };
  unique(plan.bands, "bands");
  unique(
    plan.queues.map((q) => q.id),
    "queues",
  );
  unique(
    plan.cohorts.map((c) => c.id),
    "cohorts",
  );
  const bands = new Set(plan.bands);
  const queues = new Set(plan.queues.map((q) => q.id));
  const cohorts = new Set(plan.cohorts.map((c) => c.id));
  plan.queues.forEach((q, i) => {
    if (q.required.length !== plan.weeks) fail(`queues[${i}].required`, `expected ${plan.weeks} rows (weeks), got ${q.required.length}`);
    q.required.forEach((row, w) => {
      if (row.length !== plan.bands.length) fail(`queues[${i}].required[${w}]`, `expected ${plan.bands.length} numbers, got ${row.length}`);
    });
  });
  plan.cohorts.forEach((c, i) => {
    if (Array.isArray(c.hoursPerWeek) && c.hoursPerWeek.length !== plan.weeks) {
      fail(`cohorts[${i}].hoursPerWeek`, `expected a number or ${plan.weeks} numbers, got ${c.hoursPerWeek.length}`);
    }
    for (const band of Object.keys(c.bandHours))
      if (!bands.has(band)) fail(`cohorts[${i}].bandHours.${band}`, `unknown band "${band}" (bands: ${plan.bands.join(", ")})`);
  });
  const checkGroup = (g: { cohort: string; skills: string[] }, field: string) => {
    if (!cohorts.has(g.cohort)) fail(`${field}.cohort`, `unknown cohort "${g.cohort}"`);
    g.skills.forEach((s, k) => {
      if (!queues.has(s)) fail(`${field}.skills[${k}]`, `unknown skill "${s}" (not a queue of the plan)`);
    });
    unique(g.skills, `${field}.skills`);
  };
  plan.agents.forEach((g, i) => checkGroup(g, `agents[${i}]`));
  plan.hireable.forEach((g, i) => checkGroup(g, `hireable[${i}]`));
  return plan;
}

// ---------------------------------------------------------------------------------------------
// The contract's arithmetic, shared by the solver, the spreadsheet method and the output.

export function hoursOf(cohort: Cohort, week: number): number {
  return Array.isArray(cohort.hoursPerWeek) ? cohort.hoursPerWeek[week] : cohort.hoursPerWeek;
}

export function rampOf(cohort: Cohort, k: number): number {
  return k < cohort.ramp.length ? cohort.ramp[k] : 1;
}

/** Expected head count, k weeks after starting, of one agent. */
export function survival(cohort: Cohort, k: number): number {
  return Math.pow(1 - cohort.attritionPerWeek, k);
}

/** Cost of one hire decided so that it starts in `startWeek`: hire cost plus its expected pay to the end of the horizon. */
export function costPerHire(cohort: Cohort, startWeek: number, weeks: number): { hire: number; labour: number } {
  let labour = 0;
  for (let w = startWeek; w < weeks; w++) labour += survival(cohort, w - startWeek) * hoursOf(cohort, w) * cohort.costPerHour;
  return { hire: cohort.hireCost, labour };
}

/** Sorted skills as one key, so groups with the same cohort and skills pool their hours. */
export const skillKey = (skills: readonly string[]) => [...skills].sort().join("\u0000");
