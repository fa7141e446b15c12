// Forecast behaviour on synthetic history: shape, missing vs zero, closed days, AI ramp, overrides, intraday, bands.
import { describe, expect, it } from "vitest";
import { forecast, humanQuantiles, type ForecastRow } from "./forecast";
import { DAY_MS, type HistoryRow } from "./history";

const MONDAY = Date.UTC(2026, 0, 5);
const HOUR = 3_600_000;

/** Weekdays 08:00–18:00 in 15-minute intervals, a midday peak, exact expected counts (no noise). */
function history(days: number, opts: { level?: (day: number) => number; containment?: (day: number) => number; queue?: string } = {}): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (let d = 0; d < days; d++) {
    const weekday = new Date(MONDAY + d * DAY_MS).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let s = 32; s < 72; s++) {
      const hour = s / 4;
      const offered = Math.round((opts.level?.(d) ?? 1) * (20 + 30 * Math.exp(-((hour - 12) ** 2) / 6)));
      const aiResolved = Math.round(offered * (opts.containment?.(d) ?? 0));
      rows.push({ intervalStart: MONDAY + d * DAY_MS + s * 15 * 60_000, queue: opts.queue ?? "q", offered, aiResolved, ahtSeconds: null });
    }
  }
  return rows;
}

const at = (rows: ForecastRow[], t: number) => rows.find((r) => r.intervalStart === t)!;
const sum = (rows: ForecastRow[], pick: (r: ForecastRow) => number) => rows.reduce((a, r) => a + pick(r), 0);

describe("forecast", () => {
  const rows = history(56);
  const start = MONDAY + 56 * DAY_MS;
  const out = forecast(rows, { start, days: 7 });

  it("gives one row per interval of the horizon, in time order, with human = offered − ai_resolved", () => {
    expect(out).toHaveLength(7 * 96);
    for (let i = 1; i < out.length; i++) expect(out[i].intervalStart).toBeGreaterThan(out[i - 1].intervalStart);
    for (const r of out) {
      expect(r.human).toBeCloseTo(r.offered - r.aiResolved, 4);
      expect(r.humanP10).toBeLessThanOrEqual(r.human);
      expect(r.humanP90).toBeGreaterThanOrEqual(r.human);
    }
  });

  it("reproduces a stable weekly pattern and keeps closed hours and absent weekends at zero", () => {
    const noon = at(out, start + 12 * HOUR);
    expect(noon.offered).toBeGreaterThan(45);
    expect(noon.offered).toBeLessThan(55);
    expect(at(out, start + 3 * HOUR).offered).toBe(0);
    const saturday = out.filter((r) => r.intervalStart >= start + 5 * DAY_MS && r.intervalStart < start + 6 * DAY_MS);
    expect(sum(saturday, (r) => r.offered)).toBe(0);
  });

  it("is deterministic", () => {
    expect(forecast(rows, { start, days: 7 })).toEqual(out);
  });

  it("treats missing weeks as missing but weeks of zeros as zero volume", () => {
    const cut = MONDAY + 35 * DAY_MS;
    const missing = rows.filter((r) => r.intervalStart < cut);
    const zeros = rows.map((r) => (r.intervalStart >= cut ? { ...r, offered: 0, aiResolved: 0 } : r));
    const total = (h: HistoryRow[]) => sum(forecast(h, { start, days: 7 }), (r) => r.offered);
    expect(total(missing) / total(rows)).toBeCloseTo(1, 2);
    expect(total(zeros)).toBeLessThan(total(rows) * 0.3);
  });

  it("is barely moved by one holiday-like outlier day", () => {
    const spike = rows.map((r) => (r.intervalStart >= MONDAY + 51 * DAY_MS && r.intervalStart < MONDAY + 52 * DAY_MS ? { ...r, offered: r.offered * 4 } : r));
    const total = (h: HistoryRow[]) => sum(forecast(h, { start, days: 7 }), (r) => r.offered);
    expect(total(spike) / total(rows)).toBeLessThan(1.03);
  });

  it("continues a containment ramp rather than its average", () => {
    const ramp = history(84, { containment: (d) => 0.2 + (0.3 * d) / 84 });
    const next = forecast(ramp, { start: MONDAY + 84 * DAY_MS, days: 7 });
    const rate = sum(next, (r) => r.aiResolved) / sum(next, (r) => r.offered);
    expect(rate).toBeGreaterThan(0.49);
    expect(rate).toBeLessThan(0.55);
  });

  it("honours containment and volume-factor overrides", () => {
    const base = forecast(rows, { start, days: 1 });
    const over = forecast(rows, { start, days: 1, containment: { q: 0.7 }, volumeFactors: { q: 1.2 } });
    for (let i = 0; i < base.length; i++) {
      expect(over[i].offered).toBeCloseTo(base[i].offered * 1.2, 3);
      expect(over[i].aiResolved).toBeCloseTo(over[i].offered * 0.7, 3);
    }
    expect(() => forecast(rows, { start, days: 1, containment: { nope: 0.5 } })).toThrow(/nope/);
  });

  it("re-forecasts the rest of the day from the level seen that morning", () => {
    const busy = start + 13 * HOUR;
    const doubled = [
      ...rows,
      ...history(57)
        .filter((r) => r.intervalStart >= start && r.intervalStart < busy)
        .map((r) => ({ ...r, offered: r.offered * 2 })),
    ];
    const plain = at(forecast(rows, { start: busy, days: 1 }), busy + 2 * HOUR).offered;
    const intraday = at(forecast(doubled, { start: busy, days: 1 }), busy + 2 * HOUR).offered;
    expect(intraday / plain).toBeGreaterThan(1.6);
    expect(intraday / plain).toBeLessThan(2.1);
  });

  it("ignores history at or after the start", () => {
    const future = [
      ...rows,
      ...history(63)
        .filter((r) => r.intervalStart >= start)
        .map((r) => ({ ...r, offered: r.offered * 10 })),
    ];
    expect(forecast(future, { start, days: 7 })).toEqual(out);
  });
});

describe("humanQuantiles", () => {
  it("brackets the mean, is Poisson at zero spread and widens with it", () => {
    expect(humanQuantiles(0, 0.1)).toEqual([0, 0]);
    expect(humanQuantiles(10, 0)).toEqual([6, 14]);
    const [lo, hi] = humanQuantiles(1000, 0.1);
    expect(lo).toBeLessThan(1000 - 100);
    expect(hi).toBeGreaterThan(1000 + 100);
  });
});

describe("special days", () => {
  // Weekdays only (the helper skips weekends), so the queue closes every week.
  const rows = history(56);
  const start = MONDAY + 56 * DAY_MS; // Monday 2026-03-02
  const dayTotal = (out: ForecastRow[], day: number) =>
    sum(
      out.filter((r) => Math.floor((r.intervalStart - start) / DAY_MS) === day),
      (r) => r.offered,
    );

  it("closes a weekday queue on a public holiday without history of it, and the next day looks like the week's first day", () => {
    const plain = forecast(rows, { start, days: 7 });
    const marked = forecast(rows, { start, days: 7, specialDays: [{ date: "2026-03-03", kind: "holiday", label: "Test Day" }] });
    expect(dayTotal(marked, 1)).toBe(0);
    expect(dayTotal(marked, 2)).toBeCloseTo(Math.max(dayTotal(plain, 0), dayTotal(plain, 2)), 0);
    expect(dayTotal(marked, 3)).toBeCloseTo(dayTotal(plain, 3), 6);
  });

  it("applies a given multiplier, e.g. a sale event", () => {
    const plain = forecast(rows, { start, days: 7 });
    const sale = forecast(rows, { start, days: 7, specialDays: [{ date: "2026-03-04", kind: "event", label: "Sale", multiplier: 1.5 }] });
    expect(dayTotal(sale, 2)).toBeCloseTo(1.5 * dayTotal(plain, 2), 4);
  });

  it("learns a label's effect from its past occurrences", () => {
    // Two past Wednesdays with the label ran at double volume.
    const boosted = rows.map((r) => {
      const day = Math.floor((r.intervalStart - MONDAY) / DAY_MS);
      return day === 16 || day === 37 ? { ...r, offered: 2 * r.offered } : r;
    });
    const specialDays = [
      { date: "2026-01-21", kind: "event" as const, label: "Payday" },
      { date: "2026-02-11", kind: "event" as const, label: "Payday" },
      { date: "2026-03-04", kind: "event" as const, label: "Payday" },
    ];
    const plain = forecast(rows, { start, days: 7 });
    const out = forecast(boosted, { start, days: 7, specialDays });
    expect(dayTotal(out, 2) / dayTotal(plain, 2)).toBeGreaterThan(1.8);
    expect(dayTotal(out, 2) / dayTotal(plain, 2)).toBeLessThan(2.2);
  });

  it("uses the country calendar, learning from the holidays the history shows, and rejects a bad special day", () => {
    // Open on Epiphany (6 January) in the history: holidays are ordinary days for this queue.
    const open = forecast(rows, { start: Date.UTC(2026, 3, 6), days: 1, country: { q: "SE" } }); // Annandag påsk
    const plain = forecast(rows, { start: Date.UTC(2026, 3, 6), days: 1 });
    expect(sum(open, (r) => r.offered)).toBeCloseTo(
      sum(plain, (r) => r.offered),
      6,
    );
    // Closed on Epiphany: closed on Easter Monday too.
    const closedOnEpiphany = rows.filter((r) => Math.floor((r.intervalStart - MONDAY) / DAY_MS) !== 1);
    const closed = forecast(closedOnEpiphany, { start: Date.UTC(2026, 3, 6), days: 1, country: "SE" });
    expect(sum(closed, (r) => r.offered)).toBe(0);
    expect(() => forecast(rows, { start, days: 1, specialDays: [{ date: "2026-02-30", kind: "event" }] })).toThrow(/specialDays\[0\]\.date/);
  });
});
