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

/** Overrides for one contract type (an agent's cohort); a missing field means the company rule. */
export interface ContractSetting {
  maxShiftsPerWeek?: number;
}

export interface LabourRules {
  shiftMinMinutes: number;
  shiftMaxMinutes: number;
  /** Allowed lengths run from the shortest in these steps; the longest is always allowed. */
  shiftStepMinutes: number;
  minRestMinutes: number;
  breaks: BreakSetting[];
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

/** The engine's rules for a week: lengths, rest and breaks hold for everyone. */
export function engineRules(rules: LabourRules): Instance["rules"] {
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

/** Most shifts a week for an agent of this contract type under the rules (the agent's own contract may be lower). */
export function maxShiftsFor(rules: LabourRules, contractType: string): number {
  return rules.byContract[contractType]?.maxShiftsPerWeek ?? rules.maxShiftsPerWeek;
}
