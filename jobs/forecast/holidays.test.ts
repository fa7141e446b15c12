// Holiday calendars: Easter and the rules built on it, nth-weekday holidays, observed and substitute days.
import { describe, expect, it } from "vitest";
import { easterSunday, holidays, HOLIDAY_COUNTRIES } from "./holidays";

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dates = (country: string, year: number) => holidays(country, { from: year, to: year }).map((h) => h.date);

describe("holidays", () => {
  it("computes Easter Sunday", () => {
    expect([2003, 2019, 2024, 2025, 2026, 2027, 2038].map((y) => iso(easterSunday(y)))).toEqual([
      "2003-04-20",
      "2019-04-21",
      "2024-03-31",
      "2025-04-20",
      "2026-04-05",
      "2027-03-28",
      "2038-04-25",
    ]);
  });

  it("places US holidays by rule, with weekend ones observed on a weekday", () => {
    const us = dates("US", 2003);
    expect(us).toContain("2003-05-26"); // Memorial Day: last Monday of May
    expect(us).toContain("2003-09-01"); // Labor Day
    expect(us).toContain("2003-11-27"); // Thanksgiving
    expect(dates("US", 2026)).toContain("2026-07-03"); // 4 July 2026 is a Saturday
    const columbus = holidays("US", { from: 2003, to: 2003 }).find((h) => h.name === "Columbus Day")!;
    expect(columbus).toEqual({ date: "2003-10-13", name: "Columbus Day", observance: "partial" });
  });

  it("places Nordic, German, Polish and British holidays, Easter-based ones included", () => {
    expect(dates("SE", 2026)).toEqual(expect.arrayContaining(["2026-04-03", "2026-04-06", "2026-05-14", "2026-06-19", "2026-06-20", "2026-10-31"]));
    expect(dates("FI", 2026)).toEqual(expect.arrayContaining(["2026-12-06", "2026-06-19"]));
    expect(dates("NO", 2026)).toEqual(expect.arrayContaining(["2026-04-02", "2026-05-17", "2026-05-25"]));
    expect(dates("DK", 2023)).toContain("2023-05-05"); // Store bededag, last held in 2023
    expect(dates("DK", 2024)).not.toContain("2024-04-26");
    expect(dates("DE", 2026)).toEqual(expect.arrayContaining(["2026-10-03", "2026-05-25"]));
    expect(dates("PL", 2026)).toEqual(expect.arrayContaining(["2026-06-04", "2026-05-03"])); // Boże Ciało = Easter + 60
    expect(dates("GB", 2021)).toEqual(expect.arrayContaining(["2021-12-27", "2021-12-28"])); // Christmas and Boxing Day on a weekend
  });

  it("covers every listed country and rejects unknown codes", () => {
    for (const c of HOLIDAY_COUNTRIES) expect(dates(c.toLowerCase(), 2026).length).toBeGreaterThan(7);
    expect(() => holidays("XX", { from: 2026, to: 2026 })).toThrow(/no holiday calendar/);
  });
});
