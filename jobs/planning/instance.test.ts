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
