import { describe, expect, it } from "vitest";
import { TZDate } from "@date-fns/tz";
import { generateHistory } from "./history";
import { DEMO_QUEUES } from "./queues";

const svChat = DEMO_QUEUES.find((q) => q.key === "sv-chat")!;
const svPhone = DEMO_QUEUES.find((q) => q.key === "sv-phone")!;
const end = new Date("2026-11-30T00:00:00Z");

describe("generateHistory", () => {
  it("is deterministic and never lets the AI resolve more than was offered", () => {
    const a = generateHistory(svChat, end, 2);
    const b = generateHistory(svChat, end, 2);
    expect(a).toEqual(b);
    expect(a).toHaveLength(2 * 7 * 96);
    for (const row of a) {
      expect(row.aiResolved).toBeGreaterThanOrEqual(0);
      expect(row.aiResolved).toBeLessThanOrEqual(row.offered);
    }
  });

  it("ramps containment up and human volume down while total volume grows", () => {
    const rows = generateHistory(svChat, end, 12);
    const week = (i: number) => rows.slice(i * 7 * 96, (i + 1) * 7 * 96);
    const stats = (r: typeof rows) => {
      const offered = r.reduce((s, x) => s + x.offered, 0);
      const ai = r.reduce((s, x) => s + x.aiResolved, 0);
      return { offered, containment: ai / offered, human: offered - ai };
    };
    const first = stats(week(0));
    const before = stats(week(10)); // the last week holds Black Friday; compare the one before
    expect(first.containment).toBeGreaterThan(0.4);
    expect(first.containment).toBeLessThan(0.52);
    expect(before.containment).toBeGreaterThan(0.58);
    expect(before.offered).toBeGreaterThan(first.offered);
    expect(before.human).toBeLessThan(first.human);
  });

  it("has no phone rows outside opening hours, in the queue's own time zone", () => {
    const rows = generateHistory(svPhone, end, 1);
    for (const row of rows) {
      const hour = new TZDate(row.intervalStart.getTime(), "Europe/Stockholm").getHours();
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(20);
    }
  });

  it("spikes on Black Friday", () => {
    const rows = generateHistory(svChat, end, 1);
    const byDay = new Map<string, number>();
    for (const row of rows) {
      const day = new TZDate(row.intervalStart.getTime(), "Europe/Stockholm").toISOString().slice(0, 10);
      byDay.set(day, (byDay.get(day) ?? 0) + row.offered);
    }
    const friday = byDay.get("2026-11-27")!;
    const thursday = byDay.get("2026-11-26")!;
    expect(friday / thursday).toBeGreaterThan(1.8);
  });
});
