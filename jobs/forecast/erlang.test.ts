// Staffing maths against published Erlang C values, low and huge traffic, shrinkage and Erlang A limits.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { erlangA, erlangB, erlangC, scheduledAgents, staffing } from "./erlang";

const base = { arrivals: 100, ahtSeconds: 180, intervalMinutes: 30, serviceLevel: 0.8, answerSeconds: 20 };

describe("Erlang C", () => {
  it("matches the published table for 100 calls / 30 min, AHT 180 s, 20 s", () => {
    const expected: [number, number][] = [
      [11, 0.3896],
      [12, 0.6402],
      [13, 0.7956],
      [14, 0.8884],
    ];
    for (const [n, sl] of expected) expect(erlangC(n, 10, 180, 20).serviceLevel).toBeCloseTo(sl, 4);
    const m = erlangC(14, 10, 180, 20);
    expect(m.waitProbability).toBeCloseTo(0.1741, 4);
    expect(m.asaSeconds).toBeCloseTo(7.84, 2);
  });

  it("staffs 80/20 with 30 % shrinkage and an 85 % cap at 14 agents, 20 scheduled", () => {
    const r = staffing({ ...base, maxOccupancy: 0.85, shrinkage: 0.3 });
    expect(r).toMatchObject({ agents: 14, scheduledAgents: 20, model: "erlang-c" });
  });

  it("staffs 25 calls / 10 min at 11 agents, 16 scheduled", () => {
    const r = staffing({ ...base, arrivals: 25, intervalMinutes: 10, shrinkage: 0.3 });
    expect(r).toMatchObject({ agents: 11, scheduledAgents: 16 });
  });

  it("finds the true minimum at low traffic, below a naive start at round(A + 1)", () => {
    // A = 0.5: one agent answers 52.7 % within 20 s; round(1.5) = 2 would miss it.
    expect(erlangC(1, 0.5, 180, 20).serviceLevel).toBeCloseTo(0.527, 3);
    expect(staffing({ ...base, arrivals: 5, serviceLevel: 0.5 }).agents).toBe(1);
    expect(staffing({ ...base, arrivals: 5 }).agents).toBe(2);
    // A = 2.5: three agents answer 33.6 % within 20 s; round(3.5) = 4 would miss it.
    expect(staffing({ ...base, arrivals: 25, serviceLevel: 0.3 }).agents).toBe(3);
    expect(staffing({ ...base, arrivals: 25 }).agents).toBe(5);
  });

  it("needs zero agents for zero arrivals", () => {
    expect(staffing({ ...base, arrivals: 0, shrinkage: 0.3 })).toMatchObject({ agents: 0, scheduledAgents: 0, serviceLevel: 1 });
  });

  it("stays finite and exact at 100,000 arrivals per interval", () => {
    const r = staffing({ ...base, arrivals: 100_000 });
    for (const v of [r.serviceLevel, r.occupancy, r.waitProbability, r.asaSeconds]) expect(Number.isFinite(v)).toBe(true);
    expect(r.agents).toBeGreaterThan(10_000);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlangC(r.agents - 1, 10_000, 180, 20).serviceLevel).toBeLessThan(0.8);
    expect(erlangB(20_000, 10_000)).toBeGreaterThanOrEqual(0);
  });

  it("always returns the smallest staffing meeting both service level and occupancy cap", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 400, noNaN: true }),
        fc.integer({ min: 30, max: 900 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.double({ min: 0.6, max: 1, noNaN: true }),
        (arrivals, aht, sl, cap) => {
          const r = staffing({ ...base, arrivals, ahtSeconds: aht, serviceLevel: sl, maxOccupancy: cap });
          expect(r.serviceLevel).toBeGreaterThanOrEqual(sl - 1e-9);
          expect(r.occupancy).toBeLessThanOrEqual(cap + 1e-9);
          const traffic = (arrivals * aht) / 1800;
          if (r.agents - 1 > traffic) {
            const m = erlangC(r.agents - 1, traffic, aht, 20);
            expect(m.serviceLevel < sl - 1e-9 || m.occupancy > cap + 1e-9).toBe(true);
          }
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe("scheduled agents after shrinkage", () => {
  it("uses exact decimal arithmetic where floating point overshoots a whole number", () => {
    expect(21 / (1 - 0.3)).toBeGreaterThan(30);
    expect(scheduledAgents(21, 0.3)).toBe(30);
    expect(9 / (1 - 0.55)).toBeGreaterThan(20);
    expect(scheduledAgents(9, 0.55)).toBe(20);
    expect(scheduledAgents(1, 0.9)).toBe(10);
    expect(scheduledAgents(67, 0.33)).toBe(100);
    expect(scheduledAgents(14, 0.3)).toBe(20);
    expect(scheduledAgents(11, 0.3)).toBe(16);
    expect(scheduledAgents(7, 0.3)).toBe(10);
    expect(scheduledAgents(10, 0)).toBe(10);
    expect(scheduledAgents(3, 0.25)).toBe(4);
    expect(scheduledAgents(1, 1e-7)).toBe(2);
  });
});

describe("Erlang A", () => {
  it("approaches Erlang C as patience grows", () => {
    const c = erlangC(14, 10, 180, 20);
    const a = erlangA(14, 100 / 1800, 180, 1e9, 20);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 5);
    expect(a.waitProbability).toBeCloseTo(c.waitProbability, 5);
    expect(a.asaSeconds).toBeCloseTo(c.asaSeconds, 3);
    expect(a.abandonProbability).toBeLessThan(1e-6);
  });

  it("matches a simulation of M/M/N+M (abandoned contacts count against service level)", () => {
    // Reference from a 2-million-contact discrete-event simulation: SL 0.9326, answered 0.9771, ASA 2.37 s.
    const a = erlangA(14, 100 / 1800, 180, 120, 20);
    expect(a.serviceLevel).toBeCloseTo(0.9327, 2);
    expect(1 - a.abandonProbability).toBeCloseTo(0.9771, 2);
    expect(a.asaSeconds).toBeCloseTo(2.35, 0);
  });

  it("needs no more agents than Erlang C, may run below the traffic, and stays finite when overloaded", () => {
    const c = staffing({ ...base });
    const a = staffing({ ...base, patienceSeconds: 60 });
    expect(a.model).toBe("erlang-a");
    expect(a.agents).toBeLessThanOrEqual(c.agents);
    const overloaded = erlangA(5, 100 / 1800, 180, 60, 20);
    expect(overloaded.abandonProbability).toBeGreaterThan(0.3);
    const huge = staffing({ ...base, arrivals: 100_000, patienceSeconds: 300 });
    expect(Number.isFinite(huge.asaSeconds)).toBe(true);
    expect(huge.serviceLevel).toBeGreaterThanOrEqual(0.8);
  });

  it("with zero answer time counts only contacts answered on arrival", () => {
    const a = erlangA(14, 100 / 1800, 180, 120, 0);
    expect(a.serviceLevel).toBeCloseTo(1 - a.waitProbability, 10);
  });
});

describe("chat concurrency", () => {
  it("gives each agent N servers", () => {
    const one = staffing({ ...base });
    const three = staffing({ ...base, concurrency: 3 });
    expect(three.servers).toBe(three.agents * 3);
    expect(three.agents).toBe(Math.ceil(one.agents / 3));
  });
});
