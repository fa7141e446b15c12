import { describe, expect, it } from "vitest";
import { lowerBound } from "./bound";
import { BoundThread } from "./bound-thread";
import { checkSchedule } from "./check";
import { generateInstance } from "./generate";
import { decodeWeek, encodeWeek, PlanPool, roundMix, type PlanMix } from "./primal";
import { seededRandom } from "./random";
import { compileInstance } from "./rules";
import { toShifts, type PlacedShift } from "./solver";

const week = (start: number): PlacedShift[] => [{ start, kind: 0, queue: 0, breaks: [] }];
/** A mix with its weeks decoded, to compare with plain weeks. */
const readable = (mix: PlanMix) => ({
  rounds: mix.rounds,
  classes: mix.classes.map(({ key, offsets, counts }) => ({ key, plans: offsets.map((at) => decodeWeek(mix.data, at)), counts })),
});

describe("encodeWeek", () => {
  it("round-trips weeks with and without breaks", () => {
    const plan: PlacedShift[] = [
      { start: 3, kind: 2, queue: 1, breaks: [7, 12] },
      { start: 40, kind: 0, queue: 4, breaks: [] },
    ];
    expect(decodeWeek(encodeWeek(plan))).toEqual(plan);
    expect(decodeWeek(encodeWeek([]))).toEqual([]);
  });
});

describe("PlanPool", () => {
  it("counts each class's best weeks over the latest share of the rounds", () => {
    const pool = new PlanPool(1);
    // Rounds 1–4: class a on week(0), week(0), week(8), week(8); class b only in rounds 1 and 4.
    pool.add("a", week(0), 1);
    pool.add("b", week(4), 1);
    pool.add("a", week(0), 2);
    pool.add("a", week(8), 3);
    pool.add("a", week(8), 4);
    pool.add("b", week(4), 4);
    const all = readable(pool.mix(1));
    expect(all.rounds).toBe(4);
    expect(all.classes).toEqual([
      { key: "a", plans: [week(0), week(8)], counts: [2, 2] },
      { key: "b", plans: [week(4)], counts: [2] },
    ]);
    const late = readable(pool.mix(0.5));
    expect(late.rounds).toBe(2);
    expect(late.classes).toEqual([
      { key: "a", plans: [week(8)], counts: [2] },
      { key: "b", plans: [week(4)], counts: [1] },
    ]);
  });

  it("keeps only the share of the rounds a mix can ask for", () => {
    const pool = new PlanPool(0.5);
    pool.add("b", week(4), 3);
    for (let round = 1; round <= 40; round++) pool.add("a", week(round <= 20 ? 0 : round % 2 === 0 ? 8 : 12), round);
    const late = { rounds: 20, classes: [{ key: "a", plans: [week(12), week(8)], counts: [10, 10] }] };
    expect(readable(pool.mix(0.5))).toEqual(late);
    // Asking for more than is kept gives what is kept: the first 20 rounds (and class b's only week) are gone.
    expect(readable(pool.mix(1))).toEqual(late);
    expect(readable(pool.mix(0.1))).toEqual({ rounds: 4, classes: [{ key: "a", plans: [week(12), week(8)], counts: [2, 2] }] });
  });
});

describe("roundMix", () => {
  it("spreads every class over the relaxation's weeks in proportion, within its members' rules", async () => {
    const instance = generateInstance({ agents: 60, queues: 3, seed: 4, days: 3, style: "varied" });
    const model = compileInstance(instance);
    const pool = new PlanPool(0.5);
    let ticks = 0;
    await lowerBound(model, { now: () => ticks++, deadline: Infinity, maxIterations: 40, collect: (key, plan, round) => pool.add(key, plan, round) });
    const mix = pool.mix(0.5);
    expect(mix.rounds).toBe(20);
    const plans = roundMix(model, mix, seededRandom(3));
    // Members of a class share skills, availability and rules, so each may take any of its class's weeks.
    expect(checkSchedule(instance, toShifts(instance, model, plans))).toEqual([]);
    const members = new Map<string, number[]>();
    model.agents.forEach((agent) => members.set(agent.classKey, [...(members.get(agent.classKey) ?? []), agent.index]));
    let placed = 0;
    for (const { key, offsets, counts } of mix.classes) {
      const group = members.get(key)!;
      offsets.forEach((at, i) => {
        const text = JSON.stringify(decodeWeek(mix.data, at));
        const taking = group.filter((a) => plans[a].length > 0 && JSON.stringify(plans[a]) === text).length;
        placed += taking;
        expect(Math.abs(taking - (group.length * counts[i]) / mix.rounds)).toBeLessThan(1);
      });
      const idle = group.filter((a) => plans[a].length === 0).length;
      const idleShare = 1 - counts.reduce((s, c) => s + c, 0) / mix.rounds;
      expect(Math.abs(idle - group.length * idleShare)).toBeLessThan(1 + 1e-9);
    }
    expect(placed).toBeGreaterThan(0);
  });
});

describe("BoundThread.mix", () => {
  it("answers from the worker's ascent while it runs and after it ends, and null after the last request or once stopped", async () => {
    const instance = generateInstance({ agents: 30, queues: 2, seed: 5, days: 2 });
    const model = compileInstance(instance);
    const empty = model.required.map((r) => new Float64Array(r.length));
    const thread = new BoundThread({ instance, durationMs: 1500, target: 0, under: model.required, over: empty });
    const until = async (ready: () => Promise<boolean> | boolean) => {
      for (let waited = 0; !(await ready()) && waited < 15_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    };
    let running: PlanMix | null = null;
    await until(async () => ((running = await thread.mix(1))?.classes.length ?? 0) > 0);
    expect(running!.rounds).toBeGreaterThan(0);
    await until(() => thread.done);
    expect(thread.done).toBe(true);
    expect((await thread.mix(1))!.rounds).toBeGreaterThanOrEqual(running!.rounds);
    expect((await thread.mix(1, { last: true }))!.rounds).toBeGreaterThanOrEqual(running!.rounds);
    // After the last mix the worker keeps no rounds: any later request gets none.
    expect(await thread.mix(1)).toBeNull();
    await thread.stop();
    expect(thread.latest!.bound).toBeGreaterThanOrEqual(0);
    expect(await thread.mix(1)).toBeNull();
  }, 20_000);
});
