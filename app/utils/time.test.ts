// formatInZone reads the zone's offset once per quarter hour instead of through TZDate: the same text as
// TZDate gives, across DST changes and zones east and west of UTC, including half-hour zones.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { describe, expect, it } from "vitest";
import { formatInZone, localDate, toLocalDateTime } from "./time";

const ZONES = ["Europe/Stockholm", "Europe/Helsinki", "America/New_York", "Asia/Kolkata", "Australia/Adelaide", "UTC"];
const PATTERNS = ["EEE d MMM HH:mm", "EEEE d MMMM yyyy", "yyyy-MM-dd'T'HH:mm", "HH:mm"];

describe("formatInZone", () => {
  it("matches TZDate every 7 minutes across the March and October 2026 changes", () => {
    for (const zone of ZONES) {
      for (const start of [Date.parse("2026-03-28T00:00:00Z"), Date.parse("2026-10-24T00:00:00Z"), Date.parse("2026-04-04T00:00:00Z")]) {
        for (let ms = start; ms < start + 3 * 86_400_000; ms += 7 * 60_000) {
          for (const pattern of PATTERNS) expect(formatInZone(new Date(ms), zone, pattern)).toBe(format(new TZDate(ms, zone), pattern));
        }
      }
    }
  });

  it("gives the local date and datetime-local value in the zone", () => {
    const at = new Date("2026-03-29T22:30:00Z");
    expect(localDate(at, "Europe/Helsinki")).toBe("2026-03-30");
    expect(localDate(at, "America/New_York")).toBe("2026-03-29");
    expect(toLocalDateTime(at, "Europe/Stockholm")).toBe("2026-03-30T00:30");
  });
});
