import { describe, expect, it } from "vitest";
import { gridInZone, summarizeAvailability, utcHoursForRange, utcHoursOfWeek, zoneOffsetMinutes } from "./availability";

const winter = new Date("2026-01-14T12:00:00Z");

describe("availability", () => {
  it("knows zone offsets, with summer time", () => {
    expect(zoneOffsetMinutes("Europe/Helsinki", winter)).toBe(120);
    expect(zoneOffsetMinutes("Europe/Stockholm", new Date("2026-07-01T12:00:00Z"))).toBe(120);
    expect(zoneOffsetMinutes("Europe/London", winter)).toBe(0);
  });

  it("indexes local evenings as UTC hours, wrapping Monday early morning to Sunday", () => {
    expect(utcHoursOfWeek([{ day: 0, from: "17:00", to: "19:30" }], "Europe/Helsinki", winter)).toEqual([15, 16, 17]);
    expect(utcHoursOfWeek([{ day: 0, from: "00:00", to: "01:00" }], "Europe/Stockholm", winter)).toEqual([167]);
  });

  it("finds the same hours for the same instant seen from two zones", () => {
    const applicant = utcHoursOfWeek([{ day: 2, from: "18:00", to: "20:00" }], "Europe/Helsinki", winter);
    const recruiter = utcHoursForRange([2], "17:00", "19:00", "Europe/Copenhagen", winter);
    expect(recruiter).toEqual(applicant);
  });

  it("shows a Helsinki evening one hour earlier to a recruiter in Copenhagen", () => {
    const grid = gridInZone([{ day: 4, from: "18:00", to: "22:00" }], "Europe/Helsinki", "Europe/Copenhagen", winter);
    expect(grid[4].map((on, h) => (on ? h : -1)).filter((h) => h >= 0)).toEqual([17, 18, 19, 20]);
  });

  it("converts each day at its own offset in a week with a daylight-saving change", () => {
    // Stockholm moves to summer time on Sunday 29 March 2026: Monday 10:00 is 09:00 UTC, Sunday 10:00 is 08:00 UTC.
    const week = new Date("2026-03-25T12:00:00Z");
    expect(utcHoursOfWeek([{ day: 0, from: "10:00", to: "11:00" }], "Europe/Stockholm", week)).toEqual([9]);
    expect(utcHoursOfWeek([{ day: 6, from: "10:00", to: "11:00" }], "Europe/Stockholm", week)).toEqual([6 * 24 + 8]);
    const grid = gridInZone([{ day: 6, from: "10:00", to: "11:00" }], "Europe/Stockholm", "Europe/London", week);
    expect(grid[6].map((on, h) => (on ? h : -1)).filter((h) => h >= 0)).toEqual([9]);
  });

  it("summarises consecutive days with the same hours", () => {
    const weekdays = [0, 1, 2, 3, 4].map((day) => ({ day, from: "17:00", to: "23:00" }));
    expect(summarizeAvailability([...weekdays, { day: 5, from: "10:00", to: "16:30" }])).toBe("Mon–Fri 17–23 · Sat 10–16:30");
    expect(summarizeAvailability([])).toBe("No availability given");
  });
});
