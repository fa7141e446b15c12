import { describe, expect, it } from "vitest";
import { buildWeekInstance, type PlanningAgent } from "./instance";

const student: PlanningAgent = {
  id: "aino",
  cohort: "student",
  timeZone: "Europe/Helsinki",
  skills: ["fi-chat", "xx-gone"],
  weeklyMinMinutes: 600,
  weeklyMaxMinutes: 1200,
  maxShiftsPerWeek: 5,
  availability: [{ day: 0, from: "17:00", to: "21:00" }],
  capPeriods: [],
  timeOff: [],
};
const weekStart = new Date("2026-12-06T23:00:00Z"); // Monday 00:00 in Stockholm

describe("buildWeekInstance", () => {
  it("converts availability from the agent's zone to intervals of the week and drops unknown skills", () => {
    const instance = buildWeekInstance({ weekStart, intervalMinutes: 15, queues: [{ key: "fi-chat", required: new Array(672).fill(1) }], agents: [student] });
    expect(instance.intervals).toBe(672);
    const agent = instance.agents[0];
    expect(agent.skills).toEqual(["fi-chat"]);
    // Monday 17:00 Helsinki = 15:00 UTC = 16 h after the week's start at 23:00 UTC Sunday.
    expect(agent.availability).toEqual([[64, 80]]);
  });

  it("blocks approved time off and applies a lower cap for an exam period", () => {
    const instance = buildWeekInstance({
      weekStart,
      intervalMinutes: 15,
      queues: [{ key: "fi-chat", required: new Array(672).fill(1) }],
      agents: [
        {
          ...student,
          availability: [0, 1].map((day) => ({ day, from: "17:00", to: "21:00" })),
          capPeriods: [{ from: "2026-12-08", to: "2026-12-12", maxMinutes: 480 }],
          timeOff: [{ start: new Date("2026-12-07T15:00:00Z"), end: new Date("2026-12-07T19:00:00Z") }],
        },
      ],
    });
    const agent = instance.agents[0];
    expect(agent.availability).toEqual([[160, 176]]);
    expect(agent.maxMinutes).toBe(480);
    expect(agent.minMinutes).toBe(480);
  });
});

describe("buildWeekInstance with labour rules", () => {
  it("gives the engine the rule set's lengths, rest and breaks, and the lower of the contract type's and the agent's shifts a week", async () => {
    const { DEFAULT_LABOUR_RULES } = await import("./labour-rules");
    const rules = {
      ...DEFAULT_LABOUR_RULES,
      shiftMinMinutes: 300,
      shiftStepMinutes: 90,
      minRestMinutes: 720,
      byContract: { student: { maxShiftsPerWeek: 3 } },
    };
    const queues = [{ key: "fi-chat", required: new Array(672).fill(1) }];
    const instance = buildWeekInstance({ weekStart, intervalMinutes: 15, queues, agents: [student, { ...student, id: "rural", cohort: "rural" }], rules });
    expect(instance.rules).toEqual({
      shiftLengthsMinutes: [300, 390, 480],
      minRestMinutes: 720,
      breaks: [{ minShiftMinutes: 360, minutes: 30, earliestAfterStartMinutes: 120, latestBeforeEndMinutes: 120 }],
    });
    expect(instance.agents.map((a) => a.maxShifts)).toEqual([3, 5]);
    // Without a rule set: version 1, the rules that were constants before.
    expect(buildWeekInstance({ weekStart, intervalMinutes: 15, queues, agents: [student] }).rules.shiftLengthsMinutes).toEqual([240, 360, 480]);
  });

  it("gives agents of a contract type with its own lengths, rest and breaks those rules, and leaves the others on the week's", async () => {
    const { DEFAULT_LABOUR_RULES } = await import("./labour-rules");
    const own = {
      shiftMinMinutes: 180,
      shiftMaxMinutes: 300,
      shiftStepMinutes: 60,
      minRestMinutes: 720,
      breaks: [{ fromShiftMinutes: 240, minutes: 15, earliestAfterStartMinutes: 60, latestBeforeEndMinutes: 60 }],
    };
    const rules = { ...DEFAULT_LABOUR_RULES, byContract: { student: { shifts: own } } };
    const queues = [{ key: "fi-chat", required: new Array(672).fill(1) }];
    const instance = buildWeekInstance({ weekStart, intervalMinutes: 15, queues, agents: [student, { ...student, id: "rural", cohort: "rural" }], rules });
    expect(instance.agents[0].rules).toEqual({
      shiftLengthsMinutes: [180, 240, 300],
      minRestMinutes: 720,
      breaks: [{ minShiftMinutes: 240, minutes: 15, earliestAfterStartMinutes: 60, latestBeforeEndMinutes: 60 }],
    });
    expect("rules" in instance.agents[1]).toBe(false);
    expect(instance.rules.shiftLengthsMinutes).toEqual([240, 360, 480]);
  });
});
