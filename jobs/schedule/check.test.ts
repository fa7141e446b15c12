import { describe, expect, it } from "vitest";
import { checkSchedule, coverageTotals } from "./check";
import type { Instance, Shift } from "./instance";

// One day of hourly intervals: shifts of 4 or 6 h; a 6-h shift needs a 1-h break 1 h in and 1 h before the end.
const instance: Instance = {
  start: "2026-12-07T00:00:00Z",
  intervalMinutes: 60,
  intervals: 24,
  queues: [
    { id: "sv-chat", required: Array.from({ length: 24 }, (_, t) => (t >= 8 && t < 20 ? 2 : 0)) },
    { id: "en-chat", required: Array.from({ length: 24 }, (_, t) => (t >= 10 && t < 14 ? 1 : 0)) },
  ],
  rules: {
    shiftLengthsMinutes: [240, 360],
    minRestMinutes: 660,
    breaks: [{ minShiftMinutes: 360, minutes: 60, earliestAfterStartMinutes: 60, latestBeforeEndMinutes: 60 }],
  },
  agents: [
    { id: "a1", skills: ["sv-chat"], minMinutes: 300, maxMinutes: 600, maxShifts: 2, availability: [[6, 24]] },
    {
      id: "a2",
      skills: ["sv-chat", "en-chat"],
      minMinutes: 0,
      maxMinutes: 480,
      maxShifts: 1,
      availability: [
        [0, 12],
        [12, 24],
      ],
    },
    { id: "a3", skills: ["sv-chat"], minMinutes: 0, maxMinutes: 200, maxShifts: 3, availability: [[0, 24]] },
  ],
};

const shift = (agent: string, queue: string, start: number, end: number, breaks: [number, number][] = []): Shift => ({ agent, queue, start, end, breaks });

const rulesOf = (shifts: Shift[]) => checkSchedule(instance, shifts).map((v) => v.rule);

describe("checkSchedule", () => {
  it("accepts a valid schedule and totals it", () => {
    const shifts = [shift("a1", "sv-chat", 8, 14, [[10, 11]]), shift("a2", "en-chat", 8, 12)];
    expect(checkSchedule(instance, shifts)).toEqual([]);
    const totals = coverageTotals(instance, shifts);
    expect(totals).toEqual({ requiredAgentIntervals: 28, coveredAgentIntervals: 7, underCoverage: 21, overCoverage: 2, minMinutesShortfall: 0 });
  });

  it("finds each broken rule", () => {
    expect(rulesOf([shift("a9", "sv-chat", 8, 12)])).toEqual(["agent"]);
    expect(rulesOf([shift("a1", "en-chat", 8, 12)])).toEqual(["skill"]);
    expect(rulesOf([shift("a1", "sv-chat", 20, 25)])).toEqual(["horizon"]);
    expect(rulesOf([shift("a1", "sv-chat", 8, 13)])).toEqual(["length"]);
    expect(rulesOf([shift("a1", "sv-chat", 8, 14)])).toEqual(["breaks"]);
    expect(rulesOf([shift("a1", "sv-chat", 8, 14, [[8, 9]])])).toEqual(["breaks"]);
    expect(rulesOf([shift("a1", "sv-chat", 8, 14, [[12, 14]])])).toEqual(["breaks"]);
    expect(rulesOf([shift("a1", "sv-chat", 8, 12, [[9, 10]])])).toEqual(["breaks"]);
    expect(rulesOf([shift("a1", "sv-chat", 4, 8)])).toEqual(["availability"]);
    expect(rulesOf([shift("a2", "sv-chat", 10, 14)])).toEqual(["availability"]);
    expect(rulesOf([shift("a1", "sv-chat", 8, 12), shift("a1", "sv-chat", 10, 14)])).toEqual(["overlap"]);
    expect(rulesOf([shift("a1", "sv-chat", 8, 12), shift("a1", "sv-chat", 14, 18)])).toEqual(["rest"]);
    expect(rulesOf([shift("a2", "sv-chat", 0, 4), shift("a2", "sv-chat", 15, 19)])).toEqual(["maxShifts"]);
    expect(rulesOf([shift("a3", "sv-chat", 8, 12)])).toEqual(["maxMinutes"]);
  });

  it("explains a violation in a planner's words", () => {
    const [rest] = checkSchedule(instance, [shift("a1", "sv-chat", 6, 10), shift("a1", "sv-chat", 19, 23)]);
    expect(rest.message).toBe("a1: rest between shift ending 2026-12-07T10:00Z and next start 2026-12-07T19:00Z is 9 h, minimum 11 h");
    expect(rest.agent).toBe("a1");
  });

  it("accepts breaks of several rules in any order when some assignment fits", () => {
    const two: Instance = {
      ...instance,
      rules: {
        ...instance.rules,
        breaks: [
          { minShiftMinutes: 360, minutes: 60, earliestAfterStartMinutes: 60, latestBeforeEndMinutes: 60 },
          { minShiftMinutes: 240, minutes: 120, earliestAfterStartMinutes: 0, latestBeforeEndMinutes: 0 },
        ],
      },
    };
    expect(
      checkSchedule(two, [
        shift("a1", "sv-chat", 8, 14, [
          [9, 10],
          [11, 13],
        ]),
      ]),
    ).toEqual([]);
    expect(
      checkSchedule(two, [
        shift("a1", "sv-chat", 8, 14, [
          [9, 11],
          [12, 13],
        ]),
      ]),
    ).toEqual([]);
    expect(
      checkSchedule(two, [
        shift("a1", "sv-chat", 8, 14, [
          [9, 11],
          [10, 11],
        ]),
      ]).map((v) => v.rule),
    ).toEqual(["breaks"]);
  });

  it("holds an agent with rules of its own to them, and the others to the instance's", () => {
    // a1 works 4-hour shifts only, with a 1-hour break from 4 h and 13 h of rest; a2 and a3 keep the instance's rules.
    const mixed: Instance = {
      ...instance,
      agents: instance.agents.map((a) =>
        a.id === "a1"
          ? {
              ...a,
              maxShifts: 3,
              rules: {
                shiftLengthsMinutes: [240],
                minRestMinutes: 780,
                breaks: [{ minShiftMinutes: 240, minutes: 60, earliestAfterStartMinutes: 60, latestBeforeEndMinutes: 60 }],
              },
            }
          : a,
      ),
    };
    const check = (shifts: Shift[]) => checkSchedule(mixed, shifts).map((v) => v.rule);
    expect(check([shift("a1", "sv-chat", 8, 12, [[9, 10]]), shift("a2", "sv-chat", 8, 12)])).toEqual([]);
    // The instance allows 6 h, a1's rules do not; a1's 4-hour shift needs its break, a2's does not.
    expect(check([shift("a1", "sv-chat", 8, 14, [[10, 11]])])).toEqual(["length"]);
    expect(checkSchedule(mixed, [shift("a1", "sv-chat", 8, 14, [[10, 11]])])[0].message).toBe(
      "a1: shift 2026-12-07T08:00Z–2026-12-07T14:00Z lasts 360 min; allowed lengths are 240 min",
    );
    expect(check([shift("a1", "sv-chat", 8, 12)])).toEqual(["breaks"]);
    expect(check([shift("a1", "sv-chat", 8, 12, [[8, 9]])])).toEqual(["breaks"]);
    // 12 h of rest is enough under the instance's 11 h, not under a1's 13 h (two days, a1 available throughout).
    const twoDays: Instance = {
      ...mixed,
      intervals: 48,
      queues: mixed.queues.map((q) => ({ ...q, required: [...q.required, ...q.required] })),
      agents: mixed.agents.map((a) => (a.id === "a1" ? { ...a, availability: [[0, 48]] } : a)),
    };
    const rests = checkSchedule(twoDays, [shift("a1", "sv-chat", 6, 10, [[7, 8]]), shift("a1", "sv-chat", 22, 26, [[23, 24]])]);
    expect(rests.map((v) => v.message)).toEqual(["a1: rest between shift ending 2026-12-07T10:00Z and next start 2026-12-07T22:00Z is 12 h, minimum 13 h"]);
    expect(checkSchedule(twoDays, [shift("a1", "sv-chat", 6, 10, [[7, 8]]), shift("a1", "sv-chat", 23, 27, [[24, 25]])])).toEqual([]);
    expect(checkSchedule(twoDays, [shift("a3", "sv-chat", 2, 6), shift("a3", "sv-chat", 17, 21)]).map((v) => v.rule)).toEqual(["maxMinutes"]);
  });
});
