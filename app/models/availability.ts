// Weekly availability (days × time ranges in a person's own zone): moving it between zones, summarising it, and the UTC hours used to filter on it.

export type Slot = { day: number; from: string; to: string };

export const DAY_SHORT = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export const DAY_LONG = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
const WEEK_MINUTES = 7 * 24 * 60;

export function toMinutes(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h * 60 + m;
}

/** The zone's offset from UTC in minutes at `at` (positive east of Greenwich). */
export function zoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** Minute-of-week intervals [start, end) in UTC, split where they wrap past Sunday midnight. */
function utcIntervals(slots: Slot[], timeZone: string, at: Date): Array<[number, number]> {
  const offset = zoneOffsetMinutes(timeZone, at);
  const out: Array<[number, number]> = [];
  for (const slot of slots) {
    const start = slot.day * 1440 + toMinutes(slot.from) - offset;
    const end = slot.day * 1440 + toMinutes(slot.to) - offset;
    const s = ((start % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
    const length = end - start;
    if (s + length <= WEEK_MINUTES) out.push([s, s + length]);
    else out.push([s, WEEK_MINUTES], [0, s + length - WEEK_MINUTES]);
  }
  return out;
}

/**
 * The hours of a UTC week (0 = Monday 00–01 UTC … 167) that the slots touch. Offsets are taken at
 * `at`, so a summer application is indexed with summer time; an hour off in winter is acceptable for a filter.
 */
export function utcHoursOfWeek(slots: Slot[], timeZone: string, at: Date = new Date()): number[] {
  const hours = new Set<number>();
  for (const [s, e] of utcIntervals(slots, timeZone, at)) {
    for (let h = Math.floor(s / 60); h * 60 < e; h++) hours.add(h % 168);
  }
  return [...hours].sort((a, b) => a - b);
}

/** The UTC hours of a range given in a viewer's zone, on the given days (0 = Monday), to filter applicants by. */
export function utcHoursForRange(days: number[], from: string, to: string, timeZone: string, at: Date = new Date()): number[] {
  const end = toMinutes(to) <= toMinutes(from) ? "24:00" : to;
  return utcHoursOfWeek(
    days.map((day) => ({ day, from, to: end })),
    timeZone,
    at,
  );
}

/** A 7 × 24 grid (rows Monday…Sunday, columns hours) of the slots as seen from another zone: true where any part of the hour is available. */
export function gridInZone(slots: Slot[], fromZone: string, toZone: string, at: Date = new Date()): boolean[][] {
  const grid = Array.from({ length: 7 }, () => Array<boolean>(24).fill(false));
  const shift = zoneOffsetMinutes(toZone, at);
  for (const [s, e] of utcIntervals(slots, fromZone, at)) {
    for (let m = s; m < e; m += 15) {
      const local = (((m + shift) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
      grid[Math.floor(local / 1440)][Math.floor((local % 1440) / 60)] = true;
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
      .sort((a, b) => toMinutes(a.from) - toMinutes(b.from))
      .map((s) => `${shortTime(s.from)}–${shortTime(s.to)}`)
      .join(", "),
  );
  const parts: string[] = [];
  for (let day = 0; day < 7; ) {
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
  return slots.reduce((sum, s) => sum + (toMinutes(s.to) - toMinutes(s.from)) / 60, 0);
}
