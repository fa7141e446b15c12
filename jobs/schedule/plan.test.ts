import { describe, expect, it } from "vitest";
import type { Instance } from "./instance";
import { agentStates, bestPlan, PlanScratch, type PlannedShift } from "./plan";
import { compileInstance, type CompiledAgent, type CompiledInstance } from "./rules";
import { seededRandom, type Random } from "./random";

/** A small week of 1-hour intervals with random availability windows (long gaps, so whole stretches allow no start) and random limits. */
function randomModel(random: Random): CompiledInstance {
  const T = 30 + Math.floor(random() * 20);
  const agents = Array.from({ length: 4 }, (_, i) => {
    const availability: [number, number][] = [];
    let t = Math.floor(random() * 6);
    while (t < T - 3) {
      const end = Math.min(T, t + 3 + Math.floor(random() * 9));
      availability.push([t, end]);
      t = end + 1 + Math.floor(random() * 10);
    }
    return {
      id: `a${i}`,
      skills: random() < 0.5 ? ["q1"] : ["q1", "q2"],
      minMinutes: random() < 0.5 ? 0 : 60 * Math.floor(random() * 14),
      maxMinutes: 60 * (4 + Math.floor(random() * 16)),
      maxShifts: 1 + Math.floor(random() * 4),
      availability,
      ...(random() < 0.3 ? { rules: { minRestMinutes: 60 * Math.floor(random() * 5) } } : {}),
    };
  });
  const instance: Instance = {
    start: "2026-12-07T00:00:00Z",
    intervalMinutes: 60,
    intervals: T,
    queues: [
      { id: "q1", required: Array.from({ length: T }, () => 1) },
      { id: "q2", required: Array.from({ length: T }, () => 1) },
    ],
    rules: { shiftLengthsMinutes: [180, 240, 360], minRestMinutes: 120, breaks: [] },
    agents,
  } as Instance;
  return compileInstance(instance);
}

/** Every week the agent's rules allow, enumerated: the best score by brute force. */
function bruteForceBest(model: CompiledInstance, agent: CompiledAgent, values: Float64Array[][], penalty: (worked: number) => number): number {
  let best = -Infinity;
  const walk = (from: number, shifts: number, worked: number, score: number) => {
    best = Math.max(best, score - penalty(worked));
    if (shifts === agent.maxShifts) return;
    for (let t = from; t < model.intervals; t++) {
      for (const k of agent.kinds) {
        const kind = model.kinds[k];
        if (t + kind.length > agent.availableUntil[t] || worked + kind.worked > agent.maxWorked) continue;
        for (const q of agent.skills) walk(t + kind.length + agent.rest, shifts + 1, worked + kind.worked, score + values[q][k][t]);
      }
    }
  };
  walk(0, 0, 0, 0);
  return best;
}

function scoreOf(values: Float64Array[][], shifts: PlannedShift[]): number {
  return shifts.reduce((sum, s) => sum + values[s.queue][s.kind][s.start], 0);
}

describe("bestPlan", () => {
  it("finds the best week brute force finds, and the week it returns keeps the agent's rules and scores what it reports", () => {
    const random = seededRandom(11);
    const scratch = new PlanScratch();
    let compared = 0;
    for (let trial = 0; trial < 60; trial++) {
      const model = randomModel(random);
      const values = model.required.map(() => model.kinds.map(() => Float64Array.from({ length: model.intervals }, () => random() * 10 - 3)));
      for (const agent of model.agents) {
        // Odd agents keep their minimum (states short by different amounts stay apart); even ones merge them all.
        const minMinutes = agent.index % 2 ? agent.minMinutes : 0;
        const states = agentStates(model, agent, minMinutes);
        const penaltyOf = (worked: number) => (0.7 / model.intervalMinutes) * Math.max(0, minMinutes - worked * model.intervalMinutes);
        const penalty = Float64Array.from(states.shortfall, (minutes) => (0.7 / model.intervalMinutes) * minutes);
        const result = bestPlan(model, agent, states, values, penalty, scratch);
        expect(result.score).toBeCloseTo(bruteForceBest(model, agent, values, penaltyOf), 9);
        const worked = result.shifts.reduce((sum, s) => sum + model.kinds[s.kind].worked, 0);
        expect(result.score).toBeCloseTo(scoreOf(values, result.shifts) - penaltyOf(worked), 9);
        expect(result.shifts.length).toBeLessThanOrEqual(agent.maxShifts);
        expect(worked).toBeLessThanOrEqual(agent.maxWorked);
        result.shifts.forEach((s, i) => {
          expect(agent.skills).toContain(s.queue);
          expect(agent.allowed[s.kind]).toBe(1);
          expect(s.start + model.kinds[s.kind].length).toBeLessThanOrEqual(agent.availableUntil[s.start]);
          if (i > 0) {
            const before = result.shifts[i - 1];
            expect(s.start).toBeGreaterThanOrEqual(before.start + model.kinds[before.kind].length + agent.rest);
          }
        });
        compared++;
      }
    }
    expect(compared).toBe(240);
  });
});

describe("agentStates", () => {
  it("merges the pairs no week can tell apart, and keeps apart those that end short by different amounts", () => {
    const random = seededRandom(5);
    const model = randomModel(random);
    const agent = { ...model.agents[0], maxShifts: 3, maxWorked: 1000, kinds: [0, 1, 2], allowed: Uint8Array.from([1, 1, 1]), minMinutes: 600 };
    // Hours never bind: only the shifts left matter — one state per shift count (0–3).
    expect(agentStates(model, agent).count).toBe(4);
    // With a 600-minute minimum, weeks ending 0, 180, 240, 360 … minutes short differ: more states than shift counts.
    const kept = agentStates(model, agent, 600);
    expect(kept.count).toBeGreaterThan(4);
    const short = [...kept.shortfall].sort((a, b) => a - b);
    expect(short[0]).toBe(0);
    expect(short.at(-1)).toBe(600);
  });
});
