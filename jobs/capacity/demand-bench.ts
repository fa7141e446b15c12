// The long-range demand measurement on bank_calls (weekly totals, first 17 weeks train, the rest test), shared by the bench and a test.
import type { HistoryRow } from "../forecast/history";
import { longRangeDemand } from "./demand";

const DAY_MS = 86_400_000;
const TRAIN_WEEKS = 17;

export interface WeeklyAccuracy {
  trainWeeks: number;
  testWeeks: number;
  /** Weekly wMAPE of forecast offered volume: Σ |forecast − actual| / Σ actual. */
  wmape: number;
  /** The same for the naive forecast: the mean of the last 4 training weeks. */
  naiveWmape: number;
  seconds: number;
}

/** `text` is bank_calls.csv (rownames, DateTime, Calls; 5-minute counts, weekdays only, from Monday 2003-03-03). */
export function bankWeeklyAccuracy(text: string, now: () => number = () => performance.now()): WeeklyAccuracy {
  const rows: HistoryRow[] = text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => {
      const [, dateTime, calls] = line.split(",").map((c) => c.replace(/"/g, ""));
      return { intervalStart: Date.parse(dateTime), queue: "bank", offered: Number(calls), aiResolved: 0, ahtSeconds: null };
    });
  const first = Date.UTC(2003, 2, 3) / DAY_MS;
  const weekOf = (ms: number) => Math.floor((ms / DAY_MS - first) / 7);
  const weeks = weekOf(Math.max(...rows.map((r) => r.intervalStart))) + 1;
  const actual = new Array<number>(weeks).fill(0);
  for (const r of rows) actual[weekOf(r.intervalStart)] += r.offered;
  const started = now();
  const testWeeks = weeks - TRAIN_WEEKS;
  const out = longRangeDemand({
    start: new Date((first + 7 * TRAIN_WEEKS) * DAY_MS).toISOString().slice(0, 10),
    weeks: testWeeks,
    bands: [
      { id: "weekday-day", weekdays: [0, 1, 2, 3, 4], fromHour: 7, toHour: 17 },
      { id: "weekday-evening", weekdays: [0, 1, 2, 3, 4], fromHour: 17, toHour: 22 },
      { id: "weekend", weekdays: [5, 6], fromHour: 0, toHour: 24 },
    ],
    queues: [
      { id: "bank", history: rows.filter((r) => weekOf(r.intervalStart) < TRAIN_WEEKS), serviceLevel: 0.8, answerSeconds: 20, ahtSeconds: 240, shrinkage: 0.3 },
    ],
  });
  const seconds = (now() - started) / 1000;
  const forecast = out.detail[0].offered;
  const naive = actual.slice(TRAIN_WEEKS - 4, TRAIN_WEEKS).reduce((a, b) => a + b, 0) / 4;
  let err = 0;
  let naiveErr = 0;
  let sum = 0;
  for (let w = 0; w < testWeeks; w++) {
    err += Math.abs(forecast[w] - actual[TRAIN_WEEKS + w]);
    naiveErr += Math.abs(naive - actual[TRAIN_WEEKS + w]);
    sum += actual[TRAIN_WEEKS + w];
  }
  return { trainWeeks: TRAIN_WEEKS, testWeeks, wmape: err / sum, naiveWmape: naiveErr / sum, seconds };
}
