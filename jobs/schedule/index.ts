// The schedule engine's library API, for the CLI and the BullMQ processor.
//
//   solveSchedule(instance, { timeLimitSeconds, seed, onProgress?, signal?, now? })
//     -> Promise<{ shifts: Shift[]; summary: ScheduleSummary }>
//   Shifts that keep every hard rule of wfm-cli.md §3, the best found within the time limit (or
//   until `signal` aborts), with a proven lower bound on under-coverage. Same seed, same answer,
//   unless the time limit cuts the search at a different point. `onProgress(fraction, message)`
//   is called a few times a second; `now()` (milliseconds) is injectable for tests.
//
//   checkSchedule(instance, shifts) -> Violation[]
//   Every broken hard rule with a sentence a manager can act on; used on hand-edited schedules.
//
//   parseInstance(json) -> Instance   (throws InstanceError naming the field, e.g. `agents[3].skills[1]`)
//   coverageTotals(instance, shifts)  the summary's coverage figures for any schedule.
import { checkSchedule, coverageTotals, type CoverageTotals } from "./check";
import type { Instance, Shift } from "./instance";
import { compileInstance } from "./rules";
import { search, toShifts } from "./solver";
import { lowerBound } from "./bound";

export { checkSchedule, coverageTotals, type Violation, type CoverageTotals } from "./check";
export { parseInstance, InstanceError, type Instance, type Shift } from "./instance";

export interface ScheduleSummary extends CoverageTotals {
  lowerBoundUnderCoverage: number;
  seconds: number;
}

export interface SolveOptions {
  timeLimitSeconds: number;
  seed: number;
  onProgress?: (fraction: number, message: string) => void;
  signal?: AbortSignal;
  now?: () => number;
  /** Share of the time limit given to the lower bound (default 0.3). */
  boundShare?: number;
}

export async function solveSchedule(instance: Instance, options: SolveOptions): Promise<{ shifts: Shift[]; summary: ScheduleSummary }> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const limitMs = Math.max(0, options.timeLimitSeconds) * 1000;
  const boundShare = options.boundShare ?? 0.3;
  const model = compileInstance(instance);
  const searchDeadline = started + limitMs * (1 - boundShare);
  const result = await search(model, {
    now,
    deadline: searchDeadline,
    seed: options.seed,
    signal: options.signal,
    onProgress: (f, m) => options.onProgress?.(f * (1 - boundShare), m),
  });
  let shifts = toShifts(instance, model, result.plans);
  // Safety net: an agent whose shifts break a rule loses them all, so the output is always valid.
  const broken = new Set(checkSchedule(instance, shifts).map((v) => v.agent));
  if (broken.size > 0) shifts = shifts.filter((s) => !broken.has(s.agent));
  const totals = coverageTotals(instance, shifts);
  const bound = await lowerBound(model, {
    now,
    deadline: started + limitMs,
    columns: result.plans,
    signal: options.signal,
    onProgress: (f, m) => options.onProgress?.(1 - boundShare + f * boundShare, m),
  });
  options.onProgress?.(1, "done");
  return {
    shifts,
    summary: {
      ...totals,
      lowerBoundUnderCoverage: Math.min(bound, totals.underCoverage),
      seconds: Math.round((now() - started) / 10) / 100,
    },
  };
}
