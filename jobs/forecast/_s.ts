import { readFileSync } from "node:fs";
import { DAY_MS } from "./history";
import { forecast } from "./forecast";
const lines = readFileSync("/work/shared/data/bank_calls.csv", "utf8").trim().split(/\r?\n/).slice(1);
const rows = lines.map((line) => { const [, dt, c] = line.split(",").map((x) => x.replace(/"/g, "")); return { intervalStart: Date.parse(dt), queue: "bank", offered: Number(c), aiResolved: 0, ahtSeconds: null }; });
const days = [...new Set(rows.map((r) => Math.floor(r.intervalStart / DAY_MS)))].sort((a, b) => a - b);
const splits = [45, 60, 75, 90, 105, 120, 135, 149].map((origin) => {
  const test = days.slice(origin, origin + 15);
  const start = test[0] * DAY_MS, end = (test[test.length - 1] + 1) * DAY_MS;
  const train = rows.filter((r) => r.intervalStart < start);
  const act = rows.filter((r) => r.intervalStart >= start && r.intervalStart < end);
  const tr = new Map(train.map((r) => [r.intervalStart, r.offered]));
  let e4 = 0, t4 = 0;
  for (const r of act) { const v: number[] = []; for (let k = 1; v.length < 4 && k < 60; k++) { const x = tr.get(r.intervalStart - k * 7 * DAY_MS); if (x !== undefined) v.push(x); } const p = v.reduce((a, b) => a + b, 0) / Math.max(1, v.length); e4 += Math.abs(p - r.offered); t4 += r.offered; }
  return { start, end, train, act, four: e4 / t4 };
});
const variants: Record<string, Record<string, number>> = JSON.parse(process.argv[2]);
for (const [name, tuning] of Object.entries(variants)) {
  const out = splits.map((s) => {
    const fc = forecast(s.train, { start: s.start, days: (s.end - s.start) / DAY_MS, country: "US", tuning });
    const m = new Map(fc.map((r) => [r.intervalStart, r]));
    let e = 0, t = 0, inside = 0;
    for (const r of s.act) { const f = m.get(r.intervalStart)!; e += Math.abs(f.offered - r.offered); t += r.offered; if (r.offered >= f.humanP10 && r.offered <= f.humanP90) inside++; }
    return { w: e / t, ratio: e / t / s.four, cov: inside / s.act.length };
  });
  console.log(name.padEnd(24), out.map((o) => `${(100 * o.w).toFixed(2)}/${o.ratio.toFixed(3)}`).join(" "), "mean", (100 * out.reduce((a, o) => a + o.w, 0) / out.length).toFixed(3), "worst", Math.max(...out.map((o) => o.ratio)).toFixed(3), "cov", (100 * out.reduce((a, o) => a + o.cov, 0) / out.length).toFixed(1));
}
