// The day level: recency-weighted level × weekday factor × month-turn effect, fitted robustly on day totals.
import { DAY_MS, type QueueSeries } from "./history";
import type { Tuning } from "./tuning";

export interface DayInfo {
  index: number;
  weekday: number;
  total: number;
  coverage: number;
}

export interface LevelFit {
  level: number;
  weekdayFactor: number[];
  turnEffect: number;
  /** Robust relative spread of day totals around the model (for the intraday prior). */
  spread: number;
}

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const v = [...values].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Mon–Fri days of the month on or before (from start) and on or after (from end) this day. */
export function isMonthTurn(ms: number): boolean {
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

/**
 * Day totals = level × weekday factor × (1 + month-turn effect). Weekday factors from weeks as
 * fixed effects; the month-turn effect (last and first three business days) against a running
 * median of ordinary days; holidays and outliers down-weighted (Huber); the level is a recency-
 * weighted mean of the adjusted totals.
 */
export function fitLevel(series: QueueSeries, days: DayInfo[], originDay: number, tuning: Tuning): LevelFit {
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
