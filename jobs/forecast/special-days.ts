// Special days: holidays from the queue's country calendar and the manager's list (sale events, closures), resolved per queue and day.
import { parse } from "csv-parse/sync";
import { InputError } from "../input-error";
import { DAY_MS } from "./history";
import { holidays, type Observance } from "./holidays";

/**
 * One special day, as the manager edits it (or the app derives it). `multiplier` scales the day's
 * normal volume (0: closed; 1.8: a sale event that brings 80 % more); without it the forecast uses
 * what the queue's history shows on days of the same label, then of the same kind, then a default:
 * `closed` → 0; `holiday` → closed for queues that close every week, else like the quietest weekday;
 * `event` → 1 (unknown effect: give a multiplier).
 */
export interface SpecialDay {
  /** Calendar date, YYYY-MM-DD, in the queue's own day (the history's days). */
  date: string;
  kind: "holiday" | "closed" | "event";
  /** e.g. "Black Friday": days with the same label share what history learns about them. */
  label?: string;
  multiplier?: number;
  /** Queues it applies to; all queues when absent. */
  queues?: string[];
}

/** A special day in one queue's day index, with where its effect comes from. */
export interface ResolvedSpecialDay {
  kind: SpecialDay["kind"];
  label: string;
  observance: Observance;
  multiplier?: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDate(text: string, field: string): number {
  const m = DATE.exec(text);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== text) throw new InputError(`${field}: "${text}" is not a date YYYY-MM-DD`);
  return ms;
}

export function checkSpecialDays(days: SpecialDay[]): void {
  days.forEach((d, i) => {
    parseDate(d.date, `specialDays[${i}].date`);
    if (!["holiday", "closed", "event"].includes(d.kind)) throw new InputError(`specialDays[${i}].kind: "${String(d.kind)}" is not holiday, closed or event`);
    if (d.multiplier !== undefined && !(Number.isFinite(d.multiplier) && d.multiplier >= 0)) {
      throw new InputError(`specialDays[${i}].multiplier: ${String(d.multiplier)} must be a number ≥ 0`);
    }
  });
}

/**
 * The special days of one queue from `firstDay` (epoch ms of day 0) over `dayCount` days: the
 * country's holidays, then the manager's list on top (same date: the list wins).
 */
export function resolveSpecialDays(
  queue: string,
  firstDay: number,
  dayCount: number,
  country: string | undefined,
  list: SpecialDay[] | undefined,
): Map<number, ResolvedSpecialDay> {
  const out = new Map<number, ResolvedSpecialDay>();
  const index = (ms: number) => Math.round((ms - firstDay) / DAY_MS);
  const inRange = (d: number) => d >= 0 && d < dayCount;
  if (country) {
    const from = new Date(firstDay).getUTCFullYear();
    const to = new Date(firstDay + dayCount * DAY_MS).getUTCFullYear();
    for (const h of holidays(country, { from, to })) {
      const d = index(parseDate(h.date, "holiday"));
      if (inRange(d)) out.set(d, { kind: "holiday", label: h.name, observance: h.observance });
    }
  }
  for (const s of list ?? []) {
    if (s.queues && !s.queues.includes(queue)) continue;
    const d = index(parseDate(s.date, "specialDays.date"));
    if (!inRange(d)) continue;
    out.set(d, { kind: s.kind, label: s.label ?? s.kind, observance: "public", multiplier: s.multiplier });
  }
  return out;
}

/** What the history says about special days: ratios of actual to normal volume by label and by kind (0 = closed). */
export class SpecialDayEvidence {
  private readonly byLabel = new Map<string, number[]>();
  private readonly byKind = new Map<string, number[]>();

  add(day: ResolvedSpecialDay, ratio: number): void {
    // A partial holiday says nothing about full ones, so kinds learn from public ones only.
    const push = (map: Map<string, number[]>, key: string) => map.set(key, [...(map.get(key) ?? []), ratio]);
    push(this.byLabel, day.label);
    if (day.observance === "public") push(this.byKind, day.kind);
  }

  /**
   * The day's multiplier: given, else learned (label, then kind: the median, since one odd year
   * should not move it much), else the default of its kind. `quietest` is the smallest weekday
   * factor over this weekday's, `closesWeekly` whether the queue has weekdays it is always closed.
   */
  multiplier(day: ResolvedSpecialDay, quietest: number, closesWeekly: boolean): number {
    if (day.multiplier !== undefined) return day.multiplier;
    const label = this.byLabel.get(day.label);
    if (label?.length) return median(label);
    if (day.observance === "partial") return 1;
    const kind = this.byKind.get(day.kind);
    if (kind?.length) return median(kind);
    if (day.kind === "closed") return 0;
    if (day.kind === "event") return 1;
    return closesWeekly ? 0 : quietest;
  }
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/**
 * The manager's list as CSV: header `date,kind[,label][,multiplier][,queue]`, one special day per
 * line; an empty queue means every queue. Throws InputError naming file, line and field.
 */
export function parseSpecialDaysCsv(text: string, fileName: string): SpecialDay[] {
  const records = parse(text, { skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  if (records.length === 0) throw new InputError(`${fileName}: empty file (expected a header date,kind[,label][,multiplier][,queue])`);
  const header = records[0].map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  for (const need of ["date", "kind"]) if (col(need) < 0) throw new InputError(`${fileName}: line 1: missing column "${need}"`);
  const out: SpecialDay[] = [];
  records.slice(1).forEach((r, i) => {
    const line = i + 2;
    const cell = (name: string) => (col(name) >= 0 ? (r[col(name)] ?? "").trim() : "");
    const date = cell("date");
    const kind = cell("kind").toLowerCase();
    try {
      parseDate(date, "date");
    } catch {
      throw new InputError(`${fileName}: line ${line}: date: "${date}" is not a date YYYY-MM-DD`);
    }
    if (kind !== "holiday" && kind !== "closed" && kind !== "event")
      throw new InputError(`${fileName}: line ${line}: kind: "${kind}" is not holiday, closed or event`);
    const day: SpecialDay = { date, kind };
    if (cell("label")) day.label = cell("label");
    const m = cell("multiplier");
    if (m) {
      const v = Number(m);
      if (!(Number.isFinite(v) && v >= 0)) throw new InputError(`${fileName}: line ${line}: multiplier: "${m}" is not a number ≥ 0`);
      day.multiplier = v;
    }
    if (cell("queue")) day.queues = [cell("queue")];
    out.push(day);
  });
  return out;
}
