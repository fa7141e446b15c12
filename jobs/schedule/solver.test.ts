import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkSchedule, coverageTotals, solveSchedule } from "./index";
import type { Agent, Instance, Shift } from "./instance";
import { lowerBound } from "./bound";
import { compileInstance } from "./rules";
import { generateInstance } from "./generate";
import { lpBound } from "./lp";
import { baselineSchedule } from "./baseline";
import { objective, ScheduleSearch } from "./solver";
import { agentRules, parseInstance } from "./instance";

/** A clock that advances one millisecond per reading: runs are deterministic and independent of machine speed. */
function tickingClock(): () => number {
  let ms = 0;
  return () => ms++;
}

const smallInstance = (maxIntervals: number, maxAgents: number) =>
  fc
    .record({
      intervalMinutes: fc.constantFrom(15, 30, 60),
      intervals: fc.integer({ min: 4, max: maxIntervals }),
      queueCount: fc.integer({ min: 1, max: 3 }),
      lengths: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 }),
      restIntervals: fc.integer({ min: 0, max: 4 }),
      restExtraMinutes: fc.constantFrom(0, 7),
      breaks: fc.array(
        fc.record({
          minLength: fc.integer({ min: 1, max: 6 }),
          duration: fc.integer({ min: 1, max: 2 }),
          earliest: fc.integer({ min: 0, max: 2 }),
          latest: fc.integer({ min: 0, max: 2 }),
        }),
        { maxLength: 2 },
      ),
      required: fc.array(fc.nat({ max: 3 }), { minLength: 3 * maxIntervals, maxLength: 3 * maxIntervals }),
      agents: fc.array(
        fc.record({
          skills: fc.subarray([0, 1, 2]),
          minShifts: fc.nat({ max: 12 }),
          maxWorked: fc.nat({ max: 16 }),
          maxShifts: fc.nat({ max: 4 }),
          availability: fc.array(fc.tuple(fc.nat({ max: 1000 }), fc.nat({ max: 1000 })), { maxLength: 3 }),
        }),
        { minLength: 1, maxLength: maxAgents },
      ),
    })
    .map((r): Instance => {
      const iv = r.intervalMinutes;
      const T = r.intervals;
      const queues = Array.from({ length: r.queueCount }, (_, q) => ({ id: `q${q}`, required: r.required.slice(q * T, (q + 1) * T) }));
      const agents = r.agents.map((a, i): Agent => ({
        id: `a${i}`,
        skills: a.skills.filter((q) => q < r.queueCount).map((q) => `q${q}`),
        minMinutes: a.minShifts * iv,
        maxMinutes: a.maxWorked * iv,
        maxShifts: a.maxShifts,
        availability: a.availability.map(([x, y]): [number, number] => {
          const from = x % (T + 1);
          const to = y % (T + 1);
          return from <= to ? [from, to] : [to, from];
        }),
      }));
      return {
        start: "2026-12-07T00:00:00Z",
        intervalMinutes: iv,
        intervals: T,
        queues,
        rules: {
          shiftLengthsMinutes: r.lengths.map((l) => l * iv),
          minRestMinutes: r.restIntervals * iv + r.restExtraMinutes,
          breaks: r.breaks.map((b) => ({
            minShiftMinutes: b.minLength * iv,
            minutes: b.duration * iv,
            earliestAfterStartMinutes: b.earliest * iv,
            latestBeforeEndMinutes: b.latest * iv - (b.latest > 0 ? 5 : 0),
          })),
        },
        agents,
      };
    });

/** Small instances where some agents have their own lengths, rest or breaks (decision 075). */
const mixedInstance = (maxIntervals: number, maxAgents: number) =>
  fc
    .tuple(
      smallInstance(maxIntervals, maxAgents),
      fc.array(
        fc.option(
          fc.record(
            {
              lengths: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 2 }),
              restIntervals: fc.integer({ min: 0, max: 5 }),
              breaks: fc.array(
                fc.record({
                  minLength: fc.integer({ min: 1, max: 6 }),
                  duration: fc.integer({ min: 1, max: 2 }),
                  earliest: fc.integer({ min: 0, max: 2 }),
                  latest: fc.integer({ min: 0, max: 2 }),
                }),
                { maxLength: 1 },
              ),
            },
            { requiredKeys: [] },
          ),
          { freq: 2 },
        ),
        { minLength: maxAgents, maxLength: maxAgents },
      ),
    )
    .map(([instance, overrides]): Instance => {
      const iv = instance.intervalMinutes;
      return {
        ...instance,
        agents: instance.agents.map((agent, i) => {
          const o = overrides[i];
          if (!o) return agent;
          const rules: Agent["rules"] = {};
          if (o.lengths) rules.shiftLengthsMinutes = o.lengths.map((l) => l * iv);
          if (o.restIntervals !== undefined) rules.minRestMinutes = o.restIntervals * iv;
          if (o.breaks)
            rules.breaks = o.breaks.map((b) => ({
              minShiftMinutes: b.minLength * iv,
              minutes: b.duration * iv,
              earliestAfterStartMinutes: b.earliest * iv,
              latestBeforeEndMinutes: b.latest * iv,
            }));
          return { ...agent, rules };
        }),
      };
    });

/** Every feasible plan of one agent, by exhaustive enumeration (tiny instances only). */
function allPlans(instance: Instance, agent: Agent): Shift[][] {
  const iv = instance.intervalMinutes;
  const own = agentRules(instance, agent);
  const rest = Math.ceil(own.minRestMinutes / iv);
  const variants: { start: number; end: number; queue: string; breaks: [number, number][]; worked: number }[] = [];
  for (const minutes of new Set(own.shiftLengthsMinutes)) {
    const length = minutes / iv;
    const rules = own.breaks.filter((r) => minutes >= r.minShiftMinutes);
    for (let start = 0; start + length <= instance.intervals; start++) {
      if (!agent.availability.some(([a, b]) => a <= start && start + length <= b)) continue;
      const placements: [number, number][][] = [];
      const place = (i: number, chosen: [number, number][]) => {
        if (i === rules.length) return placements.push([...chosen]);
        const d = rules[i].minutes / iv;
        for (let at = start; at + d <= start + length; at++) {
          const fits = (at - start) * iv >= rules[i].earliestAfterStartMinutes && (start + length - at - d) * iv >= rules[i].latestBeforeEndMinutes;
          if (!fits || chosen.some(([a, b]) => at < b && a < at + d)) continue;
          place(i + 1, [...chosen, [at, at + d]]);
        }
      };
      place(0, []);
      for (const breaks of placements) {
        const worked = (length - breaks.reduce((s, [a, b]) => s + b - a, 0)) * iv;
        for (const queue of agent.skills) variants.push({ start, end: start + length, queue, breaks, worked });
      }
    }
  }
  const plans: Shift[][] = [];
  const extend = (from: number, plan: Shift[], worked: number) => {
    plans.push(plan);
    if (plan.length >= agent.maxShifts) return;
    for (const v of variants) {
      if (v.start < from || worked + v.worked > agent.maxMinutes) continue;
      extend(v.end + rest, [...plan, { agent: agent.id, queue: v.queue, start: v.start, end: v.end, breaks: v.breaks }], worked + v.worked);
    }
  };
  extend(0, [], 0);
  return plans;
}

const lexicographic = (t: { underCoverage: number; minMinutesShortfall: number; overCoverage: number }) => [
  t.underCoverage,
  t.minMinutesShortfall,
  t.overCoverage,
];

function bruteForceOptimum(instance: Instance) {
  const perAgent = instance.agents.map((a) => allPlans(instance, a));
  const combinations = perAgent.reduce((n, p) => n * p.length, 1);
  if (combinations > 20_000) return { best: [], combinations };
  let best: number[] | undefined;
  const walk = (a: number, shifts: Shift[]) => {
    if (a === perAgent.length) {
      const score = lexicographic(coverageTotals(instance, shifts));
      if (!best || score[0] < best[0] || (score[0] === best[0] && (score[1] < best[1] || (score[1] === best[1] && score[2] < best[2])))) best = score;
      return;
    }
    for (const plan of perAgent[a]) walk(a + 1, shifts.concat(plan));
  };
  walk(0, []);
  return { best: best!, combinations };
}

/**
 * On an instance whose optimum brute force found: the solver reaches it, and no bound exceeds it — the
 * Lagrangian, the plain LP, and the Lagrangian at the LP's duals (a bound too, never below the LP's optimum).
 */
async function expectOptimumAndBounds(instance: Instance, best: ReturnType<typeof bruteForceOptimum>["best"]) {
  const { summary } = await solveSchedule(instance, { timeLimitSeconds: 1, seed: 1, now: tickingClock() });
  expect(lexicographic(summary)).toEqual(best);
  const model = compileInstance(instance);
  const bound = await lowerBound(model, { now: () => 0, deadline: 1, maxIterations: 60 });
  expect(bound.bound).toBeLessThanOrEqual(best[0]);
  const lp = await lpBound(model, { now: () => 0, deadline: 60_000 });
  if (lp.bound !== null) expect(lp.bound).toBeLessThanOrEqual(best[0] + 1e-9);
  if (lp.prices) {
    const atDuals = await lowerBound(model, { now: () => 0, deadline: 1, maxIterations: 1, prices: () => lp.prices });
    expect(atDuals.bound).toBeLessThanOrEqual(best[0]);
    expect(atDuals.lagrangian).toBeGreaterThanOrEqual(lp.bound! - 1e-6);
  }
}

describe("solveSchedule", () => {
  it("keeps every rule and its totals add up on random small instances", async () => {
    await fc.assert(
      fc.asyncProperty(smallInstance(60, 6), fc.nat(), async (instance, seed) => {
        const { shifts, summary } = await solveSchedule(instance, { timeLimitSeconds: 0.4, seed, now: tickingClock() });
        expect(checkSchedule(instance, shifts)).toEqual([]);
        const totals = coverageTotals(instance, shifts);
        expect(summary).toMatchObject(totals);
        expect(summary.coveredAgentIntervals + summary.underCoverage).toBeCloseTo(summary.requiredAgentIntervals, 6);
        expect(summary.lowerBoundUnderCoverage).toBeGreaterThanOrEqual(0);
        expect(summary.lowerBoundUnderCoverage).toBeLessThanOrEqual(summary.underCoverage);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });

  it("reaches the brute-force optimum on tiny instances, and the bound never exceeds it", async () => {
    let compared = 0;
    let staffed = 0;
    await fc.assert(
      fc.asyncProperty(smallInstance(10, 3), async (instance) => {
        const { best, combinations } = bruteForceOptimum(instance);
        fc.pre(combinations <= 20_000);
        compared++;
        if (best[0] < coverageTotals(instance, []).underCoverage) staffed++;
        await expectOptimumAndBounds(instance, best);
      }),
      { numRuns: 300, seed: 7 },
    );
    console.log(`brute force: ${compared} instances compared, ${staffed} where the optimum staffs someone`);
    expect(staffed).toBeGreaterThan(60);
  });

  it("keeps its objective in step with the plans through construction, improvement and perturbation", async () => {
    const model = compileInstance(generateInstance({ agents: 60, queues: 4, seed: 5, intervalMinutes: 30, days: 7, style: "varied" }));
    const search = new ScheduleSearch(model, 3);
    let clock = 0;
    const control = (steps: number) => ({ now: () => clock++, deadline: clock + steps });
    await search.construct(control(1e6));
    expect(search.objective()).toBe(objective(model, search.plans));
    await search.improve(control(400));
    expect(search.objective()).toBe(objective(model, search.plans));
    const before = search.objective();
    await search.perturb(control(3000));
    expect(search.perturbations).toBeGreaterThan(0);
    expect(search.objective()).toBe(objective(model, search.plans));
    expect(search.objective()).toBeLessThanOrEqual(before);
  });

  it("gives the same schedule for the same seed", async () => {
    const instance = generateInstance({ agents: 30, queues: 2, seed: 5, days: 2 });
    const run = () => solveSchedule(instance, { timeLimitSeconds: 2, seed: 9, now: tickingClock() });
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
    expect(checkSchedule(instance, a.shifts)).toEqual([]);
  });

  it("with the bound on its own thread (real clock), keeps every rule and reports a bound the worker proved", async () => {
    const instance = generateInstance({ agents: 30, queues: 2, seed: 5, days: 2 });
    const threaded = await solveSchedule(instance, { timeLimitSeconds: 4, seed: 1 });
    expect(checkSchedule(instance, threaded.shifts)).toEqual([]);
    expect(threaded.summary.seconds).toBeLessThanOrEqual(4);
    // The worker's bound arrived (a weak instance-wide bound would be 0) and is below every schedule's under-coverage.
    expect(threaded.summary.lagrangianBound).toBeGreaterThan(0);
    const inThread = await solveSchedule(instance, { timeLimitSeconds: 2, seed: 9, now: tickingClock() });
    expect(threaded.summary.lagrangianBound!).toBeLessThanOrEqual(Math.min(threaded.summary.underCoverage, inThread.summary.underCoverage));
  }, 20_000);

  it("reports progress and stops when aborted, still returning a valid schedule", async () => {
    const instance = generateInstance({ agents: 40, queues: 3, seed: 2, days: 2 });
    const controller = new AbortController();
    const fractions: number[] = [];
    const { shifts } = await solveSchedule(instance, {
      timeLimitSeconds: 3600,
      seed: 1,
      signal: controller.signal,
      onProgress: (fraction) => {
        fractions.push(fraction);
        if (fractions.length === 3) controller.abort();
      },
    });
    expect(fractions.length).toBeGreaterThanOrEqual(3);
    expect(fractions.every((f) => f >= 0 && f <= 1)).toBe(true);
    expect(checkSchedule(instance, shifts)).toEqual([]);
  });

  it("generates varied weeks that parse, and the baseline keeps every rule on them", () => {
    const options = { agents: 60, queues: 4, seed: 3, intervalMinutes: 30, days: 14, style: "varied" as const };
    const instance = generateInstance(options);
    expect(generateInstance(options)).toEqual(instance);
    expect(parseInstance(JSON.parse(JSON.stringify(instance)))).toEqual(instance);
    expect(instance.intervals).toBe(14 * 48);
    // Single-skill specialists beside agents with at least half the queues; days with two windows.
    expect(instance.agents.some((a) => a.skills.length === 1)).toBe(true);
    expect(instance.agents.some((a) => a.skills.length >= 2)).toBe(true);
    const perDay = (a: (typeof instance.agents)[number], d: number) => a.availability.filter(([x]) => Math.floor(x / 48) === d).length;
    expect(instance.agents.some((a) => perDay(a, 0) === 2 || perDay(a, 1) === 2)).toBe(true);
    const { shifts } = baselineSchedule(instance, { timeLimitSeconds: 1 });
    expect(checkSchedule(instance, shifts)).toEqual([]);
    expect(shifts.length).toBeGreaterThan(0);
  });
});

describe("agents with rules of their own (decision 075)", () => {
  it("keep their own rules and the totals add up on random small instances", async () => {
    await fc.assert(
      fc.asyncProperty(mixedInstance(60, 6), fc.nat(), async (instance, seed) => {
        const { shifts, summary } = await solveSchedule(instance, { timeLimitSeconds: 0.4, seed, now: tickingClock() });
        expect(checkSchedule(instance, shifts)).toEqual([]);
        expect(summary).toMatchObject(coverageTotals(instance, shifts));
        expect(summary.lowerBoundUnderCoverage).toBeLessThanOrEqual(summary.underCoverage);
        expect(checkSchedule(instance, baselineSchedule(instance, { timeLimitSeconds: 0.2, now: tickingClock() }).shifts)).toEqual([]);
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });

  it("reach the brute-force optimum on tiny instances, and neither bound exceeds it", async () => {
    let compared = 0;
    let own = 0;
    await fc.assert(
      fc.asyncProperty(mixedInstance(10, 3), async (instance) => {
        const { best, combinations } = bruteForceOptimum(instance);
        fc.pre(combinations <= 20_000);
        compared++;
        if (instance.agents.some((a) => a.rules)) own++;
        await expectOptimumAndBounds(instance, best);
      }),
      { numRuns: 300, seed: 75 },
    );
    expect(own).toBeGreaterThan(100);
    expect(compared).toBeGreaterThan(150);
  });

  it("give a 4-hour-only agent no longer shift, and a mixed week validates with zero violations", async () => {
    // Every other agent of a generated week works 4-hour shifts only, with a 15-minute break from 4 h and 12 h of rest.
    const week = generateInstance({ agents: 40, queues: 3, seed: 4, days: 3 });
    const students = new Set(week.agents.filter((_, i) => i % 2 === 0).map((a) => a.id));
    const instance: Instance = {
      ...week,
      agents: week.agents.map((a) =>
        students.has(a.id)
          ? {
              ...a,
              rules: {
                shiftLengthsMinutes: [240],
                minRestMinutes: 720,
                breaks: [{ minShiftMinutes: 240, minutes: 15, earliestAfterStartMinutes: 60, latestBeforeEndMinutes: 60 }],
              },
            }
          : a,
      ),
    };
    const { shifts, summary } = await solveSchedule(instance, { timeLimitSeconds: 3, seed: 1, now: tickingClock() });
    expect(checkSchedule(instance, shifts)).toEqual([]);
    const theirs = shifts.filter((s) => students.has(s.agent));
    const others = shifts.filter((s) => !students.has(s.agent));
    expect(theirs.length).toBeGreaterThan(10);
    for (const s of theirs) {
      expect(s.end - s.start).toBe(16);
      expect(s.breaks.map(([a, b]) => b - a)).toEqual([1]);
    }
    expect(others.some((s) => s.end - s.start === 32)).toBe(true);
    expect(summary.lowerBoundUnderCoverage).toBeLessThanOrEqual(summary.underCoverage);
    // The same agents under the instance's rules alone are held to those: the 4-hour agents' shifts break them there.
    expect(checkSchedule(week, theirs).some((v) => v.rule === "breaks")).toBe(true);
    expect(checkSchedule(instance, baselineSchedule(instance, { timeLimitSeconds: 1 }).shifts)).toEqual([]);
  });
});
