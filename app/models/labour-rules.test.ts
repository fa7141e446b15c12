import { describe, expect, it } from "vitest";
import { DEFAULT_LABOUR_RULES, describeChanges, parseRulesForm, rulesFormDefaults, type RulesFormInput } from "./labour-rules";

function input(changes: Partial<Record<string, string>> = {}): RulesFormInput {
  const f = rulesFormDefaults(DEFAULT_LABOUR_RULES);
  const breaks = f.breaks.map((b, i) => ({
    fromShiftHours: changes[`breaks[${i}].fromShiftHours`] ?? b.fromShiftHours,
    minutes: changes[`breaks[${i}].minutes`] ?? b.minutes,
    earliestAfterStartMinutes: changes[`breaks[${i}].earliestAfterStartMinutes`] ?? b.earliestAfterStartMinutes,
    latestBeforeEndMinutes: changes[`breaks[${i}].latestBeforeEndMinutes`] ?? b.latestBeforeEndMinutes,
  }));
  const byContract = Object.fromEntries(
    Object.entries(f.byContract).map(([t, v]) => [t, { ...v, maxShiftsPerWeek: changes[`byContract.${t}.maxShiftsPerWeek`] ?? v.maxShiftsPerWeek }]),
  );
  return {
    shiftMinHours: changes.shiftMinHours ?? f.shiftMinHours,
    shiftMaxHours: changes.shiftMaxHours ?? f.shiftMaxHours,
    shiftStepHours: changes.shiftStepHours ?? f.shiftStepHours,
    minRestHours: changes.minRestHours ?? f.minRestHours,
    maxShiftsPerWeek: changes.maxShiftsPerWeek ?? f.maxShiftsPerWeek,
    breaks,
    byContract,
  };
}

describe("parseRulesForm", () => {
  it("reads the defaults back as they were, and a second break and a contract override as typed", () => {
    expect(parseRulesForm(input())).toEqual({ ok: true, rules: DEFAULT_LABOUR_RULES });
    const more = parseRulesForm(
      input({
        minRestHours: "11,5",
        "breaks[1].fromShiftHours": "8",
        "breaks[1].minutes": "15",
        "breaks[1].earliestAfterStartMinutes": "60",
        "breaks[1].latestBeforeEndMinutes": "60",
        "byContract.student.maxShiftsPerWeek": "3",
      }),
    );
    expect(more).toMatchObject({
      ok: true,
      rules: {
        minRestMinutes: 690,
        byContract: { student: { maxShiftsPerWeek: 3 } },
        breaks: [{ fromShiftMinutes: 360 }, { fromShiftMinutes: 480, minutes: 15 }],
      },
    });
  });

  it("names each bad field in people's words", () => {
    const r = parseRulesForm(input({ shiftMaxHours: "", shiftStepHours: "0.1", maxShiftsPerWeek: "8", "breaks[0].latestBeforeEndMinutes": "20" }));
    expect(r).toEqual({
      ok: false,
      fieldErrors: {
        shiftMaxHours: "Enter the longest shift",
        shiftStepHours: "Enter the step between shift lengths between 0.25 and 16 hours",
        maxShiftsPerWeek: "Enter the most shifts a week as a whole number from 1 to 7",
        "breaks[0].latestBeforeEndMinutes": "Use whole quarter hours: 15, 30, 45 … minutes",
      },
    });
  });

  it("refuses rules that contradict each other: min above max, a break that does not fit, breaks that fill the shift, a break no shift reaches", () => {
    expect(parseRulesForm(input({ shiftMinHours: "8.5" }))).toEqual({
      ok: false,
      fieldErrors: { shiftMinHours: "The shortest shift (8 h 30 min) is longer than the longest (8 h)" },
    });
    expect(parseRulesForm(input({ "breaks[0].fromShiftHours": "4", "breaks[0].earliestAfterStartMinutes": "180" }))).toMatchObject({
      ok: false,
      fieldErrors: { "breaks[0].earliestAfterStartMinutes": expect.stringContaining("does not fit a 4 h shift") },
    });
    expect(parseRulesForm(input({ "breaks[0].fromShiftHours": "9" }))).toMatchObject({
      ok: false,
      fieldErrors: { "breaks[0].fromShiftHours": "No shift is that long (the longest is 8 h), so this break would never apply" },
    });
    const twoHours = {
      shiftMinHours: "2",
      shiftStepHours: "2",
      "breaks[0].fromShiftHours": "2",
      "breaks[0].minutes": "60",
      "breaks[0].earliestAfterStartMinutes": "0",
    };
    expect(
      parseRulesForm(
        input({
          ...twoHours,
          "breaks[0].latestBeforeEndMinutes": "0",
          "breaks[1].fromShiftHours": "2",
          "breaks[1].minutes": "60",
          "breaks[1].earliestAfterStartMinutes": "0",
          "breaks[1].latestBeforeEndMinutes": "0",
        }),
      ),
    ).toEqual({ ok: false, fieldErrors: { breaks: "The breaks of a 2 h shift add up to 2 h: no time left to work" } });
  });
});

describe("describeChanges", () => {
  it("says what changed, one phrase per rule", () => {
    expect(describeChanges(DEFAULT_LABOUR_RULES, DEFAULT_LABOUR_RULES)).toEqual([]);
    expect(
      describeChanges(DEFAULT_LABOUR_RULES, {
        ...DEFAULT_LABOUR_RULES,
        shiftMinMinutes: 360,
        minRestMinutes: 720,
        byContract: { rural: { maxShiftsPerWeek: 4 } },
      }),
    ).toEqual(["shift lengths 4 h, 6 h, 8 h → 6 h, 8 h", "minimum rest 11 h → 12 h", "Rural residents: shifts a week company rule → 4"]);
    const own = { shiftMinMinutes: 360, shiftMaxMinutes: 480, shiftStepMinutes: 120, minRestMinutes: 660, breaks: [] };
    const withOwn = { ...DEFAULT_LABOUR_RULES, byContract: { rural: { shifts: own } } };
    expect(describeChanges(DEFAULT_LABOUR_RULES, withOwn)).toEqual(["Rural residents: own shifts 6 h, 8 h; rest 11 h; no breaks"]);
    expect(describeChanges(withOwn, DEFAULT_LABOUR_RULES)).toEqual(["Rural residents: the company's shifts, rest and breaks"]);
  });
});
