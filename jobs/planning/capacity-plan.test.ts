// The capacity plan's pure maths: pass-through, pipeline starts, and pipeline supply in the built plan.
import { describe, expect, it } from "vitest";
import { parsePlan } from "../capacity";
import {
  buildPlan,
  CAPACITY_BANDS,
  longestShiftWorkHours,
  measureBandHours,
  measureScheduledShare,
  passThrough,
  pipelineStarts,
  slotHoursInBand,
} from "./capacity-plan";

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

  it("availability inside a band: the bands cover the whole week, so evenings 17–23 give 6 hours of the evening band", () => {
    expect(slotHoursInBand([{ day: 0, from: "17:00", to: "23:00" }], CAPACITY_BANDS[1])).toBe(6);
    expect(slotHoursInBand([{ day: 0, from: "07:00", to: "18:00" }], CAPACITY_BANDS[0])).toBe(10);
    expect(slotHoursInBand([{ day: 5, from: "17:00", to: "23:00" }], CAPACITY_BANDS[1])).toBe(0);
    expect(slotHoursInBand([{ day: 5, from: "20:00", to: "24:00" }], CAPACITY_BANDS[2])).toBe(4);
    // Every hour of every day falls in exactly one band.
    for (let day = 0; day < 7; day++) expect(CAPACITY_BANDS.reduce((s, b) => s + slotHoursInBand([{ day, from: "00:00", to: "24:00" }], b), 0)).toBe(24);
  });

  it("a band counts at most one longest shift's working time a day: 8 h less its 30 min break", () => {
    const rules = { shiftMaxMinutes: 480, breaks: [{ fromShiftMinutes: 360, minutes: 30 }] };
    expect(longestShiftWorkHours(rules)).toBe(7.5);
    expect(longestShiftWorkHours({ shiftMaxMinutes: 300, breaks: rules.breaks })).toBe(5);
    // Saturday and Sunday 10–20 (10 h each) → 7.5 + 7.5; two slots on one day add up before the cap.
    const weekend = [
      { day: 5, from: "10:00", to: "20:00" },
      { day: 6, from: "10:00", to: "14:00" },
      { day: 6, from: "16:00", to: "21:00" },
    ];
    expect(slotHoursInBand(weekend, CAPACITY_BANDS[2], 7.5)).toBe(15);
    expect(measureBandHours([{ availability: weekend, weeklyMaxHours: 12 }], CAPACITY_BANDS, 7.5)).toEqual({
      "weekday-day": 0,
      "weekday-evening": 0,
      weekend: 12,
    });
  });

  it("scheduled share: hours of each cohort's shifts where required, over its roster's contract hours", () => {
    // One queue, 4 intervals of 15 min; required 2, 2, 1, 0. Ana (student, 10 h contract) works intervals 0–3,
    // Ben (student, 10 h) works 0–1, Cai (rural, 30 h) has no shift.
    // Interval 0 and 1: 2 staffed, 2 required → all useful; interval 2: 1 staffed, 1 required; interval 3: 1 staffed, 0 required.
    const share = measureScheduledShare([
      {
        required: { "fi-chat": [2, 2, 1, 0] },
        intervalMinutes: 15,
        roster: [
          { id: "ana", cohort: "student", contractHours: 10 },
          { id: "ben", cohort: "student", contractHours: 10 },
          { id: "cai", cohort: "rural", contractHours: 30 },
        ],
        shifts: [
          { agentId: "ana", queue: "fi-chat", intervals: [0, 1, 2, 3] },
          { agentId: "ben", queue: "fi-chat", intervals: [0, 1] },
        ],
      },
      {
        // A second week: interval 0 staffed 2 of 1 required → each of the two counts half.
        required: { "fi-chat": [1] },
        intervalMinutes: 15,
        roster: [
          { id: "ana", cohort: "student", contractHours: 5 },
          { id: "ben", cohort: "student", contractHours: 10 },
        ],
        shifts: [
          { agentId: "ana", queue: "fi-chat", intervals: [0] },
          { agentId: "ben", queue: "fi-chat", intervals: [0] },
        ],
      },
    ]);
    const student = share.get("student")!;
    expect(student.weeks).toBe(2);
    expect(student.agentWeeks).toBe(4);
    expect(student.contractHours).toBe(35);
    expect(student.scheduledHours).toBeCloseTo((6 + 2) * 0.25);
    expect(student.usefulHours).toBeCloseTo((5 + 1) * 0.25);
    expect(student.share).toBeCloseTo(1.5 / 35);
    expect(share.get("rural")).toMatchObject({ agentWeeks: 1, contractHours: 30, scheduledHours: 0, usefulHours: 0, share: 0 });
  });
});
