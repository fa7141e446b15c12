// The company's labour rules as managers set them (shortest/longest shift, rest, breaks, shifts a week,
// per contract type where they differ) and their translation into the schedule engine's rules.
import type { Instance } from "../schedule";

export interface BreakSetting {
  /** The break applies to shifts at least this long. */
  fromShiftMinutes: number;
  minutes: number;
  earliestAfterStartMinutes: number;
  latestBeforeEndMinutes: number;
}

/** Shift lengths, minimum rest and breaks: the company's, or a contract type's own (decision 075). */
export interface ShiftRules {
  shiftMinMinutes: number;
  shiftMaxMinutes: number;
  /** Allowed lengths run from the shortest in these steps; the longest is always allowed. */
  shiftStepMinutes: number;
  minRestMinutes: number;
  breaks: BreakSetting[];
}

/** Overrides for one contract type (an agent's cohort); a missing field means the company rule. */
export interface ContractSetting {
  maxShiftsPerWeek?: number;
  /** The contract type's own lengths, rest and breaks, all three together (absent: the company's). */
  shifts?: ShiftRules;
}

export interface LabourRules extends ShiftRules {
  maxShiftsPerWeek: number;
  byContract: Record<string, ContractSetting>;
}

/** Version 1 of every database: the rules the engine had as a constant before they became settings. */
export const DEFAULT_LABOUR_RULES: LabourRules = {
  shiftMinMinutes: 240,
  shiftMaxMinutes: 480,
  shiftStepMinutes: 120,
  minRestMinutes: 660,
  breaks: [{ fromShiftMinutes: 360, minutes: 30, earliestAfterStartMinutes: 120, latestBeforeEndMinutes: 120 }],
  maxShiftsPerWeek: 5,
  byContract: {},
};

/** The shift lengths the rules allow, shortest first: min, min + step, … and max. */
export function allowedShiftLengths(rules: Pick<LabourRules, "shiftMinMinutes" | "shiftMaxMinutes" | "shiftStepMinutes">): number[] {
  const lengths: number[] = [];
  const step = Math.max(1, rules.shiftStepMinutes);
  for (let m = rules.shiftMinMinutes; m < rules.shiftMaxMinutes; m += step) lengths.push(m);
  lengths.push(rules.shiftMaxMinutes);
  return lengths;
}

/** The engine's rules for one set of lengths, rest and breaks (the week's `rules`, or an agent's own). */
export function engineRules(rules: ShiftRules): Instance["rules"] {
  return {
    shiftLengthsMinutes: allowedShiftLengths(rules),
    minRestMinutes: rules.minRestMinutes,
    breaks: rules.breaks.map((b) => ({
      minShiftMinutes: b.fromShiftMinutes,
      minutes: b.minutes,
      earliestAfterStartMinutes: b.earliestAfterStartMinutes,
      latestBeforeEndMinutes: b.latestBeforeEndMinutes,
    })),
  };
}

/** The lengths, rest and breaks an agent of this contract type works under: its own where it has them, else the company's. */
export function shiftRulesFor(rules: LabourRules, contractType: string): ShiftRules {
  return rules.byContract[contractType]?.shifts ?? rules;
}

/** Most shifts a week for an agent of this contract type under the rules (the agent's own contract may be lower). */
export function maxShiftsFor(rules: LabourRules, contractType: string): number {
  return rules.byContract[contractType]?.maxShiftsPerWeek ?? rules.maxShiftsPerWeek;
}
