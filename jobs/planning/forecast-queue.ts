// One queue's forecast run, pure: the engine's forecast of its history, the recent AHT, the opening-hours
// mask in the queue's zone and agents required per interval — what the forecast job stores.
import { forecast, requiredAgents, type HistoryRow, type QueueServiceParams, type SpecialDay } from "../forecast";
import { staffingDemand } from "./adjust";
import { openingHoursToRanges, weeklyMask, type OpeningHours } from "./calendar";

const DAY_MS = 86_400_000;
/** AHT is the human-volume-weighted mean of the last weeks of history. */
const AHT_WEEKS = 4;

export interface ForecastQueueSettings {
  intervalMinutes: number;
  timeZone: string;
  /** Null when the queue has no opening hours set: open around the clock. */
  openingHours: OpeningHours | null;
  /** Staffing parameters; `ahtSeconds` is the fallback when history has no AHT. */
  service: QueueServiceParams;
  /** Holiday calendar (HOLIDAY_COUNTRIES); null or absent: none. */
  country?: string | null;
  /** The manager's special days over history and horizon (entries for other queues are ignored by the engine). */
  specialDays?: SpecialDay[];
}

export interface QueueForecastInterval {
  intervalStart: Date;
  offered: number;
  aiResolved: number;
  human: number;
  humanP10: number;
  humanP90: number;
  ahtSeconds: number;
  open: boolean;
  agents: number;
  required: number;
}

/** Human-volume-weighted AHT of the history since `since`; `fallback` when it has none. */
export function recentAht(history: readonly HistoryRow[], since: number, fallback: number): number {
  let weight = 0;
  let sum = 0;
  for (const row of history) {
    if (row.intervalStart < since || row.ahtSeconds === null) continue;
    const human = row.offered - row.aiResolved;
    weight += human;
    sum += human * row.ahtSeconds;
  }
  return weight > 0 ? sum / weight : fallback;
}

export function forecastQueue(
  history: HistoryRow[],
  queue: ForecastQueueSettings,
  run: { start: number; days: number; quantile: number },
): QueueForecastInterval[] {
  if (history.length === 0) return [];
  const rows = forecast(history, {
    start: run.start,
    days: run.days,
    ...(queue.country ? { country: queue.country } : {}),
    ...(queue.specialDays?.length ? { specialDays: queue.specialDays } : {}),
  });
  const aht = recentAht(history, run.start - AHT_WEEKS * 7 * DAY_MS, queue.service.ahtSeconds);
  const open = queue.openingHours
    ? weeklyMask(run.start, rows.length, queue.intervalMinutes, queue.timeZone, openingHoursToRanges(queue.openingHours))
    : rows.map(() => true);
  const required = requiredAgents(
    rows.map((row, t) => (open[t] ? staffingDemand(row, run.quantile) : 0)),
    queue.intervalMinutes,
    { ...queue.service, ahtSeconds: aht },
  );
  return rows.map((row, t) => ({
    intervalStart: new Date(row.intervalStart),
    offered: row.offered,
    aiResolved: row.aiResolved,
    human: row.human,
    humanP10: row.humanP10,
    humanP90: row.humanP90,
    ahtSeconds: aht,
    open: open[t],
    agents: open[t] ? required[t].agents : 0,
    required: open[t] ? required[t].scheduledAgents : 0,
  }));
}
