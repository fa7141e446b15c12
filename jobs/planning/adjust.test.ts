import { describe, expect, it } from "vitest";
import { applyAdjustments, staffingDemand, type AdjustmentRule, type BaseInterval } from "./adjust";

const base: BaseInterval = {
  intervalStart: new Date("2026-12-07T10:00:00Z"),
  offered: 100,
  aiResolved: 50,
  human: 50,
  humanP10: 40,
  humanP90: 62,
  ahtSeconds: 400,
};
const rule = (over: Partial<AdjustmentRule>): AdjustmentRule => ({
  id: "r",
  from: new Date("2026-12-07T00:00:00Z"),
  to: new Date("2026-12-14T00:00:00Z"),
  containment: null,
  volumeFactor: null,
  ahtSeconds: null,
  createdAt: new Date("2026-12-01T00:00:00Z"),
  ...over,
});

describe("applyAdjustments", () => {
  it("leaves intervals outside every rule untouched", () => {
    const out = applyAdjustments(base, [rule({ from: new Date("2026-12-08T00:00:00Z"), containment: 0.9 })]);
    expect(out).toEqual({ ...base, adjustedBy: [] });
  });

  it("raising containment lowers human demand and scales the band with it", () => {
    const out = applyAdjustments(base, [rule({ containment: 0.7 })]);
    expect(out.aiResolved).toBeCloseTo(70);
    expect(out.human).toBeCloseTo(30);
    expect(out.humanP10).toBeCloseTo(24);
    expect(out.humanP90).toBeCloseTo(37.2);
    expect(out.offered + 0).toBe(100);
  });

  it("combines a volume factor with the forecast containment, newest rule winning per field", () => {
    const older = rule({ id: "old", volumeFactor: 2, ahtSeconds: 500, createdAt: new Date("2026-12-01T00:00:00Z") });
    const newer = rule({ id: "new", volumeFactor: 1.5, createdAt: new Date("2026-12-02T00:00:00Z") });
    const out = applyAdjustments(base, [newer, older]);
    expect(out.offered).toBeCloseTo(150);
    expect(out.human).toBeCloseTo(75);
    expect(out.ahtSeconds).toBe(500);
    expect(out.adjustedBy).toEqual(["old", "new"]);
  });
});

describe("staffingDemand", () => {
  it("staffs the mean at p50 and the band's top at p90", () => {
    expect(staffingDemand(base, 0.5)).toBe(50);
    expect(staffingDemand(base, 0.9)).toBe(62);
    expect(staffingDemand(base, 0.7)).toBeCloseTo(56);
  });
});
