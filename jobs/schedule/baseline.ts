// The bench's reference schedule (issue: "a simple baseline"): scarcest intervals first, an exact per-agent DP, then re-optimising passes until the time limit.
//
// Deliberately plain, so that "never behind the baseline" means something: no perturbation, no
// tie-breaking toward deep deficits, over-coverage only as a tiny tie-break. It shares the rules
// compiler and the exact per-agent DP with the engine (those are the contract, not the strategy).
import type { Instance, Shift } from "./instance";
import { agentStates, bestPlan, PlanScratch } from "./plan";
import { compileInstance, placeBreaks } from "./rules";
import { toShifts, type PlacedShift } from "./solver";

export interface BaselineResult {
  shifts: Shift[];
  passes: number;
}

export function baselineSchedule(instance: Instance, options: { timeLimitSeconds: number; now?: () => number }): BaselineResult {
  const now = options.now ?? (() => performance.now());
  const deadline = now() + options.timeLimitSeconds * 1000;
  const model = compileInstance(instance);
  const { intervals: T, queueCount: Q, kinds } = model;
  const A = model.agents.length;
  const staffed = Array.from({ length: Q }, () => new Float64Array(T));
  const prefix = Array.from({ length: Q }, () => new Float64Array(T + 1));
  const values = Array.from({ length: Q }, () => kinds.map(() => new Float64Array(T).fill(-Infinity)));
  const refresh = (q: number) => {
    const p = prefix[q];
    for (let t = 0; t < T; t++) {
      const deficit = model.required[q][t] - staffed[q][t];
      p[t + 1] = p[t] + (deficit >= 1 ? 1 : deficit > 0 ? deficit : -1e-3);
    }
    kinds.forEach((kind, k) => {
      const v = values[q][k];
      for (let t = 0; t + kind.length <= T; t++) v[t] = p[t + kind.length] - p[t] - placeBreaks(kind, t, p);
    });
  };
  const apply = (s: PlacedShift, sign: 1 | -1) => {
    const kind = kinds[s.kind];
    for (let t = s.start; t < s.start + kind.length; t++) staffed[s.queue][t] += sign;
    s.breaks.forEach((at, b) => {
      for (let t = at; t < at + kind.breaks[b].duration; t++) staffed[s.queue][t] -= sign;
    });
  };
  for (let q = 0; q < Q; q++) refresh(q);

  // Scarcity of a cell: its requirement per agent who could staff it. Agents who can serve the
  // scarcest cells are placed first (ties: fewer cells they can serve at all).
  const supply = Array.from({ length: Q }, () => new Float64Array(T));
  for (const agent of model.agents) for (const q of agent.skills) for (let t = 0; t < T; t++) if (agent.availableUntil[t] >= 0) supply[q][t]++;
  const key = model.agents.map((agent) => {
    let scarcest = 0;
    let cells = 0;
    for (const q of agent.skills) {
      for (let t = 0; t < T; t++) {
        if (agent.availableUntil[t] < 0) continue;
        cells++;
        scarcest = Math.max(scarcest, model.required[q][t] / supply[q][t]);
      }
    }
    return { scarcest, cells };
  });
  const order = model.agents.map((_, a) => a).sort((a, b) => key[b].scarcest - key[a].scarcest || key[a].cells - key[b].cells || a - b);

  const plans: PlacedShift[][] = model.agents.map(() => []);
  const scratch = new PlanScratch();
  const score = (plan: PlacedShift[]) =>
    plan.reduce((sum, s) => {
      const p = prefix[s.queue];
      const kind = kinds[s.kind];
      let v = p[s.start + kind.length] - p[s.start];
      s.breaks.forEach((at, b) => (v -= p[at + kind.breaks[b].duration] - p[at]));
      return sum + v;
    }, 0);
  /** Re-plans agent a against everyone else; returns whether the plan changed for the better. */
  const replan = (a: number): boolean => {
    const agent = model.agents[a];
    const old = plans[a];
    const touched = new Set(old.map((s) => s.queue));
    for (const s of old) apply(s, -1);
    for (const q of touched) refresh(q);
    const result = bestPlan(model, agent, agentStates(model, agent), values, null, scratch);
    let next = old;
    if (result.score > score(old) + 1e-9) {
      next = result.shifts.map((p) => {
        const breaks: number[] = [];
        placeBreaks(kinds[p.kind], p.start, prefix[p.queue], breaks);
        return { ...p, breaks };
      });
    }
    for (const s of next) {
      apply(s, 1);
      touched.add(s.queue);
    }
    for (const q of touched) refresh(q);
    plans[a] = next;
    return next !== old;
  };
  for (const a of order) {
    if (now() >= deadline) break;
    replan(a);
  }
  let passes = 0;
  while (now() < deadline && A > 0) {
    passes++;
    let changed = false;
    for (const a of order) {
      if (now() >= deadline) break;
      if (replan(a)) changed = true;
    }
    if (!changed) break;
  }
  return { shifts: toShifts(instance, model, plans), passes };
}
