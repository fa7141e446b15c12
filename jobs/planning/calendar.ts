// Local weekly time (opening hours, agents' availability) turned into UTC intervals, correct across daylight-saving changes.
import { TZDate } from "@date-fns/tz";
import { z } from "zod";

const HHMM = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, "a time as HH:mm");

/** Per weekday (index 0 = Monday) the open ranges, local "HH:mm" to "HH:mm" (end exclusive, "24:00" allowed). */
export const OpeningHoursSchema = z.array(z.array(z.tuple([HHMM, HHMM]))).length(7);
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

/** A weekly availability: ranges per weekday (0 = Monday) in the person's own time zone. */
export const WeeklyRangesSchema = z.array(z.object({ day: z.number().int().min(0).max(6), from: HHMM, to: HHMM }));
export type WeeklyRanges = z.infer<typeof WeeklyRangesSchema>;

export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

/** Local weekday (0 = Monday) and minute of day of an instant in a time zone. */
export function localSlot(ms: number, timeZone: string): { weekday: number; minute: number } {
  const local = new TZDate(ms, timeZone);
  return { weekday: (local.getDay() + 6) % 7, minute: local.getHours() * 60 + local.getMinutes() };
}

/** Whether each interval of a horizon starts inside the weekly ranges, read in `timeZone`. */
export function weeklyMask(start: number, intervals: number, intervalMinutes: number, timeZone: string, ranges: WeeklyRanges): boolean[] {
  const byDay: [number, number][][] = Array.from({ length: 7 }, () => []);
  for (const r of ranges) byDay[r.day].push([minutesOfDay(r.from), minutesOfDay(r.to)]);
  const mask: boolean[] = new Array(intervals);
  for (let t = 0; t < intervals; t++) {
    const { weekday, minute } = localSlot(start + t * intervalMinutes * 60_000, timeZone);
    mask[t] = byDay[weekday].some(([from, to]) => minute >= from && minute < to);
  }
  return mask;
}

/** The zone's offset from UTC in minutes at an instant (positive east of Greenwich). */
export function zoneOffsetMinutes(timeZone: string, at: number | Date): number {
  return -new TZDate(+at, timeZone).getTimezoneOffset() || 0;
}

const WEEK_MINUTES = 7 * 24 * 60;
/** A Monday 00:00 UTC: minutes of a UTC week are counted from any such instant. */
const UTC_MONDAY = Date.UTC(1970, 0, 5);

/** Monday 00:00 UTC of the UTC week containing `at`. */
export function utcWeekStart(at: number): number {
  return at - ((((at - UTC_MONDAY) % (WEEK_MINUTES * 60_000)) + WEEK_MINUTES * 60_000) % (WEEK_MINUTES * 60_000));
}

/**
 * Weekly local ranges as UTC minute-of-week intervals [start, end) (0 = Monday 00:00 UTC), for the
 * person's week containing `at`, split where they wrap past Sunday midnight. Each end of each range
 * is converted at its own instant, so a week with a daylight-saving change is right on both sides.
 */
export function weeklyRangesAsUtcMinutes(ranges: WeeklyRanges, timeZone: string, at: number): [number, number][] {
  const local = new TZDate(at, timeZone);
  const [y, m, d] = [local.getFullYear(), local.getMonth(), local.getDate() - ((local.getDay() + 6) % 7)];
  const instant = (day: number, hhmm: string) => {
    const minutes = minutesOfDay(hhmm);
    return new TZDate(y, m, d + day, Math.floor(minutes / 60), minutes % 60, 0, timeZone).getTime();
  };
  const out: [number, number][] = [];
  for (const r of ranges) {
    const start = instant(r.day, r.from);
    const length = Math.round((instant(r.day, r.to) - start) / 60_000);
    if (length <= 0) continue;
    const s = ((Math.round((start - UTC_MONDAY) / 60_000) % WEEK_MINUTES) + WEEK_MINUTES) % WEEK_MINUTES;
    if (s + length <= WEEK_MINUTES) out.push([s, s + length]);
    else out.push([s, WEEK_MINUTES], [0, s + length - WEEK_MINUTES]);
  }
  return out;
}

export function openingHoursToRanges(hours: OpeningHours): WeeklyRanges {
  return hours.flatMap((ranges, day) => ranges.map(([from, to]) => ({ day, from, to })));
}

/** Maximal runs of true in a mask as half-open [a, b) pairs. */
export function runs(mask: readonly boolean[]): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  for (let t = 0; t <= mask.length; t++) {
    if (t < mask.length && mask[t]) {
      if (open < 0) open = t;
    } else if (open >= 0) {
      out.push([open, t]);
      open = -1;
    }
  }
  return out;
}
