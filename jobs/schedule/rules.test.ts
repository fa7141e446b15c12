import { describe, expect, it } from "vitest";
import type { Instance } from "./instance";
import { compileInstance, placeBreaks, type ShiftKind } from "./rules";
import { seededRandom } from "./random";

/** The least summed gain over every placement of the kind's breaks (each in its window, none overlapping), by enumeration. */
function bruteForce(kind: ShiftKind, start: number, prefix: Float64Array): number {
  let best = Infinity;
  const walk = (i: number, taken: [number, number][], cost: number) => {
    if (i === kind.breaks.length) return void (best = Math.min(best, cost));
    const { earliest, latest, duration } = kind.breaks[i];
    for (let o = earliest; o <= latest; o++) {
      const at = start + o;
      if (taken.some(([a, b]) => at < b && a < at + duration)) continue;
      walk(i + 1, [...taken, [at, at + duration]], cost + prefix[at + duration] - prefix[at]);
    }
  };
  walk(0, [], 0);
  return best;
}

function kindsOf(intervalMinutes: number, breaks: Instance["rules"]["breaks"]): ShiftKind[] {
  return compileInstance({
    start: "2026-12-07T00:00:00Z",
    intervalMinutes,
    intervals: 96,
    queues: [{ id: "q1", required: Array.from({ length: 96 }, () => 1) }],
    rules: { shiftLengthsMinutes: [240, 360, 480, 600], minRestMinutes: 600, breaks },
    agents: [{ id: "a1", skills: ["q1"], minMinutes: 0, maxMinutes: 2400, maxShifts: 5, availability: [[0, 96]] }],
  } as Instance).kinds;
}

describe("placeBreaks", () => {
  it("places one, two or three breaks at the least cost enumeration finds, and the placement it returns costs that and keeps the rules", () => {
    const random = seededRandom(5);
    const rules: [number, Instance["rules"]["breaks"]][] = [
      // The varied weeks' rules (two breaks on long shifts, at 15 and 30 minutes).
      ...([15, 30].map((iv) => [
        iv,
        [
          { minShiftMinutes: 300, minutes: 30, earliestAfterStartMinutes: 120, latestBeforeEndMinutes: 120 },
          { minShiftMinutes: 420, minutes: iv === 30 ? 30 : 15, earliestAfterStartMinutes: 60, latestBeforeEndMinutes: 60 },
        ],
      ]) as [number, Instance["rules"]["breaks"]][]),
      [
        15,
        [
          { minShiftMinutes: 240, minutes: 15, earliestAfterStartMinutes: 60, latestBeforeEndMinutes: 60 },
          { minShiftMinutes: 360, minutes: 30, earliestAfterStartMinutes: 150, latestBeforeEndMinutes: 150 },
          { minShiftMinutes: 480, minutes: 15, earliestAfterStartMinutes: 30, latestBeforeEndMinutes: 30 },
        ],
      ],
    ];
    let compared = 0;
    for (const [iv, breaks] of rules) {
      for (const kind of kindsOf(iv, breaks)) {
        for (let trial = 0; trial < 40; trial++) {
          // Gains like the search's: many equal (covered, over-staffed, under-staffed cells), some not.
          const gains = Array.from({ length: kind.length + 8 }, () => [-1, 0, 1e9, 1e9 + random()][Math.floor(random() * 4)] + random() * 1e-3);
          const prefix = new Float64Array(gains.length + 1);
          gains.forEach((g, t) => (prefix[t + 1] = prefix[t] + g));
          const start = Math.floor(random() * 8);
          const out: number[] = [];
          const cost = placeBreaks(kind, start, prefix, out);
          expect(cost).toBeCloseTo(bruteForce(kind, start, prefix), 3);
          const spans = kind.breaks.map((b, i) => {
            expect(out[i] - start).toBeGreaterThanOrEqual(b.earliest);
            expect(out[i] - start).toBeLessThanOrEqual(b.latest);
            return [out[i], out[i] + b.duration] as const;
          });
          spans.forEach(([a, b], i) => spans.slice(i + 1).forEach(([c, d]) => expect(a < d && c < b).toBe(false)));
          expect(spans.reduce((sum, [a, b]) => sum + prefix[b] - prefix[a], 0)).toBeCloseTo(cost, 3);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });
});
