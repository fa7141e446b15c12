import { describe, expect, it } from "vitest";
import { InstanceError, parseInstance, type Instance } from "./instance";
import { generateInstance } from "./generate";

const base = (): Instance => generateInstance({ agents: 6, queues: 2, seed: 3, days: 1 });

function reason(mutate: (raw: any) => void): string {
  const raw: any = structuredClone(base());
  mutate(raw);
  try {
    parseInstance(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InstanceError);
    return (error as Error).message;
  }
  throw new Error("expected the instance to be rejected");
}

describe("parseInstance", () => {
  it("accepts a generated instance", () => {
    expect(parseInstance(structuredClone(base())).agents).toHaveLength(6);
  });

  it("names the field of each kind of bad input", () => {
    expect(reason((i) => (i.agents[3].skills = ["sv-chat", "xx-chat"]))).toBe('agents[3].skills[1]: "xx-chat" is not a queue');
    expect(reason((i) => i.queues[1].required.pop())).toBe("queues[1].required: has 95 values, expected intervals = 96");
    expect(reason((i) => (i.agents[2].maxMinutes = -5))).toBe("agents[2].maxMinutes: -5 is below 0");
    expect(reason((i) => (i.queues[0].required[4] = -1))).toBe("queues[0].required[4]: -1 is below 0");
    expect(reason((i) => i.rules.shiftLengthsMinutes.push(250))).toBe("rules.shiftLengthsMinutes[3]: 250 is not a whole number of 15-minute intervals");
    expect(reason((i) => (i.rules.breaks[0].minutes = 20))).toBe("rules.breaks[0].minutes: 20 is not a whole number of 15-minute intervals");
    expect(reason((i) => delete i.agents[1].availability)).toBe("agents[1].availability: is missing");
    expect(reason((i) => (i.intervals = "96"))).toBe('intervals: "96" is not a number');
    expect(reason((i) => (i.agents[0].availability = [[10, 200]]))).toBe("agents[0].availability[0][1]: 200 is beyond the horizon (intervals = 96)");
    expect(reason((i) => (i.agents[0].availability = [[10, 5]]))).toBe("agents[0].availability[0]: start 10 is after end 5");
    expect(reason((i) => (i.agents[1].id = i.agents[0].id))).toBe('agents[1].id: "a1" appears twice');
    expect(reason((i) => (i.start = "next monday"))).toBe('start: "next monday" is not an ISO 8601 date-time');
    expect(reason((i) => (i.agents[0].maxShifts = 1.5))).toMatch(/^agents\[0\]\.maxShifts: /);
  });

  it("reads an agent's own rules, names their bad fields, and leaves agents without them as they were", () => {
    const raw: any = structuredClone(base());
    raw.agents[1].rules = { shiftLengthsMinutes: [240], breaks: [] };
    const parsed = parseInstance(raw);
    expect(parsed.agents[1].rules).toEqual({ shiftLengthsMinutes: [240], breaks: [] });
    expect("rules" in parsed.agents[0]).toBe(false);
    expect(parseInstance(structuredClone(base()))).toEqual(base());
    expect(reason((i) => (i.agents[2].rules = { shiftLengthsMinutes: [240, 250] }))).toBe(
      "agents[2].rules.shiftLengthsMinutes[1]: 250 is not a whole number of 15-minute intervals",
    );
    expect(
      reason((i) => (i.agents[2].rules = { breaks: [{ minShiftMinutes: 0, minutes: 10, earliestAfterStartMinutes: 0, latestBeforeEndMinutes: 0 }] })),
    ).toBe("agents[2].rules.breaks[0].minutes: 10 is not a whole number of 15-minute intervals");
    expect(reason((i) => (i.agents[2].rules = { shiftLengthsMinutes: [] }))).toBe("agents[2].rules.shiftLengthsMinutes: must have at least 1 item(s)");
    expect(reason((i) => (i.agents[2].rules = { minRestMinutes: -60 }))).toBe("agents[2].rules.minRestMinutes: -60 is below 0");
  });
});
