// The planning engine's forecast and staffing API, as the app and the BullMQ processors call it.
//
// Staffing (one interval):
//   staffing({ arrivals, ahtSeconds, intervalMinutes, serviceLevel, answerSeconds,
//              maxOccupancy?, shrinkage?, patienceSeconds?, concurrency? })
//     -> { agents, serviceLevel, occupancy, waitProbability, asaSeconds, abandonProbability,
//          scheduledAgents, model: "erlang-c" | "erlang-a", concurrency, servers }
//   Throws RangeError on parameters out of range (the CLI validates first).
//
// Requirement (a horizon of intervals, e.g. a forecast's human column for one queue):
//   requiredAgents(demand: number[], intervalMinutes, { ahtSeconds, serviceLevel, answerSeconds,
//                  maxOccupancy?, shrinkage?, patienceSeconds?, concurrency? })
//     -> [{ agents, scheduledAgents, serviceLevel, occupancy }] per interval
//
// History and forecast:
//   parseHistoryCsv(text, fileName) -> HistoryRow[]       throws InputError naming line and field
//   groupByQueue(rows, fileName)    -> QueueSeries[]      infers each queue's interval; InputError on mixed lengths
//   forecast(rowsOrSeries, { start: epochMs, days, containment?: {queue: rate},
//            volumeFactors?: {queue: factor},
//            country?: "US" | {queue: "SE"}, specialDays?: [{ date: "YYYY-MM-DD", kind: "holiday" | "closed" | "event",
//                                           label?, multiplier?, queues? }] })
//        special days: a given multiplier wins; else what the history shows on the same label, then kind;
//        else closed (kind closed; holiday on queues closed some weekday every week), quietest weekday
//        (holiday on queues open daily) or unchanged (event). See docs/decisions/014-special-days.md.
//     -> [{ intervalStart: epochMs, queue, offered, aiResolved, human, humanP10, humanP90 }]
//        in time order, then queue; pure and deterministic (no clock, no randomness)
//   formatForecastCsv(rows) -> the contract's CSV text
//   holidays(country, { from: year, to: year }) -> [{ date: "YYYY-MM-DD", name, observance: "public" | "partial" }]
//        computed rules (Easter-based included) for US, SE, FI, NO, DK, DE, PL, GB; InputError on other codes
//   countryOfLanguage("sv") -> "SE"   a new queue's default calendar (null when no calendar fits)
//   parseSpecialDaysCsv(text, fileName) -> SpecialDay[]   the `--special-days` file (date,kind[,label][,multiplier][,queue])
//
// Everything here is pure: no database, no Redis, no clock.
export { InputError } from "../input-error";
export { erlangA, erlangB, erlangC, scheduledAgents, staffing } from "./erlang";
export type { QueueMetrics, QueueModel, StaffingParams, StaffingResult } from "./erlang";
export { requiredAgents } from "./requirement";
export type { IntervalRequirement, QueueServiceParams } from "./requirement";
export { formatInstant, groupByQueue, historyRowReader, parseHistoryCsv, parseInstant, queueIntervalMinutes } from "./history";
export type { HistoryRow, QueueSeries } from "./history";
export { DEFAULT_TUNING, forecast, formatForecastCsv, humanQuantiles } from "./forecast";
export type { ForecastOptions, ForecastRow, SpecialDay, Tuning } from "./forecast";
export { countryOfLanguage, easterSunday, holidays, HOLIDAY_COUNTRIES } from "./holidays";
export type { Holiday, HolidayCountry, Observance } from "./holidays";
export { parseSpecialDaysCsv } from "./special-days";
