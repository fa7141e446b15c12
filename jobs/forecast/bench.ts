// `npm run bench` (forecast part): accuracy, band coverage, intraday, synthetic AI and speed figures, reproducibly.
import { existsSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { DAY_MS, formatInstant, groupByQueue, parseHistoryCsv, type HistoryRow } from "./history";
import { forecast, formatForecastCsv, type ForecastRow, type Tuning } from "./forecast";

// From the main checkout the data is ../shared; from a worktree under wt/ it is ../../shared.
const BANK = ["../shared/data/bank_calls.csv", "../../shared/data/bank_calls.csv"].find((p) => existsSync(p)) ?? "../shared/data/bank_calls.csv";
const TRAIN_DAYS = 45;
const TEST_DAYS = 15;

/** Deterministic PRNG (mulberry32) so every run prints the same figures. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function binomial(n: number, p: number, rand: () => number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rand() < p) k++;
  return k;
}

function poisson(mean: number, rand: () => number): number {
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rand)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k++;
    p *= rand();
  }
  return k;
}

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
}

function toCsv(rows: HistoryRow[]): string {
  const lines = ["interval_start,queue,offered,ai_resolved,aht_seconds"];
  for (const r of rows) lines.push(`${formatInstant(r.intervalStart)},${r.queue},${r.offered},${r.aiResolved},${r.ahtSeconds ?? ""}`);
  return lines.join("\n") + "\n";
}

function loadBank(): HistoryRow[] {
  const lines = readFileSync(BANK, "utf8").trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const [, dateTime, calls] = line.split(",").map((c) => c.replace(/"/g, ""));
    return { intervalStart: Date.parse(dateTime), queue: "bank", offered: Number(calls), aiResolved: 0, ahtSeconds: null };
  });
}

/** The synthetic AI of issue 6: containment rising linearly from 30 % to 60 % across the file, ai_resolved binomial. */
function withSyntheticAi(rows: HistoryRow[]): HistoryRow[] {
  const rand = random(20260501);
  const first = rows[0].intervalStart;
  const last = rows[rows.length - 1].intervalStart;
  return rows.map((r) => {
    const c = 0.3 + (0.3 * (r.intervalStart - first)) / (last - first);
    return { ...r, aiResolved: binomial(r.offered, c, rand) };
  });
}

const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

interface Split {
  train: HistoryRow[];
  test: HistoryRow[];
  start: number;
  calendarDays: number;
  testDays: number[];
}

/** Train on the file's first `trainDays` days, test on the next TEST_DAYS (the announced split is trainDays = 45). */
function split(rows: HistoryRow[], trainDays = TRAIN_DAYS): Split {
  const days = [...new Set(rows.map((r) => dayOf(r.intervalStart)))].sort((a, b) => a - b);
  const testDays = days.slice(trainDays, trainDays + TEST_DAYS);
  const start = testDays[0] * DAY_MS;
  const end = (testDays[testDays.length - 1] + 1) * DAY_MS;
  return {
    train: rows.filter((r) => r.intervalStart < start),
    test: rows.filter((r) => r.intervalStart >= start && r.intervalStart < end),
    start,
    calendarDays: (end - start) / DAY_MS,
    testDays,
  };
}

type Pick = (r: { offered: number; aiResolved: number }) => number;
const offeredOf: Pick = (r) => r.offered;
const humanOf: Pick = (r) => r.offered - r.aiResolved;

/** Σ|error| / Σ actual over the actual rows. */
function wmape(actual: HistoryRow[], predicted: Map<number, number>, pick: Pick): number {
  let error = 0;
  let total = 0;
  for (const r of actual) {
    error += Math.abs((predicted.get(r.intervalStart) ?? 0) - pick(r));
    total += pick(r);
  }
  return error / total;
}

function coverage(actual: HistoryRow[], rows: ForecastRow[], pick: Pick): number {
  const byTime = new Map(rows.map((r) => [r.intervalStart, r]));
  let inside = 0;
  for (const r of actual) {
    const f = byTime.get(r.intervalStart)!;
    if (pick(r) >= f.humanP10 && pick(r) <= f.humanP90) inside++;
  }
  return inside / actual.length;
}

/** Same weekday and time of day, from the last `weeks` weeks of training that have it. */
function weeklyAverage(s: Split, weeks: number, pick: Pick): Map<number, number> {
  const train = new Map(s.train.map((r) => [r.intervalStart, pick(r)]));
  const out = new Map<number, number>();
  for (const r of s.test) {
    const values: number[] = [];
    for (let k = 1; values.length < weeks && k < 60; k++) {
      const t = r.intervalStart - k * 7 * DAY_MS;
      if (t >= s.start) continue;
      const v = train.get(t);
      if (v !== undefined) values.push(v);
    }
    out.set(r.intervalStart, values.reduce((a, b) => a + b, 0) / Math.max(1, values.length));
  }
  return out;
}

const pct = (v: number) => `${(100 * v).toFixed(2)} %`;

/** The bank is a US call centre: its holidays come from the engine's US calendar (Memorial Day falls in the announced test window). */
const COUNTRY = "US";

function runForecast(rows: HistoryRow[], start: number, days: number, tuning?: Partial<Tuning>): ForecastRow[] {
  return forecast(rows, { start, days, tuning, country: COUNTRY });
}

function accuracy(label: string, rows: HistoryRow[], pick: Pick, target: string): void {
  const s = split(rows);
  const fc = runForecast(s.train, s.start, s.calendarDays);
  const ours = wmape(s.test, new Map(fc.map((r) => [r.intervalStart, pick === humanOf ? r.human : r.offered])), pick);
  const naive = wmape(s.test, weeklyAverage(s, 1, pick), pick);
  const four = wmape(s.test, weeklyAverage(s, 4, pick), pick);
  console.log(`\n${label}: train ${TRAIN_DAYS} days, forecast the next ${TEST_DAYS} (${s.test.length} five-minute bins)`);
  console.log(`  seasonal naive (last same weekday)   ${pct(naive)}`);
  console.log(`  4-week same-weekday average          ${pct(four)}`);
  console.log(`  Handoff forecast                     ${pct(ours)}   ${target}`);
  console.log(`  improvement on the 4-week average    ${pct(1 - ours / four)}`);
  console.log(`  p10–p90 band coverage of ${(pick === humanOf ? "human" : "offered").padEnd(8)}  ${pct(coverage(s.test, fc, pick))}   (target about 80 %)`);
}

/**
 * Rolling origins: the announced split, then every 15 observed days until the file ends (the last
 * one ends with the file). Target on each: at least 10 % better than the 4-week average, i.e. an
 * error ratio ≤ 0.90. With and without the holiday calendar, so its effect is visible.
 */
function rollingOrigins(rows: HistoryRow[]): void {
  const dayCount = new Set(rows.map((r) => dayOf(r.intervalStart))).size;
  const origins: number[] = [];
  for (let o = TRAIN_DAYS; o + TEST_DAYS <= dayCount; o += TEST_DAYS) origins.push(o);
  if (origins[origins.length - 1] !== dayCount - TEST_DAYS) origins.push(dayCount - TEST_DAYS);
  console.log(
    `\nRolling origins, offered volume: train on all days before the origin, forecast the next ${TEST_DAYS} (target: ratio to the 4-week average ≤ 0.90 on every one)`,
  );
  console.log("  origin (day)      4-week    Handoff   ratio   no calendar   band");
  let worst = 0;
  for (const o of origins) {
    const s = split(rows, o);
    const fc = runForecast(s.train, s.start, s.calendarDays);
    const plain = forecast(s.train, { start: s.start, days: s.calendarDays });
    const ours = wmape(s.test, new Map(fc.map((r) => [r.intervalStart, r.offered])), offeredOf);
    const without = wmape(s.test, new Map(plain.map((r) => [r.intervalStart, r.offered])), offeredOf);
    const four = wmape(s.test, weeklyAverage(s, 4, offeredOf), offeredOf);
    worst = Math.max(worst, ours / four);
    const date = formatInstant(s.start).slice(0, 10);
    console.log(
      `  ${date} (${String(o).padStart(3)})  ${pct(four).padStart(8)}  ${pct(ours).padStart(8)}   ${(ours / four).toFixed(3)}   ${pct(without).padStart(8)}   ${pct(coverage(s.test, fc, offeredOf)).padStart(8)}`,
    );
  }
  console.log(`  worst ratio ${worst.toFixed(3)}   ${worst <= 0.9 ? "(target met)" : "(TARGET MISSED)"}`);
}

function intraday(rows: HistoryRow[]): void {
  const s = split(rows);
  let error = 0;
  let total = 0;
  let inside = 0;
  let count = 0;
  let dayAhead = 0;
  for (const day of s.testDays) {
    const at = day * DAY_MS + 13 * 3_600_000;
    const close = day * DAY_MS + 21 * 3_600_000;
    const history = rows.filter((r) => r.intervalStart < at);
    const fc = runForecast(history, at, 1);
    const previous = runForecast(
      rows.filter((r) => r.intervalStart < day * DAY_MS),
      day * DAY_MS,
      1,
    );
    const byTime = new Map(fc.map((r) => [r.intervalStart, r]));
    const before = new Map(previous.map((r) => [r.intervalStart, r.offered]));
    for (const r of rows) {
      if (r.intervalStart < at || r.intervalStart >= close) continue;
      const f = byTime.get(r.intervalStart)!;
      error += Math.abs(f.offered - r.offered);
      dayAhead += Math.abs(before.get(r.intervalStart)! - r.offered);
      total += r.offered;
      if (r.offered >= f.humanP10 && r.offered <= f.humanP90) inside++;
      count++;
    }
  }
  console.log(`\nIntraday re-forecast at 13:00 with that morning's actuals, over 13:00–21:00 of the ${TEST_DAYS} test days`);
  console.log(`  same forecast made at midnight       ${pct(dayAhead / total)}`);
  console.log(`  re-forecast at 13:00                 ${pct(error / total)}   (target ≤ 6.8 %)`);
  console.log(`  p10–p90 band coverage                ${pct(inside / count)}`);
}

/** 20 queues × one year of 15-minute history, round the clock: weekly and daily shape, Poisson noise, a containment ramp. */
function syntheticYear(): string {
  const rand = random(42);
  const rows: HistoryRow[] = [];
  const first = Date.UTC(2025, 0, 6);
  for (let q = 0; q < 20; q++) {
    const scale = 2 + 60 * rand();
    for (let d = 0; d < 365; d++) {
      const weekday = new Date(first + d * DAY_MS).getUTCDay();
      const dayFactor = weekday === 0 ? 0.4 : weekday === 6 ? 0.6 : weekday === 1 ? 1.15 : 1;
      for (let s = 0; s < 96; s++) {
        const hour = s / 4;
        const shape = 0.03 + Math.exp(-((hour - 11) ** 2) / 8) + 0.7 * Math.exp(-((hour - 16) ** 2) / 6);
        const offered = poisson(scale * dayFactor * shape, rand);
        const c = 0.2 + (0.4 * d) / 365;
        rows.push({
          intervalStart: first + d * DAY_MS + s * 900_000,
          queue: `q${String(q).padStart(2, "0")}`,
          offered,
          aiResolved: binomial(offered, c, rand),
          ahtSeconds: 300,
        });
      }
    }
  }
  return toCsv(rows);
}

function speed(bank: HistoryRow[]): void {
  const s = split(bank);
  const bankCsv = toCsv(s.train);
  const yearCsv = syntheticYear();
  const time = (csv: string, start: number, days: number) => {
    const t0 = performance.now();
    const series = groupByQueue(parseHistoryCsv(csv, "bench.csv"));
    const out = formatForecastCsv(forecast(series, { start, days }));
    return { seconds: (performance.now() - t0) / 1000, rows: out.split("\n").length - 2 };
  };
  const a = time(bankCsv, s.start, s.calendarDays);
  const b = time(yearCsv, Date.UTC(2026, 0, 5), 14);
  console.log(`\nSpeed (parse CSV text, fit, forecast, format; one process, 2 cores)`);
  console.log(
    `  bank history, ${s.train.length.toLocaleString("en")} rows → ${a.rows} rows   ${a.seconds.toFixed(2)} s   (target < 2 s; full file: see below)`,
  );
  const full = time(toCsv(bank), bank[bank.length - 1].intervalStart + 5 * 60_000, 14);
  console.log(`  bank history, ${bank.length.toLocaleString("en")} rows → ${full.rows} rows   ${full.seconds.toFixed(2)} s   (target < 2 s)`);
  console.log(
    `  20 queues × 1 year of 15-minute history (${(yearCsv.split("\n").length - 2).toLocaleString("en")} rows) → ${b.rows} rows   ${b.seconds.toFixed(2)} s   (target < 10 s)`,
  );
}

const bank = loadBank();
console.log(`Forecast benchmark on ${BANK} (${bank.length.toLocaleString("en")} rows)`);
accuracy("Offered volume, bank_calls", bank, offeredOf, "(target ≤ 7.8 %)");
accuracy(
  "Human volume, bank_calls with synthetic AI (containment 30 % → 60 %)",
  withSyntheticAi(bank),
  humanOf,
  "(target: ≥ 10 % better than the 4-week average)",
);
rollingOrigins(bank);
intraday(bank);
speed(bank);
