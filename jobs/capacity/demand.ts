// Long-range demand: contact history turned into weekly scheduled agent-hours per queue and band, the `required` of a capacity plan.
import { TZDate } from "@date-fns/tz";
import { InputError } from "../input-error";
import type { HistoryRow } from "../forecast/history";
import { requiredAgents } from "../forecast/requirement";
import { forecast } from "../forecast/forecast";
import { minutesOfDay, type OpeningHours } from "../planning/calendar";

/** A part of the week: local weekdays (0 = Monday, as in planning/calendar.ts) and a local hour range [fromHour, toHour). */
export interface DemandBand {
  id: string;
  weekdays: number[];
  fromHour: number;
  toHour: number;
}

/** One queue as the app holds it: its history and the settings the forecast and requirement code take. */
export interface DemandQueueInput {
  id: string;
  /** This queue's rows of the contract's history (wfm-cli.md §2); other queues' rows are ignored. */
  history: HistoryRow[];
  serviceLevel: number;
  answerSeconds: number;
  /** Human handle time; default the human-weighted mean of the history's aht_seconds. */
  ahtSeconds?: number;
  maxOccupancy?: number;
  shrinkage?: number;
  concurrency?: number;
  patienceSeconds?: number;
  /** Per weekday (0 = Monday) the open ranges, local "HH:mm"; default: open whenever the history has contacts. */
  openingHours?: OpeningHours;
  /** IANA zone of opening hours and bands (default UTC). */
  timeZone?: string;
  /** Scenario: containment (ai_resolved / offered) reaches `target` on `byDate` (YYYY-MM-DD), linearly from today's, then stays. */
  containment?: { target: number; byDate: string };
  /** Multiplier of forecast offered volume (a manager's growth assumption), as the forecast's --volume-factor. */
  volumeFactor?: number;
}

export interface LongRangeDemandInput {
  /** Monday of week 0 (YYYY-MM-DD, local to each queue's zone). */
  start: string;
  weeks: number;
  bands: DemandBand[];
  queues: DemandQueueInput[];
  tuning?: Partial<DemandTuning>;
}

export interface QueueDemandDetail {
  id: string;
  /** Forecast offered contacts per week. */
  offered: number[];
  /** Containment per week. */
  containment: number[];
  /** Human contacts per week: offered × (1 − containment). */
  human: number[];
  ahtSeconds: number;
  /** Share of the week's workload falling in each band (representative week). */
  bandShare: number[];
  /** Required scheduled agent-hours ÷ workload hours per band, at the first week's volume. */
  serviceFactor: number[];
  /** Share of the representative week's workload outside every band (dropped from `required`). */
  unbandedShare: number;
}

export interface LongRangeDemand {
  /** Exactly the `queues` of a capacity plan: `required[w][b]` scheduled agent-hours. */
  queues: { id: string; required: number[][] }[];
  detail: QueueDemandDetail[];
}

export interface DemandTuning {
  /** Half-life in days of a past day's weight in the forecast's level (the operational forecast uses 10). */
  levelHalfLifeDays: number;
  /** Half-life in weeks of a past week's weight in the volume trend. */
  trendHalfLifeWeeks: number;
  /** Weekly damping of the volume trend beyond the history (0: flat, 1: straight line). */
  trendDamping: number;
  /** Smallest |t| of the fitted slope for the trend to be carried (3, not 2: weekly residuals are autocorrelated, which inflates t). */
  trendMinT: number;
  /** Share of last year's seasonal deviation carried into the forecast (history > 1 year). */
  seasonalWeight: number;
  /** Full weeks of history that make the representative week. */
  profileWeeks: number;
  /** Volume levels at which the representative week is staffed (the rest interpolated). */
  staffingLevels: number;
}

export const DEFAULT_DEMAND_TUNING: DemandTuning = {
  levelHalfLifeDays: 42,
  trendHalfLifeWeeks: 13,
  trendDamping: 0.8,
  trendMinT: 3,
  seasonalWeight: 0.7,
  profileWeeks: 4,
  staffingLevels: 9,
};

const DAY_MS = 86_400_000;
const WEEK_DAYS = 7;

/** Zone offset in ms (local − UTC), cached per 15 minutes of UTC: every zone's changes fall on a quarter hour, and TZDate is slow. */
const offsets = new Map<string, Map<number, number>>();
function offsetMs(ms: number, timeZone: string): number {
  if (timeZone === "UTC") return 0;
  let cache = offsets.get(timeZone);
  if (!cache) offsets.set(timeZone, (cache = new Map()));
  const key = Math.floor(ms / 900_000);
  let v = cache.get(key);
  if (v === undefined) {
    v = -new TZDate(key * 900_000, timeZone).getTimezoneOffset() * 60_000;
    cache.set(key, v);
  }
  return v;
}

/** Local day number (days since 1970-01-01 in the zone) of an instant. */
function localDay(ms: number, timeZone: string): number {
  return Math.floor((ms + offsetMs(ms, timeZone)) / DAY_MS);
}

function localMinute(ms: number, timeZone: string): number {
  const local = ms + offsetMs(ms, timeZone);
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / 60_000);
}

function parseDay(text: string, field: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || !Number.isFinite(ms) || new Date(ms).getUTCDate() !== Number(m[3])) throw new InputError(`${field}: "${text}" is not a date YYYY-MM-DD`);
  return ms / DAY_MS;
}

/**
 * Weekly scheduled agent-hours per queue and band for `weeks` weeks from `start`.
 *
 * Offered volume: weekly totals (scaled up for days missing from a week) with an exponentially
 * weighted level and a damped trend, times a yearly index when more than a year of history exists.
 * Containment: the history's weighted trend, damped (the forecast's ramp), or the scenario. Human
 * workload = offered × (1 − containment) × AHT. A representative week (the last full weeks' intraday
 * shape, inside opening hours) is staffed interval by interval with the Erlang maths at a few volume
 * levels; required hours per band ÷ workload hours is the service factor, so small queues carry
 * their real inefficiency, and shrinkage is applied as the requirement code applies it.
 */
export function longRangeDemand(input: LongRangeDemandInput): LongRangeDemand {
  const tuning = { ...DEFAULT_DEMAND_TUNING, ...input.tuning };
  if (!Number.isInteger(input.weeks) || input.weeks <= 0) throw new InputError(`weeks: expected a positive whole number, got ${input.weeks}`);
  const startDay = parseDay(input.start, "start");
  if (!input.bands.length) throw new InputError("bands: at least one band is needed");
  input.bands.forEach((b, i) => {
    if (!b.weekdays.length || b.weekdays.some((d) => !Number.isInteger(d) || d < 0 || d > 6))
      throw new InputError(`bands[${i}].weekdays: expected weekdays 0 (Monday) to 6`);
    if (!(b.fromHour >= 0 && b.toHour <= 24 && b.fromHour < b.toHour)) throw new InputError(`bands[${i}]: expected 0 ≤ fromHour < toHour ≤ 24`);
  });
  const detail: QueueDemandDetail[] = [];
  const queues = input.queues.map((q, qi) => {
    const d = queueDemand(q, `queues[${qi}]`, startDay, input.weeks, input.bands, tuning);
    detail.push(d.detail);
    return { id: q.id, required: d.required };
  });
  return { queues, detail };
}

function queueDemand(q: DemandQueueInput, field: string, startDay: number, weeks: number, bands: DemandBand[], tuning: DemandTuning) {
  const tz = q.timeZone ?? "UTC";
  try {
    new TZDate(0, tz).getHours();
  } catch {
    throw new InputError(`${field}.timeZone: unknown time zone "${tz}"`);
  }
  if (!(q.serviceLevel >= 0 && q.serviceLevel < 1)) throw new InputError(`${field}.serviceLevel: expected a share in [0, 1)`);
  if (q.containment && !(q.containment.target >= 0 && q.containment.target < 1))
    throw new InputError(`${field}.containment.target: expected a share in [0, 1)`);
  const rows = q.history.filter((r) => r.queue === q.id && r.intervalStart < startDay * DAY_MS + 0);
  if (!rows.length) throw new InputError(`${field}.history: no rows for queue ${q.id} before the start`);

  // Interval length: the smallest step between distinct starts (the history parser has checked uniformity).
  const starts = [...new Set(rows.map((r) => r.intervalStart))].sort((a, b) => a - b);
  let stepMs = Infinity;
  for (let i = 1; i < starts.length; i++) stepMs = Math.min(stepMs, starts[i] - starts[i - 1]);
  const intervalMinutes = Number.isFinite(stepMs) ? Math.min(60, Math.max(5, Math.round(stepMs / 60_000))) : 60;

  // Weekly totals, week index relative to the horizon's start (negative in the past).
  const byWeek = new Map<number, { offered: number; ai: number; days: Set<number> }>();
  const dayTotals = new Map<number, number>();
  let ahtWeight = 0;
  let ahtSum = 0;
  for (const r of rows) {
    const day = localDay(r.intervalStart, tz);
    const week = Math.floor((day - startDay) / WEEK_DAYS);
    let wk = byWeek.get(week);
    if (!wk) byWeek.set(week, (wk = { offered: 0, ai: 0, days: new Set() }));
    wk.offered += r.offered;
    wk.ai += r.aiResolved;
    if (r.offered > 0) wk.days.add(day);
    dayTotals.set(day, (dayTotals.get(day) ?? 0) + r.offered);
    if (r.ahtSeconds !== null && r.ahtSeconds > 0) {
      const human = r.offered - r.aiResolved;
      ahtWeight += human;
      ahtSum += human * r.ahtSeconds;
    }
  }
  const aht = q.ahtSeconds ?? (ahtWeight > 0 ? ahtSum / ahtWeight : NaN);
  if (!(aht > 0)) throw new InputError(`${field}.ahtSeconds: not given and the history has no aht_seconds`);

  // Open weekdays: those with contacts in at least half of the weeks seen.
  const weekList = [...byWeek.keys()].sort((a, b) => a - b);
  const weekdaySeen = new Array<number>(7).fill(0);
  for (const day of dayTotals.keys()) if ((dayTotals.get(day) ?? 0) > 0) weekdaySeen[(((day + 3) % 7) + 7) % 7]++; // 1970-01-01 was a Thursday (3)
  const openDays = Math.max(1, weekdaySeen.filter((n) => n >= weekList.length / 2).length);
  // Weeks at the edges of the history are partial; scale every week to its open days (missing days read as closed-for-a-holiday).
  const series = weekList.map((w) => {
    const wk = byWeek.get(w)!;
    const seen = Math.max(1, wk.days.size);
    return {
      week: w,
      offered: (wk.offered * openDays) / Math.min(openDays, seen),
      share: wk.offered > 0 ? wk.ai / wk.offered : 0,
      days: seen,
      raw: wk.offered,
    };
  });
  // Drop a partial first week (it may start mid-week) when there are others.
  const full = series.length > 2 && series[0].days < openDays ? series.slice(1) : series;

  // The operational forecast (jobs/forecast: weekday factors, month turns, holiday-robust level, the
  // containment ramp) run over the whole horizon with a long-range level memory, summed per week.
  const startMs = startDay * DAY_MS;
  const daily = forecast(rows, {
    start: startMs,
    days: weeks * WEEK_DAYS,
    // Flat level: this function carries a trend itself, only where the history shows a clear one.
    tuning: { levelHalfLifeDays: tuning.levelHalfLifeDays, levelTrend: 0 },
  });
  const fOffered = new Array<number>(weeks).fill(0);
  const fAi = new Array<number>(weeks).fill(0);
  for (const r of daily) {
    const w = Math.floor((localDay(r.intervalStart, tz) - startDay) / WEEK_DAYS);
    if (w < 0 || w >= weeks) continue;
    fOffered[w] += r.offered;
    fAi[w] += r.aiResolved;
  }
  // Trend: the weekly series' weighted slope, carried into the horizon with damping (the forecast itself is flat).
  const last = full[full.length - 1].week;
  const line = weightedLine(
    full.map((s) => s.week - last),
    full.map((s) => s.offered),
    full.map((s) => Math.pow(0.5, (last - s.week) / tuning.trendHalfLifeWeeks)),
  );
  // Only a trend the history shows clearly (|t| ≥ 2) is carried: week-to-week noise must not become a slope.
  const phi = Math.abs(line.t) >= tuning.trendMinT ? tuning.trendDamping : 0;
  const trend = (ahead: number) =>
    line.level > 0 && phi > 0 ? 1 + (line.slope * (phi === 1 ? ahead : (phi * (1 - Math.pow(phi, ahead))) / (1 - phi))) / line.level : 1;
  // Yearly seasonality from more than a year of history: the same weeks a year earlier against the year's mean, relative to now.
  const byIndex = new Map(full.map((s) => [s.week, s.offered]));
  const yearAgo = (w: number): number | undefined => {
    const near = [w - 53, w - 52, w - 51].map((x) => byIndex.get(x)).filter((v): v is number => v !== undefined);
    return near.length ? near.reduce((a, b) => a + b, 0) / near.length : undefined;
  };
  const yearMean = full.filter((s) => s.week > last - 52).reduce((a, s) => a + s.offered, 0) / Math.max(1, full.filter((s) => s.week > last - 52).length);
  const seasonal = full.length >= 56 && yearMean > 0;
  const index = (w: number) => {
    const v = seasonal ? yearAgo(w) : undefined;
    return v === undefined ? 1 : 1 + tuning.seasonalWeight * (v / yearMean - 1);
  };
  const indexNow = [0, 1, 2, 3].reduce((a, k) => a + index(last - k), 0) / 4;
  const factor = q.volumeFactor ?? 1;
  const offered = fOffered.map((o, w) => Math.max(0, o * trend(w - last) * (index(w) / indexNow) * factor));

  // Containment: the forecast's ramp, or the scenario's straight line from today's rate to its target.
  const ramp = fOffered.map((o, w) => (o > 0 ? fAi[w] / o : 0));
  const byWeekTarget = q.containment ? (parseDay(q.containment.byDate, `${field}.containment.byDate`) - startDay) / WEEK_DAYS : 0;
  const containment = ramp.map((c, w) => {
    if (!q.containment) return c;
    const t = byWeekTarget <= 0 ? 1 : Math.min(1, w / byWeekTarget);
    return ramp[0] + (q.containment.target - ramp[0]) * t;
  });
  const human = offered.map((o, w) => o * (1 - containment[w]));

  // Representative week: mean human contacts per local slot of the week over the last weeks, each weekday's
  // slots divided by the days of that weekday seen (the last week is often partial: the history ends today,
  // so a plain sum over weeks under-weighted the weekend by a quarter; decision 095). A last day that ends
  // before midnight (today, so far) is left out.
  const slotsPerDay = (24 * 60) / intervalMinutes;
  const profileFrom = last - tuning.profileWeeks + 1;
  const slotDemand = new Float64Array(7 * slotsPerDay);
  const lastStart = rows.reduce((m, r) => Math.max(m, r.intervalStart), -Infinity);
  const partialDay = localMinute(lastStart, tz) + intervalMinutes < 24 * 60 ? localDay(lastStart, tz) : null;
  const daysSeen = Array.from({ length: 7 }, () => new Set<number>());
  for (const r of rows) {
    const day = localDay(r.intervalStart, tz);
    const week = Math.floor((day - startDay) / WEEK_DAYS);
    if (week < profileFrom || week > last || day === partialDay) continue;
    const weekday = (((day + 3) % 7) + 7) % 7;
    daysSeen[weekday].add(day);
    const slot = weekday * slotsPerDay + Math.floor(localMinute(r.intervalStart, tz) / intervalMinutes);
    slotDemand[slot] += r.offered - r.aiResolved;
  }
  for (let s = 0; s < slotDemand.length; s++) slotDemand[s] /= Math.max(1, daysSeen[Math.floor(s / slotsPerDay)].size);
  const openMask = q.openingHours ? openSlots(q.openingHours, intervalMinutes) : null;
  let total = 0;
  for (let s = 0; s < slotDemand.length; s++) {
    if (openMask && !openMask[s]) slotDemand[s] = 0;
    total += slotDemand[s];
  }
  if (!(total > 0)) throw new InputError(`${field}.history: no human contacts in the last ${tuning.profileWeeks} weeks (inside opening hours)`);
  const profile = Array.from(slotDemand, (v) => v / total);
  const bandOfSlot = Array.from(profile, (_, s) => {
    const weekday = Math.floor(s / slotsPerDay);
    const hour = ((s % slotsPerDay) * intervalMinutes) / 60;
    return bands.findIndex((b) => b.weekdays.includes(weekday) && hour >= b.fromHour && hour < b.toHour);
  });

  // Staff the representative week at a few volume levels; interpolate required hours per band in between.
  const params = {
    ahtSeconds: aht,
    serviceLevel: q.serviceLevel,
    answerSeconds: q.answerSeconds,
    maxOccupancy: q.maxOccupancy,
    shrinkage: q.shrinkage,
    concurrency: q.concurrency,
    patienceSeconds: q.patienceSeconds,
  };
  const workloadHours = (contacts: number) => (contacts * aht) / 3600 / (q.concurrency ?? 1);
  const staffWeek = (volume: number): number[] => {
    const demand = profile.map((p) => p * volume);
    const agents = requiredAgents(demand, intervalMinutes, params);
    const hours = bands.map(() => 0);
    agents.forEach((a, s) => {
      if (bandOfSlot[s] >= 0 && demand[s] > 0) hours[bandOfSlot[s]] += (a.scheduledAgents * intervalMinutes) / 60;
    });
    return hours;
  };
  const lo = Math.max(1e-6, Math.min(...human));
  const hi = Math.max(lo * 1.0001, Math.max(...human));
  const levels = Array.from({ length: tuning.staffingLevels }, (_, i) => lo * Math.pow(hi / lo, i / Math.max(1, tuning.staffingLevels - 1)));
  const staffed = levels.map(staffWeek);
  const required = human.map((v) => {
    let i = 0;
    while (i < levels.length - 2 && v > levels[i + 1]) i++;
    const t = levels[i + 1] > levels[i] ? Math.min(1, Math.max(0, (v - levels[i]) / (levels[i + 1] - levels[i]))) : 0;
    return bands.map((_, b) => round1(staffed[i][b] + (staffed[i + 1 < levels.length ? i + 1 : i][b] - staffed[i][b]) * t));
  });

  const bandShare = bands.map(() => 0);
  let unbanded = 0;
  profile.forEach((p, s) => (bandOfSlot[s] >= 0 ? (bandShare[bandOfSlot[s]] += p) : (unbanded += p)));
  const first = staffWeek(human[0]);
  const serviceFactor = bands.map((_, b) => (bandShare[b] > 0 ? first[b] / workloadHours(human[0] * bandShare[b]) : 0));
  return {
    required,
    detail: { id: q.id, offered, containment, human, ahtSeconds: aht, bandShare, serviceFactor, unbandedShare: unbanded } satisfies QueueDemandDetail,
  };
}

/** Weighted least-squares line y ≈ level + slope × x (level at x = 0); a flat line with fewer than 3 points. */
function weightedLine(x: number[], y: number[], w: number[]): { level: number; slope: number; t: number } {
  let sw = 0,
    sx = 0,
    sy = 0;
  for (let i = 0; i < x.length; i++) {
    sw += w[i];
    sx += w[i] * x[i];
    sy += w[i] * y[i];
  }
  if (sw <= 0) return { level: 0, slope: 0, t: 0 };
  const mx = sx / sw;
  const my = sy / sw;
  if (x.length < 3) return { level: my, slope: 0, t: 0 };
  let sxx = 0,
    sxy = 0;
  for (let i = 0; i < x.length; i++) {
    sxx += w[i] * (x[i] - mx) ** 2;
    sxy += w[i] * (x[i] - mx) * (y[i] - my);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const level = my - slope * mx;
  // Standard error of the slope with the weights' effective sample size (Kish).
  let sww = 0,
    rss = 0;
  for (let i = 0; i < x.length; i++) {
    sww += w[i] * w[i];
    rss += w[i] * (y[i] - level - slope * x[i]) ** 2;
  }
  const nEff = (sw * sw) / sww;
  const se = sxx > 0 && nEff > 2 ? Math.sqrt(((rss / sw) * (nEff / (nEff - 2))) / (sxx / sw) / nEff) : Infinity;
  return { level, slope, t: se > 0 ? slope / se : 0 };
}

function openSlots(hours: OpeningHours, intervalMinutes: number): boolean[] {
  const slotsPerDay = (24 * 60) / intervalMinutes;
  const mask = new Array<boolean>(7 * slotsPerDay).fill(false);
  hours.forEach((ranges, day) => {
    for (const [from, to] of ranges) {
      for (let m = minutesOfDay(from); m < minutesOfDay(to); m += intervalMinutes) mask[day * slotsPerDay + Math.floor(m / intervalMinutes)] = true;
    }
  });
  return mask;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
