// The demand model: offered volume per queue and interval, AI containment with its ramp, human demand with p10/p90.
import { InputError } from "../input-error";
import { DAY_MS, formatInstant, groupByQueue, type HistoryRow, type QueueSeries } from "./history";

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

export interface Tuning {
  /** Weekly decay of a past day's weight in the intraday profile. */
  profileDecay: number;
  /** Share of a weekday's own profile against the profile pooled over weekdays with the same opening hours. */
  profileOwnWeight: number;
  /** Gaussian smoothing of the profile across neighbouring intervals, in 5-minute units. */
  profileSmoothing: number;
  /** Half-life in days of a past day's weight in the level. */
  levelHalfLifeDays: number;
  /** Half-width in days of the running median that the month-turn effect is measured against. */
  turnWindowDays: number;
  /** Pseudo-days of "no effect" that shrink the month-turn effect when history shows few month turns. */
  turnRidge: number;
  /** Huber threshold, in robust standard deviations, for down-weighting holiday and outlier days. */
  huber: number;
  /** Weekly decay of a past week's weight in the weekday factors. */
  weekdayDecay: number;
  /** Share of the level's fitted slope carried into the horizon (0: flat level). */
  levelTrend: number;
  /** Half-life in hours of a morning interval's weight when the origin day's actuals rescale its afternoon. */
  intradayHalfLifeHours: number;
  /** Half-life in days of a past day's weight in the containment trend. */
  containmentHalfLifeDays: number;
  /** Daily damping of the containment slope beyond the history. */
  containmentDamping: number;
}

export const DEFAULT_TUNING: Tuning = {
  profileDecay: 0.85,
  profileOwnWeight: 0.8,
  profileSmoothing: 1.5,
  levelHalfLifeDays: 10,
  levelTrend: 0,
  weekdayDecay: 1,
  intradayHalfLifeHours: 2,
  turnWindowDays: 10,
  turnRidge: 2,
  huber: 1.5,
  containmentHalfLifeDays: 56,
  containmentDamping: 0.995,
};

/** Forecasts every queue of the history over the horizon; rows in time order, then queue. */
export function forecast(history: HistoryRow[] | QueueSeries[], options: ForecastOptions): ForecastRow[] {
  if (!(options.days > 0)) throw new RangeError("days must be > 0");
  const series = history.length && "slotsPerDay" in history[0] ? (history as QueueSeries[]) : groupByQueue(history as HistoryRow[]);
  for (const q of Object.keys(options.containment ?? {})) checkQueue(series, q, "--containment");
  for (const q of Object.keys(options.volumeFactors ?? {})) checkQueue(series, q, "--volume-factor");
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

// ---------------------------------------------------------------------------------------------
// One queue

interface DayInfo {
  index: number;
  weekday: number;
  total: number;
  coverage: number;
}

/** The fitted model of one queue at one forecast origin: enough to forecast any later interval. */
interface QueueModel {
  series: QueueSeries;
  /** Day index of the origin day (the day that contains `start`). */
  originDay: number;
  /** Intraday share per weekday (length slotsPerDay, zero where closed), or null if the weekday is closed. */
  profiles: (Float64Array | null)[];
  weekdayFactor: number[];
  turnEffect: number;
  level: number;
  /** Multiplier of the origin day's remaining intervals from the actuals seen so far that day. */
  originDayMultiplier: number;
  containment: (day: number) => number;
}

const weekdayOf = (series: QueueSeries, day: number) => new Date(series.firstDay + day * DAY_MS).getUTCDay();

/** Mon–Fri days of the month on or before (from start) and on or after (from end) this day. */
function isMonthTurn(ms: number): boolean {
  const date = new Date(ms);
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const dom = date.getUTCDate();
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  let fromStart = 0;
  for (let k = 1; k <= dom && fromStart <= 3; k++) {
    const wd = new Date(Date.UTC(y, m, k)).getUTCDay();
    if (wd !== 0 && wd !== 6) fromStart++;
  }
  if (fromStart <= 3) return true;
  for (let k = dom + 1; k <= last; k++) {
    const wd = new Date(Date.UTC(y, m, k)).getUTCDay();
    if (wd !== 0 && wd !== 6) return false;
  }
  return true;
}

export function forecastQueue(series: QueueSeries, options: ForecastOptions): ForecastRow[] {
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  if (!(options.start > series.firstDay + series.phaseMs + firstIndex(series) * series.intervalMinutes * 60_000)) {
    throw new InputError(`queue ${series.queue}: no history before --start ${formatInstant(options.start)}`);
  }
  const model = fitQueue(series, options.start, tuning);
  const kappa = calibrateSpread(series, options.start, tuning);
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

function pointForecast(model: QueueModel, t: number): { offered: number; sameDay: boolean } {
  const s = model.series;
  const day = Math.floor((t - s.firstDay) / DAY_MS);
  const slot = Math.round((t - s.firstDay - day * DAY_MS - s.phaseMs) / (s.intervalMinutes * 60_000));
  const weekday = weekdayOf(s, day);
  const profile = model.profiles[weekday];
  if (!profile) return { offered: 0, sameDay: false };
  const turn = isMonthTurn(s.firstDay + day * DAY_MS) ? model.turnEffect : 0;
  let total = model.level * model.weekdayFactor[weekday] * (1 + turn);
  const sameDay = day === model.originDay && model.originDayMultiplier !== 1;
  if (sameDay) total *= model.originDayMultiplier;
  return { offered: Math.max(0, total * profile[slot]), sameDay };
}

function fitQueue(series: QueueSeries, start: number, tuning: Tuning): QueueModel {
  const spd = series.slotsPerDay;
  const step = series.intervalMinutes * 60_000;
  const originDay = Math.floor((start - series.firstDay) / DAY_MS);
  // Only intervals that start before `start` are history; later rows of the file are ignored.
  const cut = Math.max(0, Math.min(series.days * spd, Math.ceil((start - series.firstDay - series.phaseMs) / step)));
  const y = new Float64Array(Math.max(series.days, originDay + 1) * spd).fill(NaN);
  y.set(series.offered.subarray(0, cut));
  const ai = new Float64Array(y.length).fill(NaN);
  ai.set(series.aiResolved.subarray(0, cut));
  let originSlots = Math.max(0, Math.min(spd, cut - originDay * spd));
  let lastFullDay = Math.max(0, Math.min(originDay, series.days)); // days [0, lastFullDay) are history

  // Opening hours per weekday: slots ever observed on that weekday.
  const open: Uint8Array[] = Array.from({ length: 7 }, () => new Uint8Array(spd));
  const daysSeen = new Array(7).fill(0);
  const occurrences = new Array(7).fill(0);
  const addDay = (d: number) => {
    const w = weekdayOf(series, d);
    occurrences[w]++;
    let any = false;
    for (let s = 0; s < spd; s++) {
      if (!Number.isNaN(y[d * spd + s])) {
        open[w][s] = 1;
        any = true;
      }
    }
    if (any) daysSeen[w]++;
  };
  for (let d = 0; d < lastFullDay; d++) addDay(d);
  // An origin day whose opening hours are already over (start after closing) is a whole history day, not an intraday case.
  if (originSlots > 0 && originDay < series.days && !open[weekdayOf(series, originDay)].subarray(originSlots).some((o) => o === 1)) {
    addDay(originDay);
    lastFullDay = originDay + 1;
    originSlots = 0;
  }
  const anyOpen = new Uint8Array(spd);
  for (let w = 0; w < 7; w++) for (let s = 0; s < spd; s++) anyOpen[s] |= open[w][s];
  if (lastFullDay === 0 && originDay >= 0 && originDay < series.days) {
    for (let s = 0; s < originSlots; s++) if (!Number.isNaN(y[originDay * spd + s])) anyOpen[s] = 1;
  }
  // A weekday never seen although the history spans it at least twice is closed; one merely not yet seen borrows the others' hours.
  const closed = daysSeen.map((n, w) => n === 0 && occurrences[w] >= 2);
  for (let w = 0; w < 7; w++) if (daysSeen[w] === 0 && !closed[w]) open[w] = anyOpen.slice();
  const groupKey = open.map((o) => o.join(""));

  // Intraday profiles: weighted mean of each day's interval/day-level share, two passes so partial days get a fair level.
  let profiles: (Float64Array | null)[] = open.map((o, w) => (closed[w] ? null : uniform(o)));
  const dayWeight = (d: number) => Math.pow(tuning.profileDecay, (originDay - d) / 7);
  for (let pass = 0; pass < 2; pass++) {
    const ownSum = Array.from({ length: 7 }, () => new Float64Array(spd));
    const ownW = Array.from({ length: 7 }, () => new Float64Array(spd));
    for (let d = 0; d < lastFullDay; d++) {
      const w = weekdayOf(series, d);
      const p = profiles[w];
      if (!p) continue;
      const { sum, cov } = observedDay(y, d, spd, p);
      if (cov < 0.3 || sum <= 0) continue;
      const level = sum / cov;
      const wt = dayWeight(d);
      for (let s = 0; s < spd; s++) {
        const v = y[d * spd + s];
        if (!Number.isNaN(v)) {
          ownSum[w][s] += (wt * v) / level;
          ownW[w][s] += wt;
        }
      }
    }
    const next: (Float64Array | null)[] = [];
    for (let w = 0; w < 7; w++) {
      if (closed[w]) {
        next.push(null);
        continue;
      }
      const pooledSum = new Float64Array(spd);
      const pooledW = new Float64Array(spd);
      for (let v = 0; v < 7; v++) {
        if (groupKey[v] !== groupKey[w]) continue;
        for (let s = 0; s < spd; s++) {
          pooledSum[s] += ownSum[v][s];
          pooledW[s] += ownW[v][s];
        }
      }
      const p = new Float64Array(spd);
      const own = tuning.profileOwnWeight;
      for (let s = 0; s < spd; s++) {
        if (!open[w][s]) continue;
        const pooled = pooledW[s] > 0 ? pooledSum[s] / pooledW[s] : profiles[w]![s];
        p[s] = ownW[w][s] > 0 ? own * (ownSum[w][s] / ownW[w][s]) + (1 - own) * pooled : pooled;
      }
      next.push(normalise(smooth(p, open[w], (tuning.profileSmoothing * 5) / series.intervalMinutes)));
    }
    profiles = next;
  }

  // Day levels of the history (days with at least half their usual volume observed).
  const days: DayInfo[] = [];
  for (let d = 0; d < lastFullDay; d++) {
    const w = weekdayOf(series, d);
    const p = profiles[w];
    if (!p) continue;
    const { sum, cov } = observedDay(y, d, spd, p);
    if (cov >= 0.5) days.push({ index: d, weekday: w, total: sum / cov, coverage: cov });
  }
  const levelFit = fitLevel(series, days, originDay, tuning);

  // Intraday: the origin day's actuals so far scale the rest of that day (gamma–Poisson posterior mean).
  let originDayMultiplier = 1;
  const wOrigin = weekdayOf(series, originDay);
  const pOrigin = profiles[wOrigin];
  if (originSlots > 0 && originDay < series.days && pOrigin) {
    // Recent intervals say more about the afternoon than the early morning: weight by recency.
    let seen = 0;
    let expectedShare = 0;
    const halfLife = (tuning.intradayHalfLifeHours * 60) / series.intervalMinutes;
    for (let s = 0; s < originSlots; s++) {
      const v = y[originDay * spd + s];
      if (!Number.isNaN(v)) {
        const w = Math.pow(0.5, (originSlots - 1 - s) / halfLife);
        seen += w * v;
        expectedShare += w * pOrigin[s];
      }
    }
    const turn = isMonthTurn(series.firstDay + originDay * DAY_MS) ? levelFit.turnEffect : 0;
    const expected = levelFit.level * levelFit.weekdayFactor[wOrigin] * (1 + turn) * expectedShare;
    if (expectedShare > 0.02 && expected > 0) {
      // Day-to-day spread from the robust fit understates surprises, so the prior is never tighter than ±10 %.
      const prior = 1 / Math.max(levelFit.spread, 0.1) ** 2;
      originDayMultiplier = (prior + seen) / (prior + expected);
    }
  }

  return {
    series,
    originDay,
    profiles,
    weekdayFactor: levelFit.weekdayFactor,
    turnEffect: levelFit.turnEffect,
    level: levelFit.level,
    originDayMultiplier,
    containment: fitContainment(y, ai, spd, originDay, originSlots, tuning),
  };
}

function uniform(open: Uint8Array): Float64Array {
  const n = open.reduce((a, b) => a + b, 0);
  return Float64Array.from(open, (o) => (n ? o / n : 0));
}

function normalise(p: Float64Array): Float64Array {
  const total = p.reduce((a, b) => a + b, 0);
  return total > 0 ? p.map((v) => v / total) : p;
}

/** Gaussian smoothing over open slots only, so closed hours neither receive nor dilute volume. */
function smooth(p: Float64Array, open: Uint8Array, width: number): Float64Array {
  if (width < 0.3) return p;
  const reach = Math.ceil(3 * width);
  const kernel = Array.from({ length: 2 * reach + 1 }, (_, i) => Math.exp(-((i - reach) ** 2) / (2 * width * width)));
  const out = new Float64Array(p.length);
  for (let s = 0; s < p.length; s++) {
    if (!open[s]) continue;
    let a = 0;
    let b = 0;
    for (let k = -reach; k <= reach; k++) {
      const t = s + k;
      if (t < 0 || t >= p.length || !open[t]) continue;
      a += kernel[k + reach] * p[t];
      b += kernel[k + reach];
    }
    out[s] = a / b;
  }
  return out;
}

interface LevelFit {
  level: number;
  weekdayFactor: number[];
  turnEffect: number;
  /** Robust relative spread of day totals around the model (for the intraday prior). */
  spread: number;
}

function median(values: number[]): number {
  if (!values.length) return NaN;
  const v = [...values].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/**
 * Day totals = level × weekday factor × (1 + month-turn effect). Weekday factors from weeks as
 * fixed effects; the month-turn effect (last and first three business days) against a running
 * median of ordinary days; holidays and outliers down-weighted (Huber); the level is a recency-
 * weighted mean of the adjusted totals.
 */
function fitLevel(series: QueueSeries, days: DayInfo[], originDay: number, tuning: Tuning): LevelFit {
  const n = days.length;
  const weekdayFactor = new Array(7).fill(1);
  if (!n) return { level: 0, weekdayFactor, turnEffect: 0, spread: 0.1 };
  const week = days.map((d) => Math.floor((d.index + Math.floor(series.firstDay / DAY_MS) + 3) / 7));
  const turn = days.map((d) => isMonthTurn(series.firstDay + d.index * DAY_MS));
  const turnCount = turn.filter(Boolean).length;
  const robust = new Array(n).fill(1);
  const recency = days.map((d) => Math.pow(tuning.weekdayDecay, (originDay - d.index) / 7));
  let turnEffect = 0;
  let spread = 0.1;
  let z: number[] = [];
  for (let iteration = 0; iteration < 3; iteration++) {
    const adjusted = days.map((d, i) => d.total / (1 + (turn[i] ? turnEffect : 0)));
    const weekLevel = new Map<number, number>();
    for (const k of week) weekLevel.set(k, 0);
    for (let fe = 0; fe < 10; fe++) {
      const num = new Map<number, number>();
      const den = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        num.set(week[i], (num.get(week[i]) ?? 0) + robust[i] * adjusted[i]);
        den.set(week[i], (den.get(week[i]) ?? 0) + robust[i] * weekdayFactor[days[i].weekday]);
      }
      for (const k of weekLevel.keys()) weekLevel.set(k, den.get(k)! > 0 ? num.get(k)! / den.get(k)! : 0);
      const fNum = new Array(7).fill(0);
      const fDen = new Array(7).fill(0);
      for (let i = 0; i < n; i++) {
        fNum[days[i].weekday] += recency[i] * robust[i] * adjusted[i];
        fDen[days[i].weekday] += recency[i] * robust[i] * weekLevel.get(week[i])!;
      }
      const present = fDen.map((v, w) => v > 0 && fNum[w] > 0);
      let logMean = 0;
      let count = 0;
      for (let w = 0; w < 7; w++) {
        if (present[w]) {
          weekdayFactor[w] = fNum[w] / fDen[w];
          logMean += Math.log(weekdayFactor[w]);
          count++;
        }
      }
      const g = count ? Math.exp(logMean / count) : 1;
      for (let w = 0; w < 7; w++) weekdayFactor[w] = present[w] ? weekdayFactor[w] / g : 1;
    }
    z = days.map((d) => d.total / weekdayFactor[d.weekday]);
    const base = days.map((d) => {
      const near: number[] = [];
      for (let j = 0; j < n; j++) if (!turn[j] && Math.abs(days[j].index - d.index) <= tuning.turnWindowDays) near.push(z[j]);
      return near.length ? median(near) : z.reduce((a, b) => a + b, 0) / n;
    });
    if (turnCount >= 4) {
      let excess = 0;
      let mass = 0;
      for (let i = 0; i < n; i++) {
        if (!turn[i] || !(base[i] > 0)) continue;
        excess += robust[i] * (z[i] - base[i]);
        mass += robust[i] * base[i];
      }
      const meanBase = base.reduce((a, b) => a + b, 0) / n;
      turnEffect = mass > 0 ? Math.min(1, Math.max(-0.5, excess / (mass + tuning.turnRidge * meanBase))) : 0;
    }
    const residual = days.map((_, i) => (base[i] > 0 ? z[i] / (base[i] * (1 + (turn[i] ? turnEffect : 0))) - 1 : 0));
    // A floor keeps near-noiseless history from treating every small wobble as an outlier.
    spread = Math.max(0.02, 1.4826 * median(residual.map(Math.abs)));
    for (let i = 0; i < n; i++) {
      const u = spread > 0 ? Math.abs(residual[i]) / (tuning.huber * spread) : 0;
      robust[i] = u <= 1 ? 1 : 1 / u;
    }
  }
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const w = Math.pow(0.5, (originDay - days[i].index) / tuning.levelHalfLifeDays) * robust[i];
    const v = z[i] / (1 + (turn[i] ? turnEffect : 0));
    const x = days[i].index - originDay;
    sw += w;
    sx += w * x;
    sy += w * v;
    sxx += w * x * x;
    sxy += w * x * v;
  }
  let level = sw > 0 ? sy / sw : 0;
  if (tuning.levelTrend > 0 && sw > 0) {
    const mx = sx / sw;
    const vx = sxx / sw - mx * mx;
    const slope = vx > 1e-9 ? (sxy / sw - mx * level) / vx : 0;
    level = Math.max(0, level - tuning.levelTrend * slope * mx);
  }
  return { level, weekdayFactor, turnEffect, spread: Number.isFinite(spread) ? spread : 0.1 };
}

/**
 * Containment (ai_resolved / offered) per day, fitted as a volume- and recency-weighted linear
 * trend — the assistant's ramp — and extrapolated with a gently damped slope, clamped to [0, 1].
 */
function fitContainment(
  offered: Float64Array,
  aiResolved: Float64Array,
  spd: number,
  originDay: number,
  originSlots: number,
  tuning: Tuning,
): (day: number) => number {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let points = 0;
  const last = Math.min(originDay, offered.length / spd - 1);
  for (let d = 0; d <= last; d++) {
    const slots = d === originDay ? originSlots : spd;
    let off = 0;
    let ai = 0;
    for (let s = 0; s < slots; s++) {
      const o = offered[d * spd + s];
      if (Number.isNaN(o)) continue;
      off += o;
      ai += aiResolved[d * spd + s];
    }
    if (off <= 0) continue;
    const w = off * Math.pow(0.5, (originDay - d) / tuning.containmentHalfLifeDays);
    const x = d - originDay;
    const c = ai / off;
    sw += w;
    sx += w * x;
    sy += w * c;
    sxx += w * x * x;
    sxy += w * x * c;
    points++;
  }
  if (sw <= 0) return () => 0;
  const mx = sx / sw;
  const my = sy / sw;
  const vx = sxx / sw - mx * mx;
  const slope = points >= 7 && vx > 1e-9 ? (sxy / sw - mx * my) / vx : 0;
  const atOrigin = my - slope * mx;
  const phi = tuning.containmentDamping;
  return (day: number) => {
    const h = day - originDay;
    const reach = h <= 0 ? h : phi === 1 ? h : (phi * (1 - Math.pow(phi, h))) / (1 - phi);
    return Math.min(1, Math.max(0, atOrigin + slope * reach));
  };
}

// ---------------------------------------------------------------------------------------------
// Prediction intervals

interface Spread {
  ahead: number;
  sameDay: number;
}

/**
 * Relative spread κ of human demand beyond Poisson noise (variance μ + κ²μ²), calibrated so that a
 * 14-day backtest ending at the origin has 80 % of its actuals inside the p10–p90 band.
 */
function calibrateSpread(series: QueueSeries, start: number, tuning: Tuning): Spread {
  const fallback = { ahead: 0.1, sameDay: 0.05 };
  const originDay = Math.floor((start - series.firstDay) / DAY_MS);
  const testDays = 14;
  const backOrigin = Math.min(originDay, series.days) - testDays;
  if (backOrigin < 28) return fallback;
  const model = fitQueue(series, series.firstDay + backOrigin * DAY_MS, tuning);
  const spd = series.slotsPerDay;
  const step = series.intervalMinutes * 60_000;
  const mus: number[] = [];
  const ys: number[] = [];
  for (let d = backOrigin; d < backOrigin + testDays; d++) {
    for (let s = 0; s < spd; s++) {
      const o = series.offered[d * spd + s];
      if (Number.isNaN(o)) continue;
      const t = series.firstDay + d * DAY_MS + series.phaseMs + s * step;
      const mu = pointForecast(model, t).offered * (1 - model.containment(d));
      if (mu <= 0) continue;
      mus.push(mu);
      ys.push(o - series.aiResolved[d * spd + s]);
    }
  }
  if (mus.length < 50) return fallback;
  // Under the normal approximation an actual y is inside the band exactly when
  // κ² ≥ ((y − μ)²/z² − μ)/μ², so the calibrated κ is the 80th percentile of that bound.
  const needed = mus.map((mu, i) => Math.sqrt(Math.max(0, ((ys[i] - mu) ** 2 / (Z90 * Z90) - mu) / (mu * mu))));
  needed.sort((a, b) => a - b);
  const kappa = Math.min(1, needed[Math.min(needed.length - 1, Math.ceil(0.8 * needed.length) - 1)]);
  return { ahead: kappa, sameDay: kappa / 2 };
}

const Z90 = 1.2815515655446004;

function normalBand(mu: number, kappa: number): [number, number] {
  const sd = Math.sqrt(mu + kappa * kappa * mu * mu);
  return [Math.max(0, mu - Z90 * sd), mu + Z90 * sd];
}

/**
 * p10 and p90 of a negative binomial with mean μ and variance μ + κ²μ² (Poisson arrivals whose
 * rate is itself uncertain by κ); exact for small means, normal approximation for large ones.
 */
/** A day's observed volume and the share of its intraday profile those observed intervals cover. */
function observedDay(y: Float64Array, d: number, spd: number, profile: Float64Array): { sum: number; cov: number } {
  let sum = 0;
  let cov = 0;
  for (let s = 0; s < spd; s++) {
    const v = y[d * spd + s];
    if (!Number.isNaN(v)) {
      sum += v;
      cov += profile[s];
    }
  }
  return { sum, cov };
}

export function humanQuantiles(mu: number, kappa: number): [number, number] {
  if (!(mu > 0)) return [0, 0];
  if (mu > 150) return normalBand(mu, kappa);
  // Negative binomial with shape r = 1/κ² (Poisson when κ → 0), summed from zero.
  const poisson = kappa < 1e-6;
  const r = poisson ? 0 : 1 / (kappa * kappa);
  const q = poisson ? 0 : mu / (r + mu);
  let logP = poisson ? -mu : r * Math.log(r / (r + mu));
  let cdf = Math.exp(logP);
  let p10 = cdf >= 0.1 ? 0 : -1;
  let k = 0;
  while (cdf < 0.9 && k < 100_000) {
    k++;
    logP += poisson ? Math.log(mu / k) : Math.log(((k - 1 + r) / k) * q);
    cdf += Math.exp(logP);
    if (p10 < 0 && cdf >= 0.1) p10 = k;
  }
  return [Math.max(0, p10), k];
}
