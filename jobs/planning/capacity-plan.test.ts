// The capacity plan's pure maths: pass-through, pipeline starts, and pipeline supply in the built plan.
import { describe, expect, it } from "vitest";
import { parsePlan } from "../capacity";
import { buildPlan, passThrough, pipelineStarts, slotHoursInBand, CAPACITY_BANDS } from "./capacity-plan";

describe("capacity plan maths", () => {
  it("pass-through to hire per stage counts decided applications only", () => {
    const rates = passThrough([
      { stagesEntered: ["applied", "interview", "hired"], outcome: "hired" },
      { stagesEntered: ["applied", "interview", "rejected"], outcome: "closed" },
      { stagesEntered: ["applied", "rejected"], outcome: "closed" },
      { stagesEntered: ["applied", "interview"], outcome: "open" },
    ]);
    expect(rates.get("applied")).toBeCloseTo(1 / 3);
    expect(rates.get("interview")).toBeCloseTo(1 / 2);
  });

  it("open applications become expected starts in the week after the remaining time to hire plus training", () => {
    const starts = pipelineStarts(
      [
        { cohort: "student", queues: ["fi-chat"], stageId: "interview", enteredAt: new Date("2031-01-06T00:00:00Z") },
        { cohort: "student", queues: ["fi-chat", "en-chat"], stageId: "interview", enteredAt: new Date("2031-01-06T00:00:00Z") },
      ],
      new Map([["interview", 0.5]]),
      new Map([["interview", 10]]),
      { student: 1 },
      "2031-01-06",
      26,
    );
    // Hired 10 days later (week 1), working a training week after: week 2; the two-queue applicant is shared.
    expect(starts).toEqual([
      { cohort: "student", queue: "en-chat", week: 2, expected: 0.25 },
      { cohort: "student", queue: "fi-chat", week: 2, expected: 0.75 },
    ]);
  });

  it("pipeline starts are cohorts that work from their start week, their count scaled so attrition counts from the start", () => {
    const plan = buildPlan({
      start: "2031-01-06",
      weeks: 4,
      queues: [
        {
          id: "fi-chat",
          required: [
            [10, 10, 10],
            [10, 10, 10],
            [10, 10, 10],
            [10, 10, 10],
          ],
        },
      ],
      cohorts: [
        {
          id: "student",
          hoursPerWeek: 20,
          bandHours: { "weekday-evening": 15, weekend: 10 },
          attritionPerWeek: 0.1,
          leadWeeks: 2,
          ramp: [0.5],
          costPerHour: 16,
          hireCost: 900,
        },
      ],
      agents: [{ cohort: "student", skills: ["fi-chat"], count: 3 }],
      pipeline: [{ cohort: "student", queue: "fi-chat", week: 2, expected: 0.81 }],
      maxHiresPerWeek: 4,
      shortfallCostPerHour: 120,
      assumptions: { attritionFactor: 2 },
    });
    expect(() => parsePlan(plan)).not.toThrow();
    expect(plan.cohorts[0].attritionPerWeek).toBeCloseTo(0.2);
    const pipeline = plan.cohorts.find((c) => c.id === "student@pipeline-w2")!;
    expect(pipeline.hoursPerWeek).toEqual([0, 0, 20, 20]);
    // 0.81 expected in week 2 at 20 % attrition a week: 0.81 / 0.8² now, so 0.81 remain at the start.
    expect(plan.agents.find((a) => a.cohort === "student@pipeline-w2")!.count).toBeCloseTo(0.81 / 0.64);
    expect(plan.hireable).toEqual([{ cohort: "student", skills: ["fi-chat"], maxPerWeek: 4 }]);
  });

  it("availability inside a band: evenings 17–23 give 5 hours of the 17–22 band", () => {
    expect(slotHoursInBand([{ day: 0, from: "17:00", to: "23:00" }], CAPACITY_BANDS[1])).toBe(5);
    expect(slotHoursInBand([{ day: 5, from: "17:00", to: "23:00" }], CAPACITY_BANDS[1])).toBe(0);
    expect(slotHoursInBand([{ day: 5, from: "20:00", to: "24:00" }], CAPACITY_BANDS[2])).toBe(2);
  });
});
