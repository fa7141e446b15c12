// One queue's fitted model at one origin: opening hours, profiles, level, special days and containment, and the point forecast it makes.
import { calibrateKappa, FALLBACK_SPREAD, type Spread } from "./band";
import { fitContainment } from "./containment";
import { DAY_MS, type QueueSeries } from "./history";
import { intradayMultiplier } from "./intraday";
import { fitLevel, isMonthTurn, median, type DayInfo } from "./level";
import { normalise, observedDay, smooth, uniform } from "./profile";
import { SpecialDayEvidence, type ResolvedSpecialDay } from "./special-days";
import type { Tuning } from "./tuning";

/** How one calendar day is forecast: whose intraday profile, which day factor (weekday × special day). */
export interface DayPlan {
  weekday: number;
  factor: number;
}

/** The fitted model of one queue at one forecast origin: enough to forecast any later interval. */
export interface QueueModel {
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
  calendar: (day: number) => DayPlan;
}

export const weekdayOf = (series: QueueSeries, day: number) => new Date(series.firstDay + day * DAY_MS).getUTCDay();

export function pointForecast(model: QueueModel, t: number): { offered: number; sameDay: boolean } {
  const s = model.series;
  const day = Math.floor((t - s.firstDay) / DAY_MS);
  const slot = Math.round((t - s.firstDay - day * DAY_MS - s.phaseMs) / (s.intervalMinutes * 60_000));
  const plan = model.calendar(day);
  const profile = model.profiles[plan.weekday];
  if (!profile || plan.factor === 0) return { offered: 0, sameDay: false };
  const turn = isMonthTurn(s.firstDay + day * DAY_MS) ? model.turnEffect : 0;
  let total = model.level * plan.factor * (1 + turn);
  const sameDay = day === model.originDay && model.originDayMultiplier !== 1;
  if (sameDay) total *= model.originDayMultiplier;
  return { offered: Math.max(0, total * profile[slot]), sameDay };
}

export function fitQueue(series: QueueSeries, start: number, tuning: Tuning, special: Map<number, ResolvedSpecialDay> = new Map()): QueueModel {
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

  // Special days and the day after them are not ordinary days: they stay out of profiles and levels.
  const unusual = new Set<number>();
  for (const d of special.keys()) {
    unusual.add(d);
    unusual.add(d + 1);
  }

  // Intraday profiles: weighted mean of each day's interval/day-level share, two passes so partial days get a fair level.
  let profiles: (Float64Array | null)[] = open.map((o, w) => (closed[w] ? null : uniform(o)));
  const dayWeight = (d: number) => Math.pow(tuning.profileDecay, (originDay - d) / 7);
  for (let pass = 0; pass < 2; pass++) {
    const ownSum = Array.from({ length: 7 }, () => new Float64Array(spd));
    const ownW = Array.from({ length: 7 }, () => new Float64Array(spd));
    for (let d = 0; d < lastFullDay; d++) {
      const w = weekdayOf(series, d);
      const p = profiles[w];
      if (!p || unusual.has(d)) continue;
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
    if (!p || unusual.has(d)) continue;
    const { sum, cov } = observedDay(y, d, spd, p);
    if (cov >= 0.5) days.push({ index: d, weekday: w, total: sum / cov, coverage: cov });
  }
  const levelFit = fitLevel(series, days, originDay, tuning);

  const firstObserved = days.length ? days[0].index : lastFullDay;
  const evidence = specialDayEvidence(series, y, spd, special, days, profiles, levelFit.weekdayFactor, firstObserved, lastFullDay);
  const calendar = dayCalendar(series, special, evidence, closed, levelFit.weekdayFactor);

  // Intraday: the origin day's actuals so far scale the rest of that day (gamma–Poisson posterior mean).
  const originDayMultiplier = intradayMultiplier({
    y,
    spd,
    originDay,
    originSlots,
    observedDays: series.days,
    profile: profiles[calendar(originDay).weekday],
    expectedDay: levelFit.level * calendar(originDay).factor * (isMonthTurn(series.firstDay + originDay * DAY_MS) ? 1 + levelFit.turnEffect : 1),
    spread: levelFit.spread,
    halfLifeSlots: (tuning.intradayHalfLifeHours * 60) / series.intervalMinutes,
  });

  return {
    series,
    originDay,
    profiles,
    weekdayFactor: levelFit.weekdayFactor,
    turnEffect: levelFit.turnEffect,
    level: levelFit.level,
    originDayMultiplier,
    calendar,
    containment: fitContainment(y, ai, spd, originDay, originSlots, tuning),
  };
}

/**
 * What the history says about each special day it contains: the ratio of its volume to an ordinary
 * day of that weekday around it (the median of nearby ordinary days), or 0 if a normally open day
 * is missing altogether (closed).
 */
function specialDayEvidence(
  series: QueueSeries,
  y: Float64Array,
  spd: number,
  special: Map<number, ResolvedSpecialDay>,
  days: DayInfo[],
  profiles: (Float64Array | null)[],
  weekdayFactor: number[],
  firstObserved: number,
  lastFullDay: number,
): SpecialDayEvidence {
  const evidence = new SpecialDayEvidence();
  for (const [d, day] of [...special].sort((a, b) => a[0] - b[0])) {
    if (d < firstObserved || d >= lastFullDay) continue;
    const w = weekdayOf(series, d);
    const p = profiles[w];
    if (!p) continue;
    const { sum, cov } = observedDay(y, d, spd, p);
    if (cov === 0) {
      evidence.add(day, 0);
      continue;
    }
    if (cov < 0.5) continue;
    const near = days.filter((o) => Math.abs(o.index - d) <= 14).map((o) => o.total / weekdayFactor[o.weekday]);
    if (near.length < 3) continue;
    evidence.add(day, sum / cov / (median(near) * weekdayFactor[w]));
  }
  return evidence;
}

/**
 * The plan of each calendar day. A special day scales its weekday's factor by its multiplier. For
 * queues that close every week, the first open day after a special closure is a re-opening day:
 * it takes the profile and (if larger) the factor of the week's first open day, since both follow
 * a closure and carry what could not be handled during it (the bank's Tuesday after Memorial Day
 * looks like a Monday).
 */
function dayCalendar(
  series: QueueSeries,
  special: Map<number, ResolvedSpecialDay>,
  evidence: SpecialDayEvidence,
  closed: boolean[],
  weekdayFactor: number[],
): (day: number) => DayPlan {
  const closesWeekly = closed.some(Boolean) && !closed.every(Boolean);
  const openFactors = weekdayFactor.filter((_, w) => !closed[w]);
  const quietestFactor = openFactors.length ? Math.min(...openFactors) : 1;
  // The week's first open day: open, after a weekday the queue is always closed.
  const reopening = closesWeekly ? [0, 1, 2, 3, 4, 5, 6].find((w) => !closed[w] && closed[(w + 6) % 7]) : undefined;
  const cache = new Map<number, DayPlan>();
  const multiplierOf = (d: number): number | undefined => {
    const day = special.get(d);
    if (!day) return undefined;
    const w = weekdayOf(series, d);
    return evidence.multiplier(day, quietestFactor / weekdayFactor[w], closesWeekly);
  };
  return (d: number) => {
    const hit = cache.get(d);
    if (hit) return hit;
    const weekday = weekdayOf(series, d);
    let plan: DayPlan = { weekday, factor: weekdayFactor[weekday] };
    const m = multiplierOf(d);
    if (m !== undefined) plan = { weekday, factor: weekdayFactor[weekday] * m };
    else if (reopening !== undefined && !closed[weekday] && weekday !== reopening) {
      let afterClosure = false;
      for (let k = d - 1; k >= d - 7; k--) {
        const mk = multiplierOf(k);
        if (mk === 0) afterClosure = true;
        else if (!closed[weekdayOf(series, k)]) break;
      }
      if (afterClosure) plan = { weekday: reopening, factor: Math.max(weekdayFactor[weekday], weekdayFactor[reopening]) };
    }
    cache.set(d, plan);
    return plan;
  };
}

/**
 * Relative spread κ of human demand beyond Poisson noise (variance μ + κ²μ²), calibrated so that a
 * 14-day backtest ending at the origin has 80 % of its actuals inside the p10–p90 band.
 */
export function calibrateSpread(series: QueueSeries, start: number, tuning: Tuning, special: Map<number, ResolvedSpecialDay>): Spread {
  const originDay = Math.floor((start - series.firstDay) / DAY_MS);
  const testDays = 14;
  const backOrigin = Math.min(originDay, series.days) - testDays;
  if (backOrigin < 28) return FALLBACK_SPREAD;
  const model = fitQueue(series, series.firstDay + backOrigin * DAY_MS, tuning, special);
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
  return calibrateKappa(mus, ys);
}
