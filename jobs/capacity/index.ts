// The capacity engine's library API (whom to hire, and when), for the CLI, the app and the BullMQ processors.
//
//   parsePlan(json) -> Plan                      throws InputError naming the field, e.g. `queues[2].required[5]`
//   solveCapacity(plan, { timeLimitSeconds?, mipRelGap?, start?, now?, hiringFreezes?, byCohort? })
//     -> Promise<CapacityResult>  { hires, weeks, summary }  exactly wfm-cli.md §4's output; the optimum
//        when HiGHS proves it within the limit (summary.status "optimal"), else the best plan found, with
//        HiGHS's bound as summary.lowerBoundCost. `start` seeds the search (e.g. last run's hires).
//   planFor(plan, hires) -> Promise<CapacityResult>   the output (best split, cost) for hires a person chose
//   checkCapacity(plan, output) -> Promise<CheckReport>  independent re-check: hires' rules, head counts,
//        each week's split re-solved, cost recomputed; `problems` is empty when the output is right
//   spreadsheetHires(plan) -> Hire[]              the planners' spreadsheet method, for comparison
//
//   longRangeDemand({ start, weeks, bands, queues: [{ id, history, serviceLevel, answerSeconds, ahtSeconds?,
//                     maxOccupancy?, shrinkage?, concurrency?, patienceSeconds?, openingHours?, timeZone?,
//                     containment?: { target, byDate }, volumeFactor? }] })
//     -> { queues: [{ id, required: number[weeks][bands] }], detail }   `queues` drops into Plan.queues
//
// Everything here is pure: no database, no Redis, no clock (performance.now() only to time the solve).
export { parsePlan, type CapacityResult, type CapacitySummary, type CapacityWeek, type Cohort, type Hire, type Plan, type WeekQueue } from "./model";
export { planFor, solveCapacity, type HiringFreeze, type SolveCapacityOptions } from "./solve";
export { solveCapacityOnWorker } from "./threaded";
export { checkCapacity, recomputeCost, type CheckReport, type Recomputed } from "./check";
export { spreadsheetHires } from "./spreadsheet";
export { generatePlan, type GenerateOptions } from "./generate";
export {
  DEFAULT_DEMAND_TUNING,
  longRangeDemand,
  type DemandBand,
  type DemandQueueInput,
  type DemandTuning,
  type LongRangeDemand,
  type LongRangeDemandInput,
  type QueueDemandDetail,
} from "./demand";
