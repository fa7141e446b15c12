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
export function weeklyMask(
  start: number,
  intervals: number,
  intervalMinutes: number,
  timeZone: string,
  ranges: WeeklyRanges,
): boolean[] {
  const byDay: [number, number][][] = Array.from({ length: 7 }, () => []);
  for (const r of ranges) byDay[r.day].push([minutesOfDay(r.from), minutesOfDay(r.to)]);
  const mask: boolean[] = new Array(intervals);
  for (let t = 0; t < intervals; t++) {
    const { weekday, minute } = localSlot(start + t * intervalMinutes * 60_000, timeZone);
    mask[t] = byDay[weekday].some(([from, to]) => minute >= from && minute < to);
  }
  return mask;
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
