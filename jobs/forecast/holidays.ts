// Public holidays per country, computed from their rules (fixed dates, nth weekdays, Easter offsets): no network, no tables to update.
import { InputError } from "../input-error";

/**
 * `public`: offices and business-hours services close (the forecast treats the day as closed for
 * queues that close every week, and as a quiet day for queues open every day).
 * `partial`: widely worked (e.g. US Columbus Day, Christmas Eve in Germany): no effect unless the
 * queue's own history or the manager's list says otherwise.
 */
export type Observance = "public" | "partial";

export interface Holiday {
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  name: string;
  observance: Observance;
}

export const HOLIDAY_COUNTRIES = ["US", "SE", "FI", "NO", "DK", "DE", "PL", "GB"] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

const COUNTRY_OF_LANGUAGE: Record<string, HolidayCountry> = { sv: "SE", fi: "FI", no: "NO", nb: "NO", nn: "NO", da: "DK", de: "DE", en: "GB", pl: "PL" };

/** The calendar a queue in this language starts with (a manager can change it): sv → SE, en → GB…; null when none fits. */
export function countryOfLanguage(language: string): HolidayCountry | null {
  return COUNTRY_OF_LANGUAGE[language.toLowerCase()] ?? null;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const weekday = (ms: number) => new Date(ms).getUTCDay();

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

/** The n-th (1-based) `wd` (0 = Sunday) of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, wd: number, n: number): number {
  if (n > 0) {
    const first = utc(year, month, 1);
    return first + (((wd - weekday(first) + 7) % 7) + 7 * (n - 1)) * DAY;
  }
  const last = utc(year, month + 1, 0);
  return last - ((weekday(last) - wd + 7) % 7) * DAY;
}

/** The first `wd` on or after a date (for "the Saturday between 20 and 26 June" rules). */
const weekdayOnOrAfter = (ms: number, wd: number) => ms + ((wd - weekday(ms) + 7) % 7) * DAY;

type Rule = [name: string, ms: number, observance?: Observance];

function rules(country: HolidayCountry, y: number): Rule[] {
  const easter = easterSunday(y);
  const e = (offset: number) => easter + offset * DAY;
  switch (country) {
    case "US": {
      // Federal holidays; a Saturday one is observed on the Friday before, a Sunday one on the Monday after.
      const observed = (ms: number) => (weekday(ms) === 6 ? ms - DAY : weekday(ms) === 0 ? ms + DAY : ms);
      const list: Rule[] = [
        ["New Year's Day", observed(utc(y, 1, 1))],
        ["Martin Luther King Jr. Day", nthWeekday(y, 1, 1, 3), "partial"],
        ["Presidents' Day", nthWeekday(y, 2, 1, 3), "partial"],
        ["Memorial Day", nthWeekday(y, 5, 1, -1)],
        ["Independence Day", observed(utc(y, 7, 4))],
        ["Labor Day", nthWeekday(y, 9, 1, 1)],
        ["Columbus Day", nthWeekday(y, 10, 1, 2), "partial"],
        ["Veterans Day", observed(utc(y, 11, 11)), "partial"],
        ["Thanksgiving Day", nthWeekday(y, 11, 4, 4)],
        ["Day after Thanksgiving", nthWeekday(y, 11, 4, 4) + DAY, "partial"],
        ["Christmas Day", observed(utc(y, 12, 25))],
      ];
      if (y >= 2021) list.push(["Juneteenth", observed(utc(y, 6, 19)), "partial"]);
      return list;
    }
    case "SE":
      return [
        ["Nyårsdagen", utc(y, 1, 1)],
        ["Trettondedag jul", utc(y, 1, 6)],
        ["Långfredagen", e(-2)],
        ["Påskdagen", e(0)],
        ["Annandag påsk", e(1)],
        ["Första maj", utc(y, 5, 1)],
        ["Kristi himmelsfärdsdag", e(39)],
        ["Pingstdagen", e(49)],
        ["Sveriges nationaldag", utc(y, 6, 6)],
        ["Midsommarafton", weekdayOnOrAfter(utc(y, 6, 19), 5)],
        ["Midsommardagen", weekdayOnOrAfter(utc(y, 6, 20), 6)],
        ["Alla helgons dag", weekdayOnOrAfter(utc(y, 10, 31), 6)],
        ["Julafton", utc(y, 12, 24)],
        ["Juldagen", utc(y, 12, 25)],
        ["Annandag jul", utc(y, 12, 26)],
        ["Nyårsafton", utc(y, 12, 31)],
      ];
    case "FI":
      return [
        ["Uudenvuodenpäivä", utc(y, 1, 1)],
        ["Loppiainen", utc(y, 1, 6)],
        ["Pitkäperjantai", e(-2)],
        ["Pääsiäispäivä", e(0)],
        ["Toinen pääsiäispäivä", e(1)],
        ["Vappu", utc(y, 5, 1)],
        ["Helatorstai", e(39)],
        ["Helluntaipäivä", e(49)],
        ["Juhannusaatto", weekdayOnOrAfter(utc(y, 6, 19), 5)],
        ["Juhannuspäivä", weekdayOnOrAfter(utc(y, 6, 20), 6)],
        ["Pyhäinpäivä", weekdayOnOrAfter(utc(y, 10, 31), 6)],
        ["Itsenäisyyspäivä", utc(y, 12, 6)],
        ["Jouluaatto", utc(y, 12, 24)],
        ["Joulupäivä", utc(y, 12, 25)],
        ["Tapaninpäivä", utc(y, 12, 26)],
      ];
    case "NO":
      return [
        ["Første nyttårsdag", utc(y, 1, 1)],
        ["Skjærtorsdag", e(-3)],
        ["Langfredag", e(-2)],
        ["Første påskedag", e(0)],
        ["Andre påskedag", e(1)],
        ["Arbeidernes dag", utc(y, 5, 1)],
        ["Grunnlovsdag", utc(y, 5, 17)],
        ["Kristi himmelfartsdag", e(39)],
        ["Første pinsedag", e(49)],
        ["Andre pinsedag", e(50)],
        ["Julaften", utc(y, 12, 24), "partial"],
        ["Første juledag", utc(y, 12, 25)],
        ["Andre juledag", utc(y, 12, 26)],
      ];
    case "DK": {
      const list: Rule[] = [
        ["Nytårsdag", utc(y, 1, 1)],
        ["Skærtorsdag", e(-3)],
        ["Langfredag", e(-2)],
        ["Påskedag", e(0)],
        ["Anden påskedag", e(1)],
        ["Kristi himmelfartsdag", e(39)],
        ["Pinsedag", e(49)],
        ["Anden pinsedag", e(50)],
        ["Grundlovsdag", utc(y, 6, 5), "partial"],
        ["Juleaftensdag", utc(y, 12, 24), "partial"],
        ["Juledag", utc(y, 12, 25)],
        ["Anden juledag", utc(y, 12, 26)],
      ];
      // Store bededag (fourth Friday after Easter) was abolished from 2024.
      if (y <= 2023) list.push(["Store bededag", e(26)]);
      return list;
    }
    case "DE":
      // Nationwide holidays only; the Länder add their own (e.g. Fronleichnam), which managers can list as special days.
      return [
        ["Neujahr", utc(y, 1, 1)],
        ["Karfreitag", e(-2)],
        ["Ostermontag", e(1)],
        ["Tag der Arbeit", utc(y, 5, 1)],
        ["Christi Himmelfahrt", e(39)],
        ["Pfingstmontag", e(50)],
        ["Tag der Deutschen Einheit", utc(y, 10, 3)],
        ["Heiligabend", utc(y, 12, 24), "partial"],
        ["1. Weihnachtstag", utc(y, 12, 25)],
        ["2. Weihnachtstag", utc(y, 12, 26)],
        ["Silvester", utc(y, 12, 31), "partial"],
      ];
    case "PL": {
      const list: Rule[] = [
        ["Nowy Rok", utc(y, 1, 1)],
        ["Trzech Króli", utc(y, 1, 6)],
        ["Wielkanoc", e(0)],
        ["Poniedziałek Wielkanocny", e(1)],
        ["Święto Pracy", utc(y, 5, 1)],
        ["Święto Konstytucji 3 Maja", utc(y, 5, 3)],
        ["Zielone Świątki", e(49)],
        ["Boże Ciało", e(60)],
        ["Wniebowzięcie NMP", utc(y, 8, 15)],
        ["Wszystkich Świętych", utc(y, 11, 1)],
        ["Narodowe Święto Niepodległości", utc(y, 11, 11)],
        ["Boże Narodzenie", utc(y, 12, 25)],
        ["Drugi dzień Bożego Narodzenia", utc(y, 12, 26)],
      ];
      // Christmas Eve became a public holiday in 2025.
      list.push(["Wigilia", utc(y, 12, 24), y >= 2025 ? "public" : "partial"]);
      return list;
    }
    case "GB": {
      // England and Wales bank holidays; one on a weekend moves to the next weekday not already a holiday.
      const substitute = (ms: number, taken: number[]) => {
        let d = ms;
        while (weekday(d) === 0 || weekday(d) === 6 || taken.includes(d)) d += DAY;
        return d;
      };
      const newYear = substitute(utc(y, 1, 1), []);
      const christmas = substitute(utc(y, 12, 25), []);
      const boxing = substitute(utc(y, 12, 26), [christmas]);
      return [
        ["New Year's Day", newYear],
        ["Good Friday", e(-2)],
        ["Easter Monday", e(1)],
        ["Early May bank holiday", nthWeekday(y, 5, 1, 1)],
        ["Spring bank holiday", nthWeekday(y, 5, 1, -1)],
        ["Summer bank holiday", nthWeekday(y, 8, 1, -1)],
        ["Christmas Day", christmas],
        ["Boxing Day", boxing],
      ];
    }
  }
}

/** The holidays of `country` (ISO 3166 alpha-2, case-insensitive) in the given years, in date order. */
export function holidays(country: string, years: { from: number; to: number }): Holiday[] {
  const code = country.toUpperCase();
  if (!(HOLIDAY_COUNTRIES as readonly string[]).includes(code)) {
    throw new InputError(`country "${country}" has no holiday calendar (known: ${HOLIDAY_COUNTRIES.join(", ")})`);
  }
  const out: Holiday[] = [];
  for (let y = years.from; y <= years.to; y++) {
    for (const [name, ms, observance] of rules(code as HolidayCountry, y)) out.push({ date: iso(ms), name, observance: observance ?? "public" });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
