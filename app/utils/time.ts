// Formatting instants for people: always in a named time zone, saying the zone when it is not the viewer's.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * A Date whose local getters read its UTC fields: holding "instant + the zone's offset", date-fns formats
 * it as the wall-clock time in that zone without TZDate, which asks Intl for the offset several times per
 * date (a page of shifts spent most of its render there).
 */
class WallClock extends Date {
  override getFullYear() {
    return this.getUTCFullYear();
  }
  override getMonth() {
    return this.getUTCMonth();
  }
  override getDate() {
    return this.getUTCDate();
  }
  override getDay() {
    return this.getUTCDay();
  }
  override getHours() {
    return this.getUTCHours();
  }
  override getMinutes() {
    return this.getUTCMinutes();
  }
  override getSeconds() {
    return this.getUTCSeconds();
  }
  override getMilliseconds() {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset() {
    return 0;
  }
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();
const QUARTER_HOUR = 15 * 60_000;

/** A zone's offset from UTC at an instant, in ms; offsets change only on quarter hours, so each quarter hour is asked once. */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  const key = `${timeZone}|${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    let formatter = offsetFormats.get(timeZone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
      offsetFormats.set(timeZone, formatter);
    }
    const m = /GMT(?:([+-])(\d\d):?(\d\d)?)?/.exec(formatter.format(ms));
    offset = m?.[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000 : 0;
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

export function formatInZone(iso: string | Date | number, timeZone: string, pattern = "d MMM HH:mm"): string {
  const ms = new Date(iso).getTime();
  return format(new WallClock(ms + zoneOffsetMs(timeZone, ms)), pattern);
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds % 60)} s`;
}

/** A short zone label such as "CET" or "GMT+2", for showing next to times. */
const abbreviationFormats = new Map<string, Intl.DateTimeFormat>();

export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  let formatter = abbreviationFormats.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" });
    abbreviationFormats.set(timeZone, formatter);
  }
  const part = formatter.formatToParts(at).find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** The instant a local calendar date (YYYY-MM-DD) begins in a time zone. */
export function startOfLocalDay(isoDate: string, timeZone: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, timeZone).getTime());
}

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(at: Date | number, timeZone: string): string {
  return formatInZone(at, timeZone, "yyyy-MM-dd");
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Dates people plan with: anything outside these years is a typo or an attack, and is refused. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A YYYY-MM-DD string that is a real date between FIRST_YEAR and LAST_YEAR; null otherwise. */
export function parseIsoDate(value: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "");
  return m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? m[0] : null;
}

/** A `datetime-local` value ("YYYY-MM-DDTHH:mm") read in a time zone; null when malformed or out of range. */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59) return null;
  return new Date(new TZDate(y, mo - 1, d, h, mi, 0, timeZone).getTime());
}

/** An instant as a `datetime-local` value in a time zone. */
export function toLocalDateTime(at: Date | string | number, timeZone: string): string {
  return formatInZone(at, timeZone, "yyyy-MM-dd'T'HH:mm");
}
