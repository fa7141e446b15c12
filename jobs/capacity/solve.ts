// The capacity MIP (docs/decisions/040-capacity-model.md): built from a plan, solved by HiGHS, turned into the contract's output.
import type { Highs, ModelData } from "highs";
import { loadHighs, SparseModel } from "./highs";
import { costPerHire, hoursOf, rampOf, skillKey, survival, type CapacityResult, type CapacityWeek, type Hire, type Plan, type WeekQueue } from "./model";

export interface SolveCapacityOptions {
  /** Wall-clock budget of the whole call, model build included (default 30). */
  timeLimitSeconds?: number;
  /** Relative gap at which HiGHS stops and calls the plan optimal (default 1e-6). */
  mipRelGap?: number;
  /** Hires to start the search from (e.g. last run's plan); only whole, in-horizon hires are used. */
  start?: Hire[];
  /** Extra HiGHS options (exact snake_case names), for tuning experiments. */
  highsOptions?: Record<string, number | string | boolean>;
  /** Milliseconds, injectable for tests; defaults to performance.now(). */
  now?: () => number;
  /** Decision weeks in which no hire may be decided (an engine option: the contract's plan has no field for it). */
  hiringFreezes?: HiringFreeze[];
  /** Also report covered hours per cohort (`weeks[].queues[].coveredBy`); off by default so `wfm capacity` writes the contract's output. */
  byCohort?: boolean;
}

/**
 * No hire of the profiles it names (all when `cohort` is missing) may be decided in weeks fromWeek … toWeek
 * (inclusive): a hiring freeze. Exact: those decision columns do not exist in the MIP.
 */
export interface HiringFreeze {
  fromWeek: number;
  toWeek: number;
  cohort?: string;
}

/** Whether a hire of `cohort` decided in week `week` falls inside one of the freezes. */
export const frozen = (freezes: readonly HiringFreeze[] | undefined, cohort: string, week: number) =>
  (freezes ?? []).some((f) => week >= f.fromWeek && week <= f.toWeek && (f.cohort === undefined || f.cohort === cohort));

export interface CompileOptions {
  hiringFreezes?: HiringFreeze[];
}

/** Groups of one cohort and one skill set pool their hours: a sum of scaled copies of one polytope is a scaled copy. */
export interface Unit {
  cohort: number;
  queues: number[];
  /** Head count of existing agents at week 0. */
  existing: number;
  /** Hireable profiles feeding this unit. */
  profiles: number[];
}

export interface Compiled {
  plan: Plan;
  units: Unit[];
  /** Hireable profiles, identical ones (same cohort and skills) merged with their limits summed. */
  profiles: Profile[];
  /** The MIP: hire columns integer, head-count and split columns continuous. */
  model: SparseModel;
  /** Column of x[p][d] (hires of profile p decided in week d), or -1 when the start falls outside the horizon or d is frozen. */
  hireCol: number[][];
  /** y columns with their (unit, queue, band, week). */
  flows: { col: number; unit: number; queue: number; band: number; week: number; row: number; bandCap: number }[];
  /** Worth of each unit in each week (head count scaled by ramp): existing agents plus (column, coefficient) terms of its hires. */
  worth: { existing: number; hired: [number, number][] }[][];
}

export interface Profile {
  cohort: string;
  skills: string[];
  maxPerWeek?: number;
}

/** Hireable profiles with identical ones merged: the output cannot tell them apart, so they share one limit (the sum). */
export function profilesOf(plan: Plan): Profile[] {
  const byKey = new Map<string, Profile>();
  for (const h of plan.hireable) {
    const key = `${h.cohort}\u0001${skillKey(h.skills)}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { cohort: h.cohort, skills: [...h.skills], maxPerWeek: h.maxPerWeek });
    else seen.maxPerWeek = seen.maxPerWeek === undefined || h.maxPerWeek === undefined ? undefined : seen.maxPerWeek + h.maxPerWeek;
  }
  return [...byKey.values()];
}

export const profileIndex = (profiles: Profile[], cohort: string, skills: string[]) =>
  profiles.findIndex((x) => x.cohort === cohort && skillKey(x.skills) === skillKey(skills));

export function unitsOf(plan: Plan, profiles: Profile[]): { units: Unit[]; profileUnit: number[] } {
  const cohortIndex = new Map(plan.cohorts.map((c, i) => [c.id, i]));
  const queueIndex = new Map(plan.queues.map((q, i) => [q.id, i]));
  const byKey = new Map<string, number>();
  const units: Unit[] = [];
  const unitOf = (cohort: string, skills: string[]): number => {
    const key = `${cohort}\u0001${skillKey(skills)}`;
    let u = byKey.get(key);
    if (u === undefined) {
      u = units.length;
      units.push({
        cohort: cohortIndex.get(cohort)!,
        queues: [...new Set(skills)].map((s) => queueIndex.get(s)!).sort((a, b) => a - b),
        existing: 0,
        profiles: [],
      });
      byKey.set(key, u);
    }
    return u;
  };
  for (const g of plan.agents) units[unitOf(g.cohort, g.skills)].existing += g.count;
  const profileUnit = profiles.map((h, p) => {
    const u = unitOf(h.cohort, h.skills);
    units[u].profiles.push(p);
    return u;
  });
  return { units, profileUnit };
}

export function compile(plan: Plan, options: CompileOptions = {}): Compiled {
  const profiles = profilesOf(plan);
  const { units } = unitsOf(plan, profiles);
  const W = plan.weeks;
  const B = plan.bands.length;
  const m = new SparseModel();
  const shortfall = plan.shortfallCostPerHour;
  let totalRequired = 0;
  for (const q of plan.queues) for (const row of q.required) for (const r of row) totalRequired += r;
  m.offset = shortfall * totalRequired;

  // Hire variables x[p][d], integer, cost = hire cost + expected pay to the horizon's end.
  const hireCol = profiles.map((h) => {
    const cohort = plan.cohorts.find((c) => c.id === h.cohort)!;
    const cols: number[] = [];
    for (let d = 0; d < W; d++) {
      const s = d + cohort.leadWeeks;
      if (s >= W || frozen(options.hiringFreezes, h.cohort, d)) {
        cols.push(-1);
        continue;
      }
      const { hire, labour } = costPerHire(cohort, s, W);
      cols.push(m.addCol(hire + labour, 0, h.maxPerWeek ?? Infinity, true));
    }
    return cols;
  });

  // Head count of each unit's hires, H[u][w] = (1 − a) H[u][w − 1] + Σ_p x[p][w − L]: one equality per week keeps the matrix sparse.
  const headCol: number[][] = units.map((u) => {
    const cols = new Array<number>(W).fill(-1);
    if (u.profiles.length === 0) return cols;
    const cohort = plan.cohorts[u.cohort];
    const a = cohort.attritionPerWeek;
    for (let w = cohort.leadWeeks; w < W; w++) {
      cols[w] = m.addCol(0, 0, Infinity);
      const row = m.addRow(0, 0);
      m.add(row, cols[w], 1);
      if (w > cohort.leadWeeks) m.add(row, cols[w - 1], -(1 - a));
      for (const p of u.profiles) m.add(row, hireCol[p][w - cohort.leadWeeks], -1);
    }
    return cols;
  });

  // Effective (ramp-scaled) hired head count in week w as (column, coefficient) terms:
  // H[u][w] − Σ_p Σ_{k < ramp} (1 − ramp[k]) (1 − a)^k x[p][w − L − k].
  const effective = (u: number, w: number): [number, number][] => {
    const unit = units[u];
    const col = headCol[u][w];
    if (col < 0) return [];
    const cohort = plan.cohorts[unit.cohort];
    const terms: [number, number][] = [[col, 1]];
    for (let k = 0; k < cohort.ramp.length; k++) {
      const d = w - cohort.leadWeeks - k;
      if (d < 0) break;
      const deficit = (1 - rampOf(cohort, k)) * survival(cohort, k);
      if (deficit === 0) continue;
      for (const p of unit.profiles) terms.push([hireCol[p][d], -deficit]);
    }
    return terms;
  };

  // Covered hours per (queue, band, week) ≤ required: one row each where required > 0.
  const coverRow: number[][][] = plan.queues.map((q) => q.required.map((row) => row.map((r) => (r > 0 ? m.addRow(-Infinity, r) : -1))));

  const flows: Compiled["flows"] = [];
  const worth: Compiled["worth"] = units.map(() => []);
  units.forEach((unit, u) => {
    const cohort = plan.cohorts[unit.cohort];
    const bandCap = plan.bands.map((b) => cohort.bandHours[b] ?? 0);
    for (let w = 0; w < W; w++) {
      const existing = unit.existing * survival(cohort, w);
      const hired = effective(u, w);
      worth[u][w] = { existing, hired };
      if (existing <= 0 && hired.length === 0) continue;
      const weekly = hoursOf(cohort, w);
      const cols: number[] = [];
      let bandSum = 0;
      for (let b = 0; b < B; b++) {
        if (bandCap[b] <= 0) continue;
        const bandCols: number[] = [];
        for (const q of unit.queues) {
          const cover = coverRow[q][w][b];
          if (cover < 0) continue;
          const col = m.addCol(-shortfall, 0, Infinity);
          m.add(cover, col, 1);
          flows.push({ col, unit: u, queue: q, band: b, week: w, row: cover, bandCap: bandCap[b] });
          bandCols.push(col);
        }
        if (bandCols.length === 0) continue;
        bandSum += bandCap[b];
        // Σ_q y ≤ bandHours[b] × (existing + effective hires)
        const row = m.addRow(-Infinity, bandCap[b] * existing);
        for (const col of bandCols) m.add(row, col, 1);
        for (const [col, coef] of hired) m.add(row, col, -bandCap[b] * coef);
        cols.push(...bandCols);
      }
      // The weekly limit binds only when it is below the sum of the band limits in use.
      if (cols.length > 0 && weekly < bandSum) {
        const row = m.addRow(-Infinity, weekly * existing);
        for (const col of cols) m.add(row, col, 1);
        for (const [col, coef] of hired) m.add(row, col, -weekly * coef);
      }
    }
  });
  return { plan, units, profiles, model: m, hireCol, flows, worth };
}

/** Solves the plan; returns the optimum when HiGHS proves it within the time limit, else the best plan and HiGHS's bound. */
export async function solveCapacity(plan: Plan, options: SolveCapacityOptions = {}): Promise<CapacityResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const limit = Math.max(0, options.timeLimitSeconds ?? 30);
  const highs = await loadHighs();
  const compiled = compile(plan, options);
  if (compiled.model.numCols === 0) {
    // Nobody to deploy and nobody hireable in time: the cost is the whole shortfall, proven.
    const result = await planFor(plan, [], { compiled, byCohort: options.byCohort });
    Object.assign(result.summary, { lowerBoundCost: result.summary.totalCost, status: "optimal", gap: 0, seconds: Math.round((now() - started) / 10) / 100 });
    return result;
  }
  const data = compiled.model.toModelData(highs.infinity);
  const model = highs.createModel(data);
  try {
    // A small reserve so that the split re-solve and the output also fit inside the limit.
    const elapsed = (now() - started) / 1000;
    const budget = Math.max(0.05, limit - elapsed - Math.min(0.08 * limit, 2.5));
    // A start for HiGHS: the LP relaxation rounded at a few thresholds, each costed with its best
    // split; HiGHS's own heuristics can take a long time to find as good a plan on hard weeks.
    const hireCols = compiled.hireCol.flat().filter((c) => c >= 0);
    const candidates: Map<number, number>[] = [];
    if (options.start?.length) candidates.push(startCounts(compiled, options.start));
    const relaxed = solveLp(highs, data, new Map(), false, Math.max(1, budget * 0.4));
    if (relaxed) {
      for (const threshold of [0.5, 0.3, 0.7, 0.15]) {
        const counts = new Map<number, number>();
        for (const c of hireCols) {
          const v = Math.max(0, relaxed.x[c]);
          const n = Math.min(compiled.model.colUpper[c], Math.floor(v + 1e-9) + (v - Math.floor(v + 1e-9) >= threshold ? 1 : 0));
          if (n > 0) counts.set(c, n);
        }
        candidates.push(counts);
      }
    }
    let best: { objective: number; x: Float64Array } | undefined;
    for (const [i, counts] of candidates.entries()) {
      if (i > 0 && (now() - started) / 1000 > limit * 0.5) break;
      const r = solveLp(highs, data, counts, true, budget * 0.1);
      if (r && (!best || r.objective < best.objective)) best = r;
    }
    const left = Math.max(0.05, limit - (now() - started) / 1000 - Math.min(0.08 * limit, 2.5));
    model.options.set({ output_flag: false, time_limit: left, mip_rel_gap: options.mipRelGap ?? 1e-6, random_seed: 0, ...options.highsOptions });
    if (best) model.setSolution({ colValue: best.x });
    const run = model.run();
    const optimal = run.modelStatus === highs.constants.modelStatus.optimal || run.modelStatus === highs.constants.modelStatus.empty;
    const x = model.getSolution().colValue;
    const haveIncumbent = Number(model.info.get("primal_solution_status")) === 2;
    const counts = compiled.hireCol.map((cols) => cols.map((c) => (c >= 0 && haveIncumbent ? Math.max(0, Math.round(x[c])) : 0)));
    // A hair below HiGHS's bound, so that solver tolerances can never put it above the true optimum.
    let bound = optimal && compiled.hireCol.every((c) => c.every((x) => x < 0)) ? Infinity : Number(model.info.get("mip_dual_bound"));
    if (Number.isNaN(bound) || bound === -Infinity) bound = 0;
    bound -= Number.isFinite(bound) ? 1e-7 * Math.abs(bound) : 0;
    const hires = hiresOf(plan, compiled.profiles, counts);
    const result = await planFor(plan, hires, { compiled, byCohort: options.byCohort });
    const total = result.summary.totalCost;
    result.summary.lowerBoundCost = round2(Math.max(0, Math.min(bound, total)));
    result.summary.status = optimal ? "optimal" : "time-limit";
    result.summary.gap = total > 0 ? (total - result.summary.lowerBoundCost) / total : 0;
    result.summary.seconds = Math.round((now() - started) / 10) / 100;
    return result;
  } finally {
    model.dispose();
  }
}

function startCounts(compiled: Compiled, start: Hire[]): Map<number, number> {
  const given = new Map<number, number>();
  for (const h of start) {
    const p = profileIndex(compiled.profiles, h.cohort, h.skills);
    const col = p >= 0 ? compiled.hireCol[p][h.week] : -1;
    if (col === undefined || col < 0) continue;
    given.set(col, Math.min(compiled.model.colUpper[col], (given.get(col) ?? 0) + h.count));
  }
  return given;
}

/** The model as an LP: relaxed (fixed = false) or with every hire column fixed to `counts` (missing: 0). */
function solveLp(
  highs: Highs,
  data: ModelData,
  counts: Map<number, number>,
  fixed: boolean,
  seconds: number,
): { objective: number; x: Float64Array } | undefined {
  let lower = data.colLower;
  let upper = data.colUpper;
  if (fixed) {
    lower = Float64Array.from(data.colLower);
    upper = Float64Array.from(data.colUpper);
    const integrality = data.integrality!;
    for (let c = 0; c < data.numCols; c++) if (integrality[c] === 1) lower[c] = upper[c] = counts.get(c) ?? 0;
  }
  const lp = highs.createModel({ ...data, colLower: lower, colUpper: upper, integrality: undefined });
  try {
    lp.options.set(Number.isFinite(seconds) ? { output_flag: false, time_limit: Math.max(0.05, seconds) } : { output_flag: false });
    const run = lp.run();
    if (run.modelStatus === highs.constants.modelStatus.empty) return { objective: data.offset ?? 0, x: new Float64Array(data.numCols) };
    if (run.modelStatus !== highs.constants.modelStatus.optimal) return undefined;
    return { objective: lp.getObjectiveValue(), x: lp.getSolution().colValue };
  } finally {
    lp.dispose();
  }
}

/** The hires list of the output from counts per profile and decision week. */
export function hiresOf(plan: Plan, profiles: Profile[], counts: number[][]): Hire[] {
  const hires: Hire[] = [];
  profiles.forEach((h, p) => {
    const cohort = plan.cohorts.find((c) => c.id === h.cohort)!;
    counts[p].forEach((count, d) => {
      if (count > 0) hires.push({ cohort: h.cohort, skills: [...h.skills], week: d, startWeek: d + cohort.leadWeeks, count });
    });
  });
  return hires.sort((a, b) => a.week - b.week || a.cohort.localeCompare(b.cohort) || skillKey(a.skills).localeCompare(skillKey(b.skills)));
}

/**
 * The contract's output for a fixed set of hires: head counts, the best split of hours (one LP,
 * hires fixed), and the cost. Used for the solver's answer and for the spreadsheet method's plan.
 */
export async function planFor(
  plan: Plan,
  hires: Hire[],
  opts: { compiled?: Compiled; hiringFreezes?: HiringFreeze[]; byCohort?: boolean } = {},
): Promise<CapacityResult> {
  const highs = await loadHighs();
  const compiled = opts.compiled ?? compile(plan, opts);
  const m = compiled.model;
  const fixed = new Map<number, number>();
  for (const h of hires) {
    const p = profileIndex(compiled.profiles, h.cohort, h.skills);
    const col = p >= 0 ? compiled.hireCol[p][h.week] : -1;
    if (col === undefined || col < 0) throw new RangeError(`hire of ${h.cohort} in week ${h.week} is not a decision of the plan`);
    fixed.set(col, (fixed.get(col) ?? 0) + h.count);
  }
  const data = m.toModelData(highs.infinity);
  if (data.numCols === 0) return summarise(plan, hires, compiled, new Float64Array(0), opts.byCohort ? new Float64Array(0) : undefined);
  // Many splits cover the same hours. A tie-break far below the cost of an hour short makes the chosen one unique
  // and alike from week to week (agents with fewer skills cover their queues first, then by cohort and queue order),
  // without changing how many hours are covered: one hour covered is worth shortfallCostPerHour, the tie-break < 0.01.
  const colCost = Float64Array.from(data.colCost);
  for (const f of compiled.flows) {
    const unit = compiled.units[f.unit];
    colCost[f.col] += SPLIT_TIE_BREAK * (unit.queues.length + 0.1 * unit.cohort + 0.01 * f.queue) * Math.min(1, plan.shortfallCostPerHour);
  }
  const split = solveLp(highs, { ...data, colCost }, fixed, true, Infinity);
  if (!split) throw new Error("the split LP with the hires fixed did not solve to optimality");
  // The figures come from the split itself; the even split only shares each figure between cohorts.
  const shares = opts.byCohort ? (evenSplit(highs, compiled, fixed, split.x) ?? split.x) : undefined;
  return summarise(plan, hires, compiled, split.x, shares);
}

/**
 * Among the splits that cover exactly as many hours of each queue, band and week as `y` (so every figure of the
 * contract stays), one closest (in hours, L1) to sharing each queue's covered hours between the groups that can
 * work it in proportion to what each can give that band. Used for the split per cohort: a bare LP vertex flips
 * between cohorts from week to week. Undefined when that LP does not solve.
 */
function evenSplit(highs: Highs, compiled: Compiled, fixed: Map<number, number>, y: Float64Array): Float64Array | undefined {
  const m = compiled.model.clone();
  m.offset = 0;
  m.cost.fill(0);
  for (let c = 0; c < m.numCols; c++)
    if (m.integer[c]) {
      m.integer[c] = false;
      m.colLower[c] = m.colUpper[c] = fixed.get(c) ?? 0;
    }
  const value = (terms: [number, number][]) => terms.reduce((s, [col, coef]) => s + coef * y[col], 0);
  const byRow = new Map<number, { col: number; can: number }[]>();
  for (const f of compiled.flows) {
    const w = compiled.worth[f.unit][f.week];
    const can = Math.max(0, f.bandCap * (w.existing + value(w.hired)));
    const row = byRow.get(f.row) ?? [];
    row.push({ col: f.col, can });
    byRow.set(f.row, row);
  }
  for (const [row, flows] of byRow) {
    const covered = flows.reduce((s, f) => s + Math.max(0, y[f.col]), 0);
    m.rowLower[row] = covered - 1e-7 * Math.max(1, covered);
    const can = flows.reduce((s, f) => s + f.can, 0);
    for (const f of flows) {
      const target = can > 0 ? (covered * f.can) / can : covered / flows.length;
      const over = m.addCol(1, 0, Infinity);
      const under = m.addCol(1, 0, Infinity);
      const r = m.addRow(target, target);
      m.add(r, f.col, 1);
      m.add(r, over, -1);
      m.add(r, under, 1);
    }
  }
  const data = m.toModelData(highs.infinity);
  return solveLp(highs, { ...data, integrality: undefined }, new Map(), false, 5)?.x;
}

/** The contract's output from split `y`; with `shares` (a split covering the same hours), also covered hours per cohort. */
function summarise(plan: Plan, hires: Hire[], compiled: Compiled, y: Float64Array, shares?: Float64Array): CapacityResult {
  const byCohort = shares !== undefined;
  const W = plan.weeks;
  const B = plan.bands.length;
  const covered = plan.queues.map(() => Array.from({ length: W }, () => new Array<number>(B).fill(0)));
  // The same flows per cohort: covered[q][w][b] is their sum over cohorts.
  const perCohort = plan.queues.map(() => Array.from({ length: W }, () => new Map<string, number[]>()));
  for (const f of compiled.flows) {
    covered[f.queue][f.week][f.band] += Math.max(0, y[f.col]);
    const v = shares ? Math.max(0, shares[f.col]) : 0;
    if (v <= 0) continue;
    const cohort = plan.cohorts[compiled.units[f.unit].cohort].id;
    const row = perCohort[f.queue][f.week].get(cohort) ?? new Array<number>(B).fill(0);
    row[f.band] += v;
    perCohort[f.queue][f.week].set(cohort, row);
  }
  let shortfallHours = 0;
  const weeks: CapacityWeek[] = [];
  for (let w = 0; w < W; w++) {
    const queues = plan.queues.map((q, qi) => {
      const required = q.required[w];
      const cov = required.map((r, b) => round4(Math.min(r, covered[qi][w][b])));
      const short = required.map((r, b) => round4(Math.max(0, r - cov[b])));
      for (const s of short) shortfallHours += s;
      const out: WeekQueue = { id: q.id, required: [...required], covered: cov, short };
      if (byCohort) {
        // Scaled so that the cohorts add up to the reported (capped, rounded) covered hours.
        const sums = new Array<number>(B).fill(0);
        for (const row of perCohort[qi][w].values()) row.forEach((v, b) => (sums[b] += v));
        const scale = sums.map((sum, b) => (sum > 0 ? cov[b] / sum : 0));
        out.coveredBy = Object.fromEntries(
          [...perCohort[qi][w]].sort(([a], [b]) => a.localeCompare(b)).map(([id, row]) => [id, row.map((v, b) => round4(v * scale[b]))]),
        );
      }
      return out;
    });
    weeks.push({ week: w, queues, headcount: headcounts(plan, hires, w) });
  }
  let hireCost = 0;
  let labourCost = 0;
  let count = 0;
  for (const h of hires) {
    const cohort = plan.cohorts.find((c) => c.id === h.cohort)!;
    const cost = costPerHire(cohort, h.startWeek, W);
    hireCost += h.count * cost.hire;
    labourCost += h.count * cost.labour;
    count += h.count;
  }
  const shortfallCost = shortfallHours * plan.shortfallCostPerHour;
  const totalCost = hireCost + labourCost + shortfallCost;
  return {
    hires,
    weeks,
    summary: {
      hires: count,
      hireCost: round2(hireCost),
      labourCost: round2(labourCost),
      shortfallHours: round4(shortfallHours),
      shortfallCost: round2(shortfallCost),
      totalCost: round2(totalCost),
      lowerBoundCost: 0,
      seconds: 0,
      status: "time-limit",
      gap: 0,
    },
  };
}

/** Expected head count per cohort in week w: existing agents and hires that have started, not scaled by ramp. */
export function headcounts(plan: Plan, hires: Hire[], w: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of plan.cohorts) out[c.id] = 0;
  for (const g of plan.agents) {
    const c = plan.cohorts.find((x) => x.id === g.cohort)!;
    out[c.id] += g.count * survival(c, w);
  }
  for (const h of hires) {
    if (h.startWeek > w) continue;
    const c = plan.cohorts.find((x) => x.id === h.cohort)!;
    out[c.id] += h.count * survival(c, w - h.startWeek);
  }
  for (const id of Object.keys(out)) out[id] = round4(out[id]);
  return out;
}

/** Per hour of a split column, in cost units, times the unit's skill count and order (see planFor). */
const SPLIT_TIE_BREAK = 1e-4;

const round2 = (v: number) => Math.round(v * 100) / 100;
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
