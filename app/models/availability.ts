// Weekly availability (days × time ranges in a person's own zone) as recruiting shows and filters it:
// summaries, the grid in a viewer's zone and the UTC hours indexed for filtering. Zone conversion is
// jobs/planning/calendar's, the one the scheduler uses (correct across daylight-saving changes).
import { localSlot, minutesOfDay, utcWeekStart, weeklyRangesAsUtcMinutes, zoneOffsetMinutes, type WeeklyRanges } from "../../jobs/planning/calendar";

export type Slot = WeeklyRanges[number];

export const DAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export const DAY_LONG = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export { minutesOfDay as toMinutes, zoneOffsetMinutes };

/**
 * The hours of a UTC week (0 = Monday 00–01 UTC … 167) that the slots touch, for the person's week
 * containing `at`: a summer application is indexed with summer time; an hour off in winter is acceptable for a filter.
 */
export function utcHoursOfWeek(slots: Slot[], timeZone: string, at: Date = new Date()): number[] {
  const hours = new Set<number>();
  for (const [s, e] of weeklyRangesAsUtcMinutes(slots, timeZone, at.getTime())) {
    for (let h = Math.floor(s / 60); h * 60 < e; h++) hours.add(h % 168);
  }
  return [...hours].sort((a, b) => a - b);
}

/** The UTC hours of a range given in a viewer's zone, on the given days (0 = Monday), to filter applicants by. */
export function utcHoursForRange(days: number[], from: string, to: string, timeZone: string, at: Date = new Date()): number[] {
  const end = minutesOfDay(to) <= minutesOfDay(from) ? "24:00" : to;
  return utcHoursOfWeek(
    days.map((day) => ({ day, from, to: end })),
    timeZone,
    at,
  );
}

/** A 7 × 24 grid (rows Monday…Sunday, columns hours) of the slots as seen from another zone: true where any part of the hour is available. */
export function gridInZone(slots: Slot[], fromZone: string, toZone: string, at: Date = new Date()): boolean[][] {
  const grid = Array.from({ length: 7 }, () => Array<boolean>(24).fill(false));
  const week = utcWeekStart(at.getTime());
  for (const [s, e] of weeklyRangesAsUtcMinutes(slots, fromZone, at.getTime())) {
    for (let m = s; m < e; m += 15) {
      const { weekday, minute } = localSlot(week + m * 60_000, toZone);
      grid[weekday][Math.floor(minute / 60)] = true;
    }
  }
  return grid;
}

function shortTime(time: string): string {
  return time.endsWith(":00") ? String(Number(time.slice(0, 2))) : time.replace(/^0/, "");
}

/** "Mon–Fri 17–23, Sat 10–16": consecutive days with the same ranges are grouped. */
export function summarizeAvailability(slots: Slot[]): string {
  if (slots.length === 0) return "No availability given";
  const byDay = DAY_SHORT.map((_, day) =>
    slots
      .filter((s) => s.day === day)
      .sort((a, b) => minutesOfDay(a.from) - minutesOfDay(b.from))
      .map((s) => `${shortTime(s.from)}–${shortTime(s.to)}`)
      .join(", "),
  );
  const parts: string[] = [];
  for (let day = 0; day < 7;) {
    if (!byDay[day]) {
      day++;
      continue;
    }
    let last = day;
    while (last + 1 < 7 && byDay[last + 1] === byDay[day]) last++;
    const days = last === day ? DAY_SHORT[day] : `${DAY_SHORT[day]}–${DAY_SHORT[last]}`;
    parts.push(`${days} ${byDay[day]}`);
    day = last + 1;
  }
  return parts.join(" · ");
}

/** Total available hours in a week. */
export function weeklyAvailableHours(slots: Slot[]): number {
  return slots.reduce((sum, s) => sum + (minutesOfDay(s.to) - minutesOfDay(s.from)) / 60, 0);
}
