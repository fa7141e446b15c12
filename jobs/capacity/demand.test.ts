// Long-range demand: weekly agent-hours per band from history, the Erlang service factor, the containment scenario, and bank_calls accuracy.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { HistoryRow } from "../forecast/history";
import { InputError } from "../input-error";
import { longRangeDemand, type DemandBand } from "./demand";
import { bankWeeklyAccuracy } from "./demand-bench";

const bands: DemandBand[] = [
  { id: "weekday-day", weekdays: [0, 1, 2, 3, 4], fromHour: 8, toHour: 17 },
  { id: "weekday-evening", weekdays: [0, 1, 2, 3, 4], fromHour: 17, toHour: 22 },
  { id: "weekend", weekdays: [5, 6], fromHour: 8, toHour: 22 },
];

/** Eight weeks of hourly history from Monday 2026-10-05, open 08–22 every day, containment rising 30 % → 45 %. */
function history(queue: string, perHour: number): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const t0 = Date.UTC(2026, 9, 5);
  for (let d = 0; d < 56; d++) {
    for (let h = 8; h < 22; h++) {
      const offered = Math.round(perHour * (h < 17 ? 1 : 0.6) * (d % 7 >= 5 ? 0.7 : 1));
      const share = 0.3 + (0.15 * d) / 56;
      rows.push({ intervalStart: t0 + d * 86_400_000 + h * 3_600_000, queue, offered, aiResolved: Math.round(offered * share), ahtSeconds: 360 });
    }
  }
  return rows;
}

const service = { serviceLevel: 0.8, answerSeconds: 60, shrinkage: 0.3, maxOccupancy: 0.9 };

describe("long-range demand", () => {
  it("gives weeks × bands of scheduled hours, with a higher service factor on a small queue", () => {
    const out = longRangeDemand({
      start: "2026-11-30",
      weeks: 26,
      bands,
      queues: [
        { id: "big", history: history("big", 120), ...service },
        { id: "small", history: history("small", 4), ...service },
      ],
    });
    expect(out.queues.map((q) => q.id)).toEqual(["big", "small"]);
    for (const q of out.queues) {
      expect(q.required).toHaveLength(26);
      for (const row of q.required) {
        expect(row).toHaveLength(3);
        for (const v of row) expect(v).toBeGreaterThanOrEqual(0);
      }
    }
    const [big, small] = out.detail;
    expect(big.unbandedShare).toBeCloseTo(0, 9);
    for (let b = 0; b < 3; b++) expect(small.serviceFactor[b]).toBeGreaterThan(big.serviceFactor[b]);
    // Shrinkage alone makes every factor at least 1 / (1 − 0.3).
    for (const f of big.serviceFactor) expect(f).toBeGreaterThan(1 / 0.7 - 1e-9);
    // The containment ramp keeps rising: human demand falls over the horizon.
    expect(big.human[25]).toBeLessThan(big.human[0]);
  });

  it("follows a containment scenario to its target by its date, and a volume factor", () => {
    const base = { id: "q", history: history("q", 60), ...service };
    const out = longRangeDemand({ start: "2026-11-30", weeks: 20, bands, queues: [{ ...base, containment: { target: 0.8, byDate: "2027-02-22" } }] });
    const d = out.detail[0];
    expect(d.containment[12]).toBeCloseTo(0.8, 6);
    expect(d.containment[19]).toBeCloseTo(0.8, 6);
    expect(d.containment[6]).toBeGreaterThan(d.containment[0]);
    expect(d.containment[6]).toBeLessThan(0.8);
    const grown = longRangeDemand({ start: "2026-11-30", weeks: 20, bands, queues: [{ ...base, volumeFactor: 1.5 }] });
    const plain = longRangeDemand({ start: "2026-11-30", weeks: 20, bands, queues: [base] });
    expect(grown.detail[0].offered[3]).toBeCloseTo(1.5 * plain.detail[0].offered[3], 6);
    expect(grown.queues[0].required[3][0]).toBeGreaterThan(plain.queues[0].required[3][0]);
  });

  it("names the field of bad input", () => {
    const q = { id: "q", history: history("q", 60), ...service };
    expect(() => longRangeDemand({ start: "2026-11-30", weeks: 4, bands: [{ id: "x", weekdays: [7], fromHour: 8, toHour: 9 }], queues: [q] })).toThrow(
      /bands\[0\]\.weekdays/,
    );
    expect(() => longRangeDemand({ start: "2026-11-31", weeks: 4, bands, queues: [q] })).toThrow(InputError);
    expect(() => longRangeDemand({ start: "2026-11-30", weeks: 4, bands, queues: [{ ...q, id: "other" }] })).toThrow(/queues\[0\]\.history/);
  });
});

function sharedData(name: string): string | undefined {
  for (let dir = resolve("."); ; dir = dirname(dir)) {
    const path = join(dir, "..", "shared", "data", name);
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) return undefined;
  }
}

describe("long-range demand on bank_calls", () => {
  const path = sharedData("bank_calls.csv");
  it.skipIf(!path)("forecasts weekly volume (train 17 weeks, test the rest) better than the last 4 weeks' mean", () => {
    const r = bankWeeklyAccuracy(readFileSync(path!, "utf8"));
    expect(r.testWeeks).toBe(17);
    expect(r.wmape).toBeLessThan(r.naiveWmape);
    expect(r.wmape).toBeLessThan(0.06);
  });
});
