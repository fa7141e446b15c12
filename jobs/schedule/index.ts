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
import { ScheduleSearch, toShifts, type Control } from "./solver";
import { lowerBound, type BoundResult } from "./bound";
import { BoundThread } from "./bound-thread";
import { lpBound, type LpBoundResult } from "./lp";
import { MIX_SHARE, roundMix } from "./primal";
import { seededRandom } from "./random";

/** Whole-number requirements make any bound round up to the next whole agent-interval. */
function roundUp(value: number, model: ReturnType<typeof compileInstance>): number {
  const integral = model.required.every((row) => row.every((r) => Number.isInteger(r)));
  return integral ? Math.ceil(value - 1e-9) : value;
}

export { checkSchedule, coverageTotals, type Violation, type CoverageTotals } from "./check";
export { parseInstance, InstanceError, type Instance, type Shift } from "./instance";

export interface ScheduleSummary extends CoverageTotals {
  /** The best proven lower bound: the larger of the two below (and never above the schedule's own under-coverage). */
  lowerBoundUnderCoverage: number;
  /** The break-aware Lagrangian bound (022). */
  lagrangianBound?: number;
  /** The plain LP relaxation's optimum (024); absent when HiGHS did not finish within the limit. */
  lpBound?: number;
  seconds: number;
}

export interface SolveOptions {
  timeLimitSeconds: number;
  seed: number;
  /** Solve the plain LP relaxation on a worker thread while the search runs (default true). */
  lp?: boolean;
  /** Run the Lagrangian bound on a worker thread beside the search (default true; never with an injected `now`). */
  boundThread?: boolean;
  onProgress?: (fraction: number, message: string) => void;
  signal?: AbortSignal;
  now?: () => number;
}

/** With the bound on its own thread (085): steps from the relaxation from this share of the time to that one, each once the bound has moved this many rounds. */
const GUIDED_FROM = 0.3;
const GUIDED_UNTIL = 0.85;
const MIN_NEW_ROUNDS = 10;

function startThread(start: ConstructorParameters<typeof BoundThread>[0]): BoundThread | null {
  try {
    return new BoundThread(start);
  } catch {
    return null;
  }
}

/**
 * Phases, all inside the time limit: construct (scarcest agents first); then, with a real clock and a
 * limit of 4 s or more, the Lagrangian bound runs on a worker thread (085) while this thread improves
 * (rip-up and re-insert until a round gains nothing, at most 55 % of the time), then between 30 % and
 * 85 % of the time takes steps from the relaxation whenever the bound has moved on — first a
 * rounding of its mix of weeks (087), then re-optimisations of the best schedule under its latest
 * prices, the better schedule kept each time — and perturbs the best (ruin and recreate) until the
 * limit. With an injected clock (tests) or a shorter limit, all on this thread as before: improve,
 * the bound until 75 %, one guided start, perturbations. From the
 * start, the plain LP relaxation is solved on a worker thread (until 85 %); if it is done by 90 %,
 * the Lagrangian is also evaluated at its duals. The bound reported is the best of these values.
 * With an injected clock the schedule depends on the seed and that clock only; on the worker path,
 * also on when the bound's prices and mixes arrive.
 */
export async function solveSchedule(instance: Instance, options: SolveOptions): Promise<{ shifts: Shift[]; summary: ScheduleSummary }> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const limit = Math.max(0, options.timeLimitSeconds) * 1000;
  // A small reserve so that the final check and totals also fit inside the limit.
  // (at least 0.25 s: on a loaded machine the final check of a 50-agent week alone can take that).
  const usable = limit - Math.min(Math.max(0.04 * limit, 250), 1500, limit / 2);
  const at = (share: number) => started + usable * share;
  const report = (message: string) => options.onProgress?.(limit > 0 ? Math.min(1, (now() - started) / limit) : 1, message);
  const control = (deadline: number): Control => ({ now, deadline, signal: options.signal, onProgress: report });
  const model = compileInstance(instance);
  const stopLp = new AbortController();
  const abortLp = () => stopLp.abort();
  options.signal?.addEventListener("abort", abortLp);
  let lp: LpBoundResult | null = null;
  const lpDone =
    options.lp === false || limit === 0
      ? Promise.resolve(null)
      : lpBound(model, { deadline: at(0.85), now, signal: stopLp.signal }).then(
          (r) => (lp = r),
          () => null,
        );
  const inThreadBound = (deadline: number) => {
    const under = search.underCoverage();
    return lowerBound(model, {
      now,
      deadline,
      target: under.reduce((sum, row) => sum + row.reduce((s, u) => s + u, 0), 0),
      under,
      over: search.overCoverage(),
      signal: options.signal,
      onProgress: (_, m) => report(m),
    });
  };
  const search = new ScheduleSearch(model, options.seed);
  await search.construct(control(at(1)));
  // The bound on its own thread (085) from here on, unless the clock is injected (tests: then
  // everything runs on this thread and the same seed gives the same schedule).
  const thread =
    options.now === undefined && options.boundThread !== false && limit >= 4000
      ? startThread({
          instance,
          durationMs: Math.max(0, at(0.97) - now()),
          target: search.underTotal(),
          under: search.underCoverage(),
          over: search.overCoverage(),
        })
      : null;
  const stopThread = () => void thread?.stop();
  options.signal?.addEventListener("abort", stopThread);
  await search.improve(control(at(0.55)));
  let bound: BoundResult | null = null;
  if (thread) {
    thread.improved(search.underCoverage(), search.overCoverage());
    // From GUIDED_FROM, whenever the bound has moved on, a step from the relaxation (085, 087), the
    // better schedule kept each time: first a rounding of its mix of weeks (primal.ts) improved under
    // the exact objective, then re-optimisations of the best schedule under its latest prices (089:
    // later roundings never beat the best — 0 of 19 on three varied cases — and the time they took
    // goes to more re-optimisations). Perturbations of the best in between.
    let steps = 0;
    let usedIterations = 0;
    while (!options.signal?.aborted && now() < at(GUIDED_UNTIL)) {
      const latest = thread.latest;
      if (now() < at(GUIDED_FROM) || !latest?.prices || latest.iterations < 5 || latest.iterations < usedIterations + MIN_NEW_ROUNDS) {
        await search.perturb(control(Math.min(at(GUIDED_UNTIL), Math.max(at(GUIDED_FROM), now() + 0.04 * usable))));
        continue;
      }
      usedIterations = latest.iterations;
      const second = new ScheduleSearch(model, options.seed + 1 + steps);
      const mix = steps === 0 ? await thread.mix(MIX_SHARE, { last: true }) : null;
      if (mix) {
        second.start(roundMix(model, mix, seededRandom(options.seed + 1 + steps)));
        await second.improve(control(at(0.95)));
      } else {
        second.adopt(search);
        await second.reoptimiseFromPrices(latest.prices, control(at(0.95)));
      }
      steps++;
      if (second.objective() < search.objective()) {
        search.adopt(second);
        thread.improved(search.underCoverage(), search.overCoverage());
      }
    }
    if (thread.failed) bound = await inThreadBound(at(0.85));
  } else {
    bound = await inThreadBound(at(0.75));
    // A second start from the bound's prices; the better of the two goes on to the perturbations.
    // Prices from a handful of rounds are too rough to be worth the time (large weeks at short limits).
    if (bound.prices && bound.iterations >= 5 && now() < at(0.9)) {
      const second = new ScheduleSearch(model, options.seed + 1);
      await second.constructFromPrices(bound.prices, control(at(0.95)));
      await second.improve(control(at(0.95)));
      if (second.objective() < search.objective()) search.adopt(second);
    }
  }
  await search.perturb(control(at(0.9)));
  // The Lagrangian at the LP's duals is at least the LP optimum (lp.ts). One evaluation, on a
  // clock of its own so that whether the LP arrived in time never changes the schedule.
  const lpPrices = (lp as LpBoundResult | null)?.prices ?? null;
  const atLpPrices = lpPrices ? await lowerBound(model, { now: () => 0, deadline: 1, maxIterations: 1, prices: () => lpPrices }) : null;
  await search.perturb(control(at(1)));
  // The worker has its own time limit; should HiGHS overrun it, stop it rather than wait.
  stopLp.abort();
  await lpDone;
  options.signal?.removeEventListener("abort", abortLp);
  options.signal?.removeEventListener("abort", stopThread);
  if (thread) {
    // Not awaited: the best bound the worker sent is already here, and its exit must not eat the reserve.
    void thread.stop();
    bound ??= thread.latest ?? { bound: 0, lagrangian: 0, iterations: 0 };
  }
  bound ??= { bound: 0, lagrangian: 0, iterations: 0 };
  const lagrangian = Math.max(bound.bound, atLpPrices?.bound ?? 0);
  const lpValue = (lp as LpBoundResult | null)?.bound ?? null;
  let shifts = toShifts(instance, model, search.plans);
  // Safety net: should a bug ever let a rule slip, that agent loses all shifts, so the output stays valid.
  const broken = new Set(checkSchedule(instance, shifts).map((v) => v.agent));
  if (broken.size > 0) shifts = shifts.filter((s) => !broken.has(s.agent));
  const totals = coverageTotals(instance, shifts);
  options.onProgress?.(1, "done");
  return {
    shifts,
    summary: {
      ...totals,
      lowerBoundUnderCoverage: Math.min(Math.max(lagrangian, lpValue === null ? 0 : roundUp(lpValue, model)), totals.underCoverage),
      lagrangianBound: lagrangian,
      ...(lpValue === null ? {} : { lpBound: Math.round(lpValue * 1000) / 1000 }),
      seconds: Math.round((now() - started) / 10) / 100,
    },
  };
}
