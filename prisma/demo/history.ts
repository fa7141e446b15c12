// Twelve weeks of synthetic contact history for the demo queues: weekday and intraday peaks, a
// Black-Friday spike, total volume growing while the AI's containment ramps from ~45 % to ~65 %.
import { TZDate } from "@date-fns/tz";
import { createRandom } from "./random";
import type { DemoQueue } from "./queues";

export type HistoryRow = {
  intervalStart: Date;
  intervalMinutes: number;
  offered: number;
  aiResolved: number;
  ahtSeconds: number;
};

const INTERVAL_MINUTES = 15;
const DAY_MS = 24 * 3600_000;

// Relative contact intensity per local hour: a lunch peak and a larger evening peak for chat,
// office hours only for phone (0 = closed, so no row at all).
const CHAT_HOURLY = [
  0.16, 0.1, 0.07, 0.05, 0.05, 0.08, 0.2, 0.45, 0.75, 0.92, 0.98, 1.08, 1.25, 1.18, 0.98, 0.92, 0.92, 0.98, 1.08, 1.22, 1.3, 1.05, 0.66, 0.36,
];
const PHONE_HOURLY = [0, 0, 0, 0, 0, 0, 0, 0, 0.85, 1.15, 1.2, 1.08, 0.92, 1.02, 1.02, 0.96, 0.86, 0.72, 0.52, 0.36, 0, 0, 0, 0];
// Monday … Sunday (date-fns getDay: 0 = Sunday).
const WEEKDAY = [0.86, 1.16, 1.06, 1.0, 0.98, 1.02, 0.8];

/** The demo history runs through today (UTC): it ends at the start of tomorrow. */
export function historyEnd(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

function lastFridayOfNovember(year: number): string {
  const d = new Date(Date.UTC(year, 10, 30));
  while (d.getUTCDay() !== 5) d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function intradayShape(channel: DemoQueue["channel"], localHour: number, localMinute: number): number {
  const table = channel === "PHONE" ? PHONE_HOURLY : CHAT_HOURLY;
  const here = table[localHour];
  if (here === 0) return 0;
  // Linear interpolation inside the hour keeps the curve smooth at 15-minute resolution.
  const next = table[(localHour + 1) % 24] || here;
  return here + (next - here) * (localMinute / 60);
}

/**
 * History for one queue over [end − weeks, end), one row per open 15-minute interval.
 * Deterministic for a given queue, end and seed.
 */
export function generateHistory(queue: DemoQueue, end: Date, weeks: number, seed = 7): HistoryRow[] {
  const random = createRandom(seed ^ hashKey(queue.key));
  const days = weeks * 7;
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate()) - days * DAY_MS);
  const totalIntervals = (days * DAY_MS) / (INTERVAL_MINUTES * 60_000);
  const shapeSum = CHAT_HOURLY.reduce((a, b) => a + b, 0) * (60 / INTERVAL_MINUTES);
  const rows: HistoryRow[] = [];
  let dayLevel = 1;
  let currentDay = "";
  for (let i = 0; i < totalIntervals; i++) {
    const at = new Date(start.getTime() + i * INTERVAL_MINUTES * 60_000);
    const local = new TZDate(at.getTime(), queue.timeZone);
    const shape = intradayShape(queue.channel, local.getHours(), local.getMinutes());
    const dayKey = `${local.getFullYear()}-${local.getMonth()}-${local.getDate()}`;
    if (dayKey !== currentDay) {
      currentDay = dayKey;
      // Day-to-day wobble that forecasters cannot know in advance.
      dayLevel = Math.exp(0.06 * random.normal());
      const iso = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
      if (iso === lastFridayOfNovember(local.getFullYear())) dayLevel *= 2.3;
    }
    if (shape === 0) continue;
    const progress = i / totalIntervals;
    const growth = 1 + 0.1 * progress;
    const mean = (queue.dailyOffered / shapeSum) * shape * WEEKDAY[local.getDay()] * growth * dayLevel;
    const offered = random.poisson(mean);
    const [c0, c1] = queue.containment;
    const containment = Math.min(0.95, Math.max(0, c0 + (c1 - c0) * progress + 0.02 * random.normal()));
    const aiResolved = random.binomial(offered, containment);
    const [a0, a1] = queue.ahtSeconds;
    const ahtSeconds = Math.round((a0 + (a1 - a0) * progress) * Math.exp(0.05 * random.normal()));
    rows.push({ intervalStart: at, intervalMinutes: INTERVAL_MINUTES, offered, aiResolved, ahtSeconds });
  }
  return rows;
}

function hashKey(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return h >>> 0;
}
