// Independent check of a capacity output: hires against the plan's limits, head counts and cost recomputed, each week's split re-solved.
//
// Deliberately shares no model code with solve.ts: it keeps every group and every hire apart (no
// pooling), writes each week's split as CPLEX LP text and solves it with HiGHS's one-shot API, and
// recomputes head counts and pay with its own loops straight from the contract's wording.
import { loadHighs } from "./highs";
import type { CapacityResult, Cohort, Hire, Plan } from "./model";

export interface CheckReport {
  /** Sentences naming each disagreement or broken rule; empty when the output is right. */
  problems: string[];
  hires: number;
  hireCost: number;
  labourCost: number;
  shortfallHours: number;
  shortfallCost: number;
  totalCost: number;
}

/** Relative agreement the contract asks for (0.1 %), with an absolute floor for figures near zero. */
const agrees = (a: number, b: number, floor = 0.01) => Math.abs(a - b) <= Math.max(floor, 1e-3 * Math.max(Math.abs(a), Math.abs(b)));

export interface Recomputed {
  hires: number;
  hireCost: number;
  labourCost: number;
  shortfallHours: number;
  shortfallCost: number;
  totalCost: number;
  /** Expected head count per week and cohort. */
  headcount: Record<string, number>[];
  /** Shortfall hours per week under the best split. */
  weekShort: number[];
  /** Broken rules of the hires themselves (profile, count, start, maxPerWeek). */
  problems: string[];
}

/** Head counts, the best split of every week and the cost of a list of hires, from the contract's wording alone. */
export async function recomputeCost(plan: Plan, hiresIn: Hire[]): Promise<Recomputed> {
  const problems: string[] = [];
  const cohort = (id: string): Cohort | undefined => plan.cohorts.find((c) => c.id === id);
  const hours = (c: Cohort, w: number) => (typeof c.hoursPerWeek === "number" ? c.hoursPerWeek : c.hoursPerWeek[w]);
  const sameSkills = (a: string[], b: string[]) => a.length === b.length && a.every((s) => b.includes(s));

  // Hires: known profile, whole positive count, start = week + lead inside the horizon, maxPerWeek per profile and week.
  const perProfileWeek = new Map<string, number>();
  const valid: { c: Cohort; skills: string[]; start: number; count: number }[] = [];
  hiresIn.forEach((h, i) => {
    const c = cohort(h.cohort);
    const profile = plan.hireable.findIndex((p) => p.cohort === h.cohort && sameSkills(p.skills, h.skills));
    if (!c || profile < 0) return void problems.push(`hires[${i}]: no hireable profile ${h.cohort} with skills ${h.skills.join("+")}`);
    if (!Number.isInteger(h.count) || h.count <= 0) problems.push(`hires[${i}]: count ${h.count} is not a positive whole number`);
    if (!Number.isInteger(h.week) || h.week < 0) problems.push(`hires[${i}]: week ${h.week} is not a week of the plan`);
    if (h.startWeek !== h.week + c.leadWeeks) problems.push(`hires[${i}]: startWeek ${h.startWeek} is not week + leadWeeks (${h.week + c.leadWeeks})`);
    if (h.week + c.leadWeeks >= plan.weeks) problems.push(`hires[${i}]: starts in week ${h.week + c.leadWeeks}, outside the horizon of ${plan.weeks} weeks`);
    const key = `${profile}@${h.week}`;
    perProfileWeek.set(key, (perProfileWeek.get(key) ?? 0) + h.count);
    valid.push({ c, skills: h.skills, start: h.week + c.leadWeeks, count: h.count });
  });
  // Identical profiles (same cohort and skills) cannot be told apart in the output: their limits add up.
  for (const [key, n] of perProfileWeek) {
    const [profile, week] = key.split("@").map(Number);
    const first = plan.hireable[profile];
    let max: number | undefined = 0;
    for (const p of plan.hireable) {
      if (p.cohort !== first.cohort || !sameSkills(p.skills, first.skills)) continue;
      max = max === undefined || p.maxPerWeek === undefined ? undefined : max + p.maxPerWeek;
    }
    if (max !== undefined && n > max)
      problems.push(`hireable[${profile}]: ${n} hires of ${first.cohort} ${first.skills.join("+")} in week ${week}, above maxPerWeek ${max}`);
  }

  // Cost of the hires, from the contract's sentence: hire cost + Σ weeks from start of head count × hours × cost per hour.
  let hireCost = 0;
  let labourCost = 0;
  let hireCount = 0;
  for (const h of valid) {
    hireCount += h.count;
    hireCost += h.count * h.c.hireCost;
    for (let w = h.start; w < plan.weeks; w++) labourCost += h.count * Math.pow(1 - h.c.attritionPerWeek, w - h.start) * hours(h.c, w) * h.c.costPerHour;
  }

  // Head counts per cohort and week.
  const headcount: Record<string, number>[] = [];
  for (let w = 0; w < plan.weeks; w++) {
    const row: Record<string, number> = {};
    for (const c of plan.cohorts) {
      let n = 0;
      for (const g of plan.agents) if (g.cohort === c.id) n += g.count * Math.pow(1 - c.attritionPerWeek, w);
      for (const h of valid) if (h.c === c && h.start <= w) n += h.count * Math.pow(1 - c.attritionPerWeek, w - h.start);
      row[c.id] = n;
    }
    headcount.push(row);
  }

  // Each week's best split, re-solved: maximise covered hours.
  const highs = await loadHighs();
  let shortfallHours = 0;
  const weekShort: number[] = [];
  for (let w = 0; w < plan.weeks; w++) {
    const groups: { c: Cohort; skills: string[]; worth: number }[] = [];
    for (const g of plan.agents) {
      const c = cohort(g.cohort)!;
      groups.push({ c, skills: g.skills, worth: g.count * Math.pow(1 - c.attritionPerWeek, w) });
    }
    for (const h of valid) {
      if (h.start > w) continue;
      const k = w - h.start;
      const ramp = k < h.c.ramp.length ? h.c.ramp[k] : 1;
      groups.push({ c: h.c, skills: h.skills, worth: h.count * Math.pow(1 - h.c.attritionPerWeek, k) * ramp });
    }
    const lines: string[] = [];
    const vars: string[] = [];
    const cover = new Map<string, string[]>();
    groups.forEach((g, gi) => {
      if (g.worth <= 0) return;
      const all: string[] = [];
      plan.bands.forEach((band, b) => {
        const cap = g.c.bandHours[band] ?? 0;
        if (cap <= 0) return;
        const inBand: string[] = [];
        for (const s of g.skills) {
          const q = plan.queues.findIndex((x) => x.id === s);
          if (plan.queues[q].required[w][b] <= 0) continue;
          const v = `y${gi}_${q}_${b}`;
          inBand.push(v);
          vars.push(v);
          const key = `${q}_${b}`;
          cover.set(key, [...(cover.get(key) ?? []), v]);
        }
        if (inBand.length) lines.push(` band${gi}_${b}: ${inBand.join(" + ")} <= ${cap * g.worth}`);
        all.push(...inBand);
      });
      if (all.length) lines.push(` week${gi}: ${all.join(" + ")} <= ${hours(g.c, w) * g.worth}`);
    });
    let required = 0;
    plan.queues.forEach((q, qi) =>
      q.required[w].forEach((r, b) => {
        required += r;
        const v = cover.get(`${qi}_${b}`);
        if (v) lines.push(` cover${qi}_${b}: ${v.join(" + ")} <= ${r}`);
      }),
    );
    let covered = 0;
    if (vars.length) {
      const text = `Maximize\n obj: ${vars.join(" + ")}\nSubject To\n${lines.join("\n")}\nEnd\n`;
      const solution = highs.solve(text, { output_flag: false } as never);
      if (solution.Status !== "Optimal") problems.push(`week ${w}: split LP ended "${solution.Status}"`);
      covered = solution.ObjectiveValue;
    }
    const short = Math.max(0, required - covered);
    weekShort.push(short);
    shortfallHours += short;
  }
  const shortfallCost = shortfallHours * plan.shortfallCostPerHour;
  return {
    hires: hireCount,
    hireCost,
    labourCost,
    shortfallHours,
    shortfallCost,
    totalCost: hireCost + labourCost + shortfallCost,
    headcount,
    weekShort,
    problems,
  };
}

/** Checks an output against the plan: the hires' rules, head counts, each week's shortfall and the summary, to 0.1 %. */
export async function checkCapacity(plan: Plan, output: CapacityResult): Promise<CheckReport> {
  const r = await recomputeCost(plan, output.hires);
  const problems = [...r.problems];
  for (let w = 0; w < plan.weeks; w++) {
    for (const c of plan.cohorts) {
      const reported = output.weeks[w]?.headcount?.[c.id];
      const n = r.headcount[w][c.id];
      if (reported === undefined || !agrees(reported, n)) problems.push(`weeks[${w}].headcount.${c.id}: reported ${reported}, recomputed ${n.toFixed(4)}`);
    }
    const reported = output.weeks[w]?.queues.reduce((s, q) => s + q.short.reduce((a, b) => a + b, 0), 0);
    if (reported === undefined || !agrees(reported, r.weekShort[w], 0.05))
      problems.push(`week ${w}: reported shortfall ${reported}, best split gives ${r.weekShort[w].toFixed(4)}`);
  }
  const s = output.summary;
  const compare: [string, number, number][] = [
    ["hires", s.hires, r.hires],
    ["hireCost", s.hireCost, r.hireCost],
    ["labourCost", s.labourCost, r.labourCost],
    ["shortfallHours", s.shortfallHours, r.shortfallHours],
    ["shortfallCost", s.shortfallCost, r.shortfallCost],
    ["totalCost", s.totalCost, r.totalCost],
  ];
  for (const [field, reported, recomputed] of compare) {
    if (!agrees(reported, recomputed, 0.05)) problems.push(`summary.${field}: reported ${reported}, recomputed ${recomputed.toFixed(2)}`);
  }
  if (s.lowerBoundCost > s.totalCost + 1e-6) problems.push(`summary.lowerBoundCost ${s.lowerBoundCost} exceeds totalCost ${s.totalCost}`);
  return {
    problems,
    hires: r.hires,
    hireCost: r.hireCost,
    labourCost: r.labourCost,
    shortfallHours: r.shortfallHours,
    shortfallCost: r.shortfallCost,
    totalCost: r.totalCost,
  };
}
