import { describe, expect, it } from "vitest";
import { runs, weeklyMask } from "./calendar";

describe("weeklyMask", () => {
  it("reads local hours in the given zone, across the autumn daylight-saving change", () => {
    // Sunday 2026-10-25 is when Europe/Stockholm falls back from UTC+2 to UTC+1.
    const start = Date.parse("2026-10-24T00:00:00Z"); // Saturday
    const mask = weeklyMask(start, 2 * 96, 15, "Europe/Stockholm", [
      { day: 5, from: "08:00", to: "09:00" },
      { day: 6, from: "08:00", to: "09:00" },
    ]);
    const open = runs(mask).map(([a, b]) => [new Date(start + a * 900_000).toISOString(), new Date(start + b * 900_000).toISOString()]);
    expect(open).toEqual([
      ["2026-10-24T06:00:00.000Z", "2026-10-24T07:00:00.000Z"], // 08:00 CEST
      ["2026-10-25T07:00:00.000Z", "2026-10-25T08:00:00.000Z"], // 08:00 CET
    ]);
  });

  it("treats 24:00 as the end of the day", () => {
    const start = Date.parse("2026-12-07T00:00:00Z"); // Monday
    const mask = weeklyMask(start, 96, 15, "UTC", [{ day: 0, from: "22:00", to: "24:00" }]);
    expect(runs(mask)).toEqual([[88, 96]]);
  });
});
