// The capacity engine: head-count and cost arithmetic by hand, the cohort mix, optimality against brute force, and the example plan.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../input-error";
import { checkCapacity, recomputeCost } from "./check";
import { generatePlan } from "./generate";
import { parsePlan, type Hire, type Plan } from "./model";
import { planFor, profilesOf, solveCapacity } from "./solve";
import { spreadsheetHires } from "./spreadsheet";
import { solveCapacityOnWorker } from "./threaded";

/** ../shared/data as seen from the repository root (the main checkout or a worktree below it). */
function sharedData(name: string): string | undefined {
  for (let dir = resolve("."); ; dir = dirname(dir)) {
    const path = join(dir, "..", "shared", "data", name);
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) return undefined;
  }
}

const oneBand = (over: Partial<Plan> = {}): Plan => ({
  start: "2027-01-04",
  weeks: 2,
  bands: ["all"],
  queues: [{ id: "sv-chat", required: [[25], [25]] }],
  cohorts: [{ id: "c", hoursPerWeek: 10, bandHours: { all: 10 }, attritionPerWeek: 0.1, leadWeeks: 0, ramp: [0.5], costPerHour: 10, hireCost: 100 }],
  agents: [{ cohort: "c", skills: ["sv-chat"], count: 2 }],
  hireable: [{ cohort: "c", skills: ["sv-chat"], maxPerWeek: 1 }],
  shortfallCostPerHour: 30,
  ...over,
});

describe("capacity: the contract's arithmetic", () => {
  it("solves a hand-computed two-week plan", async () => {
    // Existing: 2 agents → 20 h in week 0, 1.8 agents → 18 h in week 1; 5 h + 7 h short = 12 h × 30 = 360.
    // One hire in week 0 (lead 0): worth 0.5 × 10 = 5 h in week 0, 0.9 × 10 = 9 h in week 1 → no shortfall;
    // it costs 100 + 10 × (1 × 10 + 0.9 × 10) = 290. A hire in week 1 instead: 200 + (5 + 2) × 30 = 410. Both: 490.
    const plan = oneBand();
    const r = await solveCapacity(plan, { timeLimitSeconds: 10 });
    expect(r.hires).toEqual([{ cohort: "c", skills: ["sv-chat"], week: 0, startWeek: 0, count: 1 }]);
    expect(r.summary).toMatchObject({ hires: 1, hireCost: 100, labourCost: 190, shortfallHours: 0, shortfallCost: 0, totalCost: 290, status: "optimal" });
    expect(r.summary.lowerBoundCost).toBeCloseTo(290, 4);
    expect(r.weeks.map((w) => w.headcount.c)).toEqual([3, 2.7]);
    expect(r.weeks[1].queues[0]).toEqual({ id: "sv-chat", required: [25], covered: [25], short: [0] });
    const none = await planFor(plan, []);
    expect(none.summary).toMatchObject({ totalCost: 360, shortfallHours: 12 });
    expect((await checkCapacity(plan, r)).problems).toEqual([]);
  });

  it("hires nobody when the people on hand cover every week", async () => {
    const plan = oneBand({ queues: [{ id: "sv-chat", required: [[15], [12]] }] });
    const r = await solveCapacity(plan, { timeLimitSeconds: 10 });
    expect(r.hires).toEqual([]);
    expect(r.summary).toMatchObject({ hires: 0, totalCost: 0, lowerBoundCost: 0 });
  });

  it("hires students, not rural residents, when only evenings are short", async () => {
    const plan = generatePlan({ queues: 1, weeks: 16, seed: 4, groups: 0, profiles: 0 });
    plan.queues[0].required = plan.queues[0].required.map(() => [300, 240, 150]);
    // Days: 10 rural residents give 375 h for 300 needed; weekends: 25 loyal customers who work only
    // weekends give 200 h for 150. Both keep a margin over 16 weeks of attrition; evenings have nobody.
    plan.agents = [
      { cohort: "rural", skills: [plan.queues[0].id], count: 10 },
      { cohort: "loyal", skills: [plan.queues[0].id], count: 25 },
    ];
    plan.cohorts[2].bandHours = { weekend: 8 };
    plan.cohorts[2].hoursPerWeek = 8;
    plan.hireable = [
      { cohort: "student", skills: [plan.queues[0].id] },
      { cohort: "rural", skills: [plan.queues[0].id] },
    ];
    const r = await solveCapacity(plan, { timeLimitSeconds: 20 });
    expect(r.hires.length).toBeGreaterThan(0);
    expect(new Set(r.hires.map((h) => h.cohort))).toEqual(new Set(["student"]));
    expect((await checkCapacity(plan, r)).problems).toEqual([]);
  });
});

describe("capacity: engine options beyond the contract", () => {
  it("a hiring freeze over weeks 3–6 decides no hire in 3–6 and costs at least the unfrozen optimum", async () => {
    const plan = generatePlan({ queues: 2, weeks: 12, seed: 3, groups: 3, profiles: 3 });
    const free = await solveCapacity(plan, { timeLimitSeconds: 20 });
    expect(free.summary.status).toBe("optimal");
    // The unfrozen optimum hires in the freeze's weeks, so the freeze has something to change.
    expect(free.hires.some((h) => h.week >= 3 && h.week <= 6)).toBe(true);
    const freezes = [{ fromWeek: 3, toWeek: 6 }];
    const frozen = await solveCapacity(plan, { timeLimitSeconds: 20, hiringFreezes: freezes });
    expect(frozen.hires.length).toBeGreaterThan(0);
    expect(frozen.hires.filter((h) => h.week >= 3 && h.week <= 6)).toEqual([]);
    expect(frozen.summary.totalCost).toBeGreaterThanOrEqual(free.summary.totalCost - 1e-6);
    expect(frozen.summary.lowerBoundCost).toBeLessThanOrEqual(frozen.summary.totalCost);
    // The frozen plan's figures are still the contract's (a freeze only removes choices).
    expect((await checkCapacity(plan, frozen)).problems).toEqual([]);
    // A freeze of one cohort leaves the others free; a hire inside a freeze is not a decision of the plan.
    const studentsOnly = await solveCapacity(plan, { timeLimitSeconds: 20, hiringFreezes: [{ fromWeek: 3, toWeek: 6, cohort: "student" }] });
    expect(studentsOnly.hires.filter((h) => h.cohort === "student" && h.week >= 3 && h.week <= 6)).toEqual([]);
    const inside = { ...free.hires.find((h) => h.week >= 3 && h.week <= 6)! };
    await expect(planFor(plan, [inside], { hiringFreezes: freezes })).rejects.toThrow(/not a decision of the plan/);
  });

  it("reports covered hours per cohort that add up to each queue's covered hours, per band and week", async () => {
    const plan = generatePlan({ queues: 3, weeks: 10, seed: 2, groups: 6, profiles: 4 });
    const r = await solveCapacity(plan, { timeLimitSeconds: 20, byCohort: true });
    let cohortsSeen = 0;
    for (const week of r.weeks)
      for (const q of week.queues) {
        const by = q.coveredBy!;
        expect(by).toBeDefined();
        cohortsSeen = Math.max(cohortsSeen, Object.keys(by).length);
        for (const id of Object.keys(by)) expect(plan.cohorts.some((c) => c.id === id)).toBe(true);
        q.covered.forEach((covered, b) => {
          const sum = Object.values(by).reduce((s, row) => s + row[b], 0);
          expect(Math.abs(sum - covered)).toBeLessThan(1e-3 * Math.max(1, Object.keys(by).length));
        });
      }
    expect(cohortsSeen).toBeGreaterThan(1);
    // Off by default: the contract's output has no such field.
    const plain = await planFor(plan, r.hires);
    expect(plain.weeks[0].queues[0]).not.toHaveProperty("coveredBy");
    expect(plain.summary.totalCost).toBeCloseTo(r.summary.totalCost, 2);
  });
});

describe("capacity: on a worker thread", () => {
  it("gives the same plan as in-process while the caller's event loop keeps turning", async () => {
    const plan = generatePlan({ queues: 2, weeks: 12, seed: 3, groups: 3, profiles: 3 });
    const options = { timeLimitSeconds: 20, hiringFreezes: [{ fromWeek: 3, toWeek: 6 }], byCohort: true };
    let turns = 0;
    const timer = setInterval(() => turns++, 5);
    const threaded = await solveCapacityOnWorker(plan, options).finally(() => clearInterval(timer));
    const inline = await solveCapacity(plan, options);
    expect(turns).toBeGreaterThan(0);
    expect(threaded.hires).toEqual(inline.hires);
    expect(threaded.summary.totalCost).toBeCloseTo(inline.summary.totalCost, 2);
    expect(threaded.weeks[4].queues[0].coveredBy).toEqual(inline.weeks[4].queues[0].coveredBy);
    await expect(solveCapacityOnWorker({ ...plan, cohorts: [] })).rejects.toThrow();
  });
});

describe("capacity: optimal against brute force", () => {
  it("matches exhaustive search over hires on random small plans", async () => {
    const planArb = fc.record({
      weeks: fc.integer({ min: 2, max: 3 }),
      bands: fc.integer({ min: 1, max: 2 }),
      queues: fc.integer({ min: 1, max: 2 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
    });
    await fc.assert(
      fc.asyncProperty(planArb, async (p) => {
        const plan = smallPlan(p);
        const r = await solveCapacity(plan, { timeLimitSeconds: 10 });
        const best = await bruteForce(plan);
        const check = await recomputeCost(plan, r.hires);
        expect(check.problems).toEqual([]);
        expect(check.totalCost).toBeLessThanOrEqual(best + 1e-6 * Math.max(1, best) + 0.01);
        expect(r.summary.totalCost).toBeCloseTo(best, 1);
        expect(r.summary.lowerBoundCost).toBeLessThanOrEqual(best + 1e-6 * best + 0.01);
      }),
      { numRuns: 12, seed: 7 },
    );
  }, 120_000);
});

/** A tiny random plan whose hire space is small enough to enumerate. */
function smallPlan(p: { weeks: number; bands: number; queues: number; seed: number }): Plan {
  let s = p.seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const bands = ["day", "evening"].slice(0, p.bands);
  const queues = ["a", "b"].slice(0, p.queues).map((id) => ({ id, required: Array.from({ length: p.weeks }, () => bands.map(() => Math.round(rnd() * 40))) }));
  const cohorts = ["x", "y"].map((id) => ({
    id,
    hoursPerWeek: 10 + Math.round(rnd() * 20),
    bandHours: Object.fromEntries(bands.map((b) => [b, Math.round(rnd() * 20)])),
    attritionPerWeek: Math.round(rnd() * 20) / 100,
    leadWeeks: Math.floor(rnd() * 2),
    ramp: rnd() < 0.5 ? [0.5] : [],
    costPerHour: 5 + Math.round(rnd() * 20),
    hireCost: Math.round(rnd() * 200),
  }));
  return {
    start: "2027-01-04",
    weeks: p.weeks,
    bands,
    queues,
    cohorts,
    agents: [{ cohort: "x", skills: [queues[0].id], count: Math.round(rnd() * 2) }],
    hireable: [
      { cohort: "x", skills: queues.map((q) => q.id), maxPerWeek: 2 },
      { cohort: "y", skills: [queues[queues.length - 1].id], maxPerWeek: 1 },
    ],
    shortfallCostPerHour: 20 + Math.round(rnd() * 60),
  };
}

/** Least cost over every combination of hires (profile × decision week × 0..maxPerWeek), each costed by the checker. */
async function bruteForce(plan: Plan): Promise<number> {
  const slots: { cohort: string; skills: string[]; week: number; lead: number; max: number }[] = [];
  for (const h of profilesOf(plan)) {
    const c = plan.cohorts.find((x) => x.id === h.cohort)!;
    for (let d = 0; d + c.leadWeeks < plan.weeks; d++) slots.push({ cohort: h.cohort, skills: h.skills, week: d, lead: c.leadWeeks, max: h.maxPerWeek ?? 3 });
  }
  let best = Infinity;
  const counts = new Array<number>(slots.length).fill(0);
  const visit = async (i: number): Promise<void> => {
    if (i === slots.length) {
      const hires: Hire[] = slots.flatMap((s, k) =>
        counts[k] > 0 ? [{ cohort: s.cohort, skills: s.skills, week: s.week, startWeek: s.week + s.lead, count: counts[k] }] : [],
      );
      best = Math.min(best, (await recomputeCost(plan, hires)).totalCost);
      return;
    }
    for (let n = 0; n <= slots[i].max; n++) {
      counts[i] = n;
      await visit(i + 1);
    }
    counts[i] = 0;
  };
  await visit(0);
  return best;
}

describe("capacity: the published example plan", () => {
  const path = sharedData("capacity-example.json");
  it.skipIf(!path)(
    "reproduces its proven optimum of 1,270,032.6 with 87 hires, and beats the spreadsheet",
    async () => {
      const plan = parsePlan(JSON.parse(readFileSync(path!, "utf8")));
      const r = await solveCapacity(plan, { timeLimitSeconds: 60 });
      expect(r.summary.status).toBe("optimal");
      expect(Math.abs(r.summary.totalCost - 1_270_032.6)).toBeLessThan(1_270_032.6 * 1e-5);
      expect(r.summary.hires).toBe(87);
      expect((await checkCapacity(plan, r)).problems).toEqual([]);
      const sheet = await planFor(plan, spreadsheetHires(plan));
      expect(sheet.summary.totalCost).toBeGreaterThan(1.3 * r.summary.totalCost);
      expect((await checkCapacity(plan, sheet)).problems).toEqual([]);
    },
    120_000,
  );
});

describe("capacity: bad input names the field", () => {
  const base = () => JSON.parse(JSON.stringify(oneBand())) as Record<string, any>;
  const cases: [string, (p: Record<string, any>) => void, RegExp][] = [
    ["a required row of the wrong length", (p) => (p.queues[0].required[1] = [1, 2]), /^queues\[0\]\.required\[1\]: expected 1 numbers, got 2$/],
    ["too few required rows", (p) => p.queues[0].required.pop(), /^queues\[0\]\.required: expected 2 rows/],
    ["an unknown cohort", (p) => (p.hireable[0].cohort = "nobody"), /^hireable\[0\]\.cohort: unknown cohort "nobody"/],
    ["an unknown band", (p) => (p.cohorts[0].bandHours.night = 3), /^cohorts\[0\]\.bandHours\.night: unknown band "night"/],
    ["an unknown skill", (p) => (p.agents[0].skills = ["xx-chat"]), /^agents\[0\]\.skills\[0\]: unknown skill "xx-chat"/],
    ["a negative count", (p) => (p.agents[0].count = -1), /^agents\[0\]\.count: /],
    ["attrition of 1", (p) => (p.cohorts[0].attritionPerWeek = 1), /^cohorts\[0\]\.attritionPerWeek: attrition must be below 1/],
    ["a ramp value of 0", (p) => (p.cohorts[0].ramp = [0]), /^cohorts\[0\]\.ramp\[0\]: ramp values must be in \(0, 1\]/],
    ["a ramp value above 1", (p) => (p.cohorts[0].ramp = [1.5]), /^cohorts\[0\]\.ramp\[0\]: ramp values must be in \(0, 1\]/],
    ["a negative required figure", (p) => (p.queues[0].required[0][0] = -3), /^queues\[0\]\.required\[0\]\[0\]: /],
    ["hoursPerWeek of the wrong length", (p) => (p.cohorts[0].hoursPerWeek = [1, 2, 3]), /^cohorts\[0\]\.hoursPerWeek: expected a number or 2 numbers, got 3$/],
  ];
  for (const [name, mutate, message] of cases) {
    it(name, () => {
      const p = base();
      mutate(p);
      expect(() => parsePlan(p)).toThrow(InputError);
      expect(() => parsePlan(p)).toThrow(message);
    });
  }
});
