import { readFileSync } from "node:fs";
import { DAY_MS } from "./history";
import { forecast } from "./forecast";
const lines = readFileSync("/work/shared/data/bank_calls.csv", "utf8").trim().split(/\r?\n/).slice(1);
const rows = lines.map((line) => { const [, dt, c] = line.split(",").map((x) => x.replace(/"/g, "")); return { intervalStart: Date.parse(dt), queue: "bank", offered: Number(c), aiResolved: 0, ahtSeconds: null }; });
const days = [...new Set(rows.map((r) => Math.floor(r.intervalStart / DAY_MS)))].sort((a, b) => a - b);
const origin = Number(process.argv[2]);
const test = days.slice(origin, origin + 15);
const start = test[0] * DAY_MS, end = (test[test.length - 1] + 1) * DAY_MS;
const train = rows.filter((r) => r.intervalStart < start);
const fc = forecast(train, { start, days: (end - start) / DAY_MS, country: "US" });
const m = new Map(fc.map((r) => [r.intervalStart, r.offered]));
const tr = new Map(train.map((r) => [r.intervalStart, r.offered]));
for (const d of test) {
  let a = 0, f = 0, e = 0, f4 = 0, e4 = 0;
  for (const r of rows) if (Math.floor(r.intervalStart / DAY_MS) === d) { a += r.offered; const p = m.get(r.intervalStart)!; f += p; e += Math.abs(p - r.offered);
    const v: number[] = []; for (let k = 1; v.length < 4 && k < 60; k++) { const x = tr.get(r.intervalStart - k * 7 * DAY_MS); if (x !== undefined) v.push(x); } const q = v.reduce((x, y) => x + y, 0) / v.length; f4 += q; e4 += Math.abs(q - r.offered); }
  console.log(new Date(d * DAY_MS).toISOString().slice(0, 10), a, Math.round(f), Math.round(e), "4wk", Math.round(f4), Math.round(e4));
}
