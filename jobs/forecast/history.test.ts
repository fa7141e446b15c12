// History CSV validation: every bad input names its line and field; interval lengths are inferred per queue.
import { describe, expect, it } from "vitest";
import { InputError } from "../input-error";
import { groupByQueue, parseHistoryCsv, parseInstant } from "./history";

const header = "interval_start,queue,offered,ai_resolved,aht_seconds";
const csv = (...lines: string[]) => [header, ...lines].join("\n") + "\n";

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error("expected an InputError");
}

describe("parseHistoryCsv", () => {
  it("reads rows in any order, with empty or absent aht_seconds and quoted fields", () => {
    const rows = parseHistoryCsv(csv("2026-10-05T08:15:00Z,sv-chat,40,20,", '2026-10-05T08:00:00Z,"sv-chat",42,27,410'), "h.csv");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ queue: "sv-chat", offered: 42, aiResolved: 27, ahtSeconds: 410, line: 3 });
    expect(rows[0].ahtSeconds).toBeNull();
    const noAht = parseHistoryCsv("interval_start,queue,offered,ai_resolved\n2026-10-05T08:00:00Z,q,1,0\n", "h.csv");
    expect(noAht[0].ahtSeconds).toBeNull();
  });

  it("names the missing column", () => {
    const message = failure(() => parseHistoryCsv("interval_start,queue,ai_resolved\n2026-10-05T08:00:00Z,q,1\n", "h.csv"));
    expect(message).toMatch(/h\.csv line 1.*offered/);
  });

  it("names line and field of a non-numeric count", () => {
    const message = failure(() => parseHistoryCsv(csv("2026-10-05T08:00:00Z,q,1,0,", "2026-10-05T08:15:00Z,q,lots,0,"), "h.csv"));
    expect(message).toMatch(/h\.csv line 3 \(row 2\), field offered: "lots" is not a number/);
  });

  it("rejects ai_resolved above offered", () => {
    const message = failure(() => parseHistoryCsv(csv("2026-10-05T08:00:00Z,q,5,6,"), "h.csv"));
    expect(message).toMatch(/line 2.*field ai_resolved.*greater than offered/);
  });

  it("rejects timestamps that are not ISO 8601 with a zone", () => {
    for (const bad of ["2026-10-05 08:00", "05/10/2026 08:00", "2026-10-05T08:00:00", "2026-02-30T08:00:00Z", "yesterday"]) {
      const message = failure(() => parseHistoryCsv(csv(`${bad},q,1,0,`), "h.csv"));
      expect(message).toMatch(/line 2.*field interval_start/);
    }
  });

  it("rejects negative counts and duplicate intervals", () => {
    expect(failure(() => parseHistoryCsv(csv("2026-10-05T08:00:00Z,q,-1,0,"), "h.csv"))).toMatch(/field offered.*negative/);
    const twice = parseHistoryCsv(csv("2026-10-05T08:00:00Z,q,1,0,", "2026-10-05T08:00:00Z,q,2,0,"), "h.csv");
    expect(failure(() => groupByQueue(twice, "h.csv"))).toMatch(/line 3.*interval_start.*already given on line 2/);
  });
});

describe("parseInstant", () => {
  it("accepts Z and offsets, returning UTC", () => {
    expect(parseInstant("2026-10-05T08:00:00Z")).toBe(Date.UTC(2026, 9, 5, 8));
    expect(parseInstant("2026-10-05T10:00:00+02:00")).toBe(Date.UTC(2026, 9, 5, 8));
    expect(parseInstant("2026-10-05T08:00Z")).toBe(Date.UTC(2026, 9, 5, 8));
  });
});

describe("groupByQueue", () => {
  const at = (h: number, m: number, day = 5) => `2026-10-0${day}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00Z`;

  it("infers each queue's interval; gaps are missing, not zero", () => {
    const rows = parseHistoryCsv(
      csv(`${at(8, 0)},a,1,0,`, `${at(8, 15)},a,2,0,`, `${at(9, 0)},a,3,0,`, `${at(8, 0)},b,1,0,`, `${at(9, 0)},b,1,0,`, `${at(10, 0)},b,1,0,`),
      "h.csv",
    );
    const [a, b] = groupByQueue(rows, "h.csv");
    expect(a.intervalMinutes).toBe(15);
    expect(b.intervalMinutes).toBe(60);
    expect(Number.isNaN(a.offered[(8 * 60 + 30) / 15])).toBe(true);
    expect(a.offered[(9 * 60) / 15]).toBe(3);
  });

  it("rejects mixed interval lengths in one queue, naming the row", () => {
    const mixed = parseHistoryCsv(
      csv(`${at(8, 0)},a,1,0,`, `${at(8, 15)},a,1,0,`, `${at(8, 30)},a,1,0,`, `${at(9, 0)},a,1,0,`, `${at(9, 30)},a,1,0,`),
      "h.csv",
    );
    expect(failure(() => groupByQueue(mixed, "h.csv"))).toMatch(/h\.csv line 6.*interval_start.*mixed interval lengths/);
    const offGrid = parseHistoryCsv(csv(`${at(8, 0)},a,1,0,`, `${at(8, 15)},a,1,0,`, `${at(8, 35)},a,1,0,`), "h.csv");
    expect(failure(() => groupByQueue(offGrid, "h.csv"))).toMatch(/line 4.*interval_start.*20 minutes.*mixed interval lengths/);
    const odd = parseHistoryCsv(csv(`${at(8, 0)},a,1,0,`, `${at(8, 10)},a,1,0,`), "h.csv");
    expect(failure(() => groupByQueue(odd, "h.csv"))).toMatch(/line 3.*interval_start.*5, 15, 30 or 60/);
  });
});
