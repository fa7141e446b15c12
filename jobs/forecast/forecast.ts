// The forecast API: every queue of a history over a horizon, with overrides, special days and the contract's CSV.
import { InputError } from "../input-error";
import { humanQuantiles } from "./band";
import { DAY_MS, formatInstant, groupByQueue, type HistoryRow, type QueueSeries } from "./history";
import { calibrateSpread, fitQueue, pointForecast } from "./model";
import { checkSpecialDays, resolveSpecialDays, type SpecialDay } from "./special-days";
import { DEFAULT_TUNING, type Tuning } from "./tuning";

export { DEFAULT_TUNING, type Tuning } from "./tuning";
export { humanQuantiles } from "./band";
export type { SpecialDay } from "./special-days";

export interface ForecastOptions {
  /** First instant of the horizon (epoch ms). History at or after it is ignored; history before it on the same day re-forecasts that day. */
  start: number;
  /** Horizon length in days (24-hour periods from `start`). */
  days: number;
  /** Containment rate (ai_resolved / offered) per queue, replacing the forecast one. */
  containment?: Record<string, number>;
  /** Multiplier of forecast offered volume per queue. */
  volumeFactors?: Record<string, number>;
  /** Model constants; the defaults were chosen on the bank benchmark (docs/decisions/012-forecast-method.md). */
  tuning?: Partial<Tuning>;
  /**
   * Country (ISO 3166 alpha-2: US, SE, FI, NO, DK, DE, PL, GB) whose public holidays are special
   * days: one code for every queue, or per queue. Queues without one have no holiday calendar.
   */
  country?: string | Record<string, string>;
  /** The manager's special days (sale events, closures, local holidays); they win over the calendar on the same date. */
  specialDays?: SpecialDay[];
}

export interface ForecastRow {
  intervalStart: number;
  queue: string;
  offered: number;
  aiResolved: number;
  human: number;
  humanP10: number;
  humanP90: number;
}

/** Forecasts every queue of the history over the horizon; rows in time order, then queue. */
export function forecast(history: HistoryRow[] | QueueSeries[], options: ForecastOptions): ForecastRow[] {
  if (!(options.days > 0)) throw new RangeError("days must be > 0");
  const series = history.length && "slotsPerDay" in history[0] ? (history as QueueSeries[]) : groupByQueue(history as HistoryRow[]);
  for (const q of Object.keys(options.containment ?? {})) checkQueue(series, q, "--containment");
  for (const q of Object.keys(options.volumeFactors ?? {})) checkQueue(series, q, "--volume-factor");
  if (options.specialDays) checkSpecialDays(options.specialDays);
  const rows = series.flatMap((s) => forecastQueue(s, options));
  return rows.sort((a, b) => a.intervalStart - b.intervalStart || (a.queue < b.queue ? -1 : a.queue > b.queue ? 1 : 0));
}

function checkQueue(series: QueueSeries[], queue: string, flag: string): void {
  if (!series.some((s) => s.queue === queue)) {
    throw new InputError(`${flag}: queue "${queue}" is not in the history (queues: ${series.map((s) => s.queue).join(", ")})`);
  }
}

/** Parses `queue=value` flags (repeatable) into a map, naming the flag on a bad value. */
export function parseQueueValues(flag: string, values: string[] | undefined, check: (v: number) => string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of values ?? []) {
    const eq = item.lastIndexOf("=");
    const queue = eq > 0 ? item.slice(0, eq).trim() : "";
    const text = eq > 0 ? item.slice(eq + 1).trim() : "";
    const value = Number(text);
    if (!queue || text === "" || !Number.isFinite(value)) throw new InputError(`${flag}: "${item}" is not queue=number`);
    const problem = check(value);
    if (problem) throw new InputError(`${flag}: ${item}: ${problem}`);
    out[queue] = value;
  }
  return out;
}

export function formatForecastCsv(rows: ForecastRow[]): string {
  const lines = ["interval_start,queue,offered,ai_resolved,human,human_p10,human_p90"];
  for (const r of rows) {
    const queue = /[",\n\r]/.test(r.queue) ? `"${r.queue.replace(/"/g, '""')}"` : r.queue;
    lines.push([formatInstant(r.intervalStart), queue, num(r.offered), num(r.aiResolved), num(r.human), num(r.humanP10), num(r.humanP90)].join(","));
  }
  return lines.join("\n") + "\n";
}

function num(v: number): string {
  return String(Math.round(v * 1e4) / 1e4);
}

/** One queue's forecast rows over the horizon. */
export function forecastQueue(series: QueueSeries, options: ForecastOptions): ForecastRow[] {
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  if (!(options.start > series.firstDay + series.phaseMs + firstIndex(series) * series.intervalMinutes * 60_000)) {
    throw new InputError(`queue ${series.queue}: no history before --start ${formatInstant(options.start)}`);
  }
  const country = typeof options.country === "string" ? options.country : options.country?.[series.queue];
  const horizonDays = Math.ceil((options.start + options.days * DAY_MS - series.firstDay) / DAY_MS) + 1;
  const special = resolveSpecialDays(series.queue, series.firstDay, Math.max(series.days, horizonDays), country, options.specialDays);
  const model = fitQueue(series, options.start, tuning, special);
  const kappa = calibrateSpread(series, options.start, tuning, special);
  const step = series.intervalMinutes * 60_000;
  const factor = options.volumeFactors?.[series.queue] ?? 1;
  const containmentOverride = options.containment?.[series.queue];
  const first = series.firstDay + series.phaseMs + Math.ceil((options.start - series.firstDay - series.phaseMs) / step) * step;
  const end = options.start + options.days * DAY_MS;
  const rows: ForecastRow[] = [];
  for (let t = first; t < end; t += step) {
    const { offered: base, sameDay } = pointForecast(model, t);
    const offered = base * factor;
    const day = Math.floor((t - series.firstDay) / DAY_MS);
    const rate = containmentOverride ?? model.containment(day);
    const ai = round4(offered * rate);
    const off = round4(offered);
    const human = round4(off - ai);
    const [p10, p90] = humanQuantiles(human, sameDay ? kappa.sameDay : kappa.ahead);
    rows.push({ intervalStart: t, queue: series.queue, offered: off, aiResolved: ai, human, humanP10: Math.min(p10, human), humanP90: Math.max(p90, human) });
  }
  return rows;
}

function firstIndex(series: QueueSeries): number {
  const i = series.offered.findIndex((v) => !Number.isNaN(v));
  return i < 0 ? Infinity : i;
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;
