// Contact history in the contract's CSV: parsing, validation with row/field messages, per-queue interval grids.
import { parse } from "csv-parse/sync";
import { InputError } from "../cli-io";

/** One row of history: a queue's contacts in one interval. */
export interface HistoryRow {
  /** Interval start, milliseconds since the epoch (UTC). */
  intervalStart: number;
  queue: string;
  offered: number;
  aiResolved: number;
  /** Average human handle time; null when the file leaves it empty. */
  ahtSeconds: number | null;
  /** 1-based line in the source file, for error messages (absent for rows built in code). */
  line?: number;
}

export const ALLOWED_INTERVAL_MINUTES = [5, 15, 30, 60] as const;
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const REQUIRED_COLUMNS = ["interval_start", "queue", "offered", "ai_resolved"] as const;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses an ISO 8601 instant with a zone (`Z` or ±hh:mm); null when it is not one. */
export function parseInstant(text: string): number | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0", frac = "", zone] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  let ms = Date.UTC(year, month - 1, day, hour, minute, second, frac ? Math.round(Number(`0.${frac}`) * 1000) : 0);
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  if (zone !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
    ms -= sign * offset * MINUTE_MS;
  }
  return ms;
}

/** `2026-12-07T08:00:00Z` */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.000Z$/, "Z");
}

function where(fileName: string, line: number | undefined, field: string): string {
  return line === undefined ? `${fileName}, field ${field}` : `${fileName} line ${line} (row ${line - 1}), field ${field}`;
}

function splitFast(text: string): string[][] | null {
  // Quotes need the real CSV parser; the common unquoted case is split directly for speed on big files.
  if (text.includes('"')) return null;
  return text.split(/\r?\n/).map((l) => l.split(","));
}

/**
 * Parses and validates the history CSV. Throws InputError naming file, line and field for a missing
 * column, a non-numeric or negative count, ai_resolved above offered, a timestamp that is not ISO
 * 8601 with a zone, or a queue/interval given twice. Interval lengths are checked by `groupByQueue`.
 */
export function parseHistoryCsv(text: string, fileName = "history"): HistoryRow[] {
  let records: string[][];
  const fast = splitFast(text.replace(/^\uFEFF/, ""));
  if (fast) records = fast;
  else {
    try {
      records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (error) {
      const e = error as { lines?: number; message?: string };
      throw new InputError(`${fileName}${e.lines ? ` line ${e.lines}` : ""}: not valid CSV (${(e.message ?? "").split("\n")[0]})`);
    }
  }
  while (records.length && records[records.length - 1].every((c) => c.trim() === "")) records.pop();
  if (!records.length) throw new InputError(`${fileName}: empty file, expected a header row`);
  const header = records[0].map((h) => h.trim().toLowerCase());
  for (const column of REQUIRED_COLUMNS) {
    if (!header.includes(column)) throw new InputError(`${fileName} line 1 (header), field ${column}: missing column "${column}"`);
  }
  const col = {
    start: header.indexOf("interval_start"),
    queue: header.indexOf("queue"),
    offered: header.indexOf("offered"),
    ai: header.indexOf("ai_resolved"),
    aht: header.indexOf("aht_seconds"),
  };
  const rows: HistoryRow[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < records.length; i++) {
    const r = records[i];
    const line = i + 1;
    if (r.length === 1 && r[0].trim() === "") continue;
    const field = (index: number, name: string) => {
      const value = r[index];
      if (value === undefined) throw new InputError(`${where(fileName, line, name)}: missing value (row has ${r.length} fields)`);
      return value.trim();
    };
    const startText = field(col.start, "interval_start");
    const intervalStart = parseInstant(startText);
    if (intervalStart === null) {
      throw new InputError(`${where(fileName, line, "interval_start")}: "${startText}" is not an ISO 8601 time such as 2026-10-05T08:00:00Z`);
    }
    const queue = field(col.queue, "queue");
    if (!queue) throw new InputError(`${where(fileName, line, "queue")}: empty queue name`);
    const count = (index: number, name: string) => {
      const text = field(index, name);
      const value = NUMBER.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(value)) throw new InputError(`${where(fileName, line, name)}: "${text}" is not a number`);
      if (value < 0) throw new InputError(`${where(fileName, line, name)}: ${text} is negative`);
      return value;
    };
    const offered = count(col.offered, "offered");
    const aiResolved = count(col.ai, "ai_resolved");
    if (aiResolved > offered) {
      throw new InputError(`${where(fileName, line, "ai_resolved")}: ai_resolved ${aiResolved} is greater than offered ${offered}`);
    }
    let ahtSeconds: number | null = null;
    if (col.aht >= 0 && (r[col.aht] ?? "").trim() !== "") {
      ahtSeconds = count(col.aht, "aht_seconds");
    }
    const key = `${queue}\u0000${intervalStart}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw new InputError(`${where(fileName, line, "interval_start")}: queue ${queue} at ${startText} already given on line ${previous}`);
    }
    seen.set(key, line);
    rows.push({ intervalStart, queue, offered, aiResolved, ahtSeconds, line });
  }
  if (!rows.length) throw new InputError(`${fileName}: no data rows after the header`);
  return rows;
}

/** One queue's history on a regular grid; NaN marks an interval the history does not give (missing ≠ zero). */
export interface QueueSeries {
  queue: string;
  intervalMinutes: number;
  /** Epoch ms of the first grid day (UTC midnight) */
  firstDay: number;
  /** Grid offset within the day of interval starts, in ms (e.g. a 30-minute queue on :15/:45). */
  phaseMs: number;
  slotsPerDay: number;
  days: number;
  offered: Float64Array;
  aiResolved: Float64Array;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Groups rows by queue and infers each queue's interval length: the smallest step between its
 * timestamps, which must be 5, 15, 30 or 60 minutes, with every other step a multiple of it
 * (longer steps are gaps). A queue whose rows step by another allowed length twice in a row
 * mixes interval lengths and is rejected.
 */
export function groupByQueue(rows: HistoryRow[], fileName = "history"): QueueSeries[] {
  const byQueue = new Map<string, HistoryRow[]>();
  for (const row of rows) {
    const list = byQueue.get(row.queue);
    if (list) list.push(row);
    else byQueue.set(row.queue, [row]);
  }
  const out: QueueSeries[] = [];
  for (const [queue, list] of [...byQueue].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    list.sort((a, b) => a.intervalStart - b.intervalStart);
    const intervalMinutes = inferInterval(queue, list, fileName);
    const step = intervalMinutes * MINUTE_MS;
    const firstDay = Math.floor(list[0].intervalStart / DAY_MS) * DAY_MS;
    const phaseMs = (((list[0].intervalStart - firstDay) % step) + step) % step;
    const slotsPerDay = (24 * 60) / intervalMinutes;
    const days = Math.floor((list[list.length - 1].intervalStart - firstDay) / DAY_MS) + 1;
    const offered = new Float64Array(days * slotsPerDay).fill(NaN);
    const aiResolved = new Float64Array(days * slotsPerDay).fill(NaN);
    for (const row of list) {
      const index = Math.round((row.intervalStart - firstDay - phaseMs) / step);
      offered[index] = row.offered;
      aiResolved[index] = row.aiResolved;
    }
    out.push({ queue, intervalMinutes, firstDay, phaseMs, slotsPerDay, days, offered, aiResolved });
  }
  return out;
}

function inferInterval(queue: string, list: HistoryRow[], fileName: string): number {
  const fail = (row: HistoryRow, why: string): never => {
    throw new InputError(`${where(fileName, row.line, "interval_start")}: ${why}`);
  };
  const minuteOf = (row: HistoryRow) => {
    if (row.intervalStart % MINUTE_MS !== 0) fail(row, `queue ${queue}: interval starts must fall on whole minutes`);
    return row.intervalStart / MINUTE_MS;
  };
  if (list.length === 1) {
    const minute = minuteOf(list[0]);
    return [...ALLOWED_INTERVAL_MINUTES].reverse().find((m) => minute % m === 0) ?? fail(list[0], `queue ${queue}: start not on a 5-minute boundary`);
  }
  let step = 0;
  let stepRow = list[1];
  for (let i = 1; i < list.length; i++) {
    const d = minuteOf(list[i]) - minuteOf(list[i - 1]);
    if (step === 0 || d < step) {
      step = d;
      stepRow = list[i];
    }
  }
  if (!(ALLOWED_INTERVAL_MINUTES as readonly number[]).includes(step)) {
    fail(stepRow, `queue ${queue}: rows ${step} minutes apart; the interval length must be 5, 15, 30 or 60 minutes`);
  }
  let previousStep = 0;
  for (let i = 1; i < list.length; i++) {
    const d = minuteOf(list[i]) - minuteOf(list[i - 1]);
    if (gcd(d, step) !== step) {
      fail(list[i], `queue ${queue}: ${d} minutes after the previous row, not a whole number of its ${step}-minute intervals (mixed interval lengths)`);
    }
    // Two consecutive steps of another allowed length look like data at that length, not a gap.
    if (d !== step && d === previousStep && d <= 60 && (ALLOWED_INTERVAL_MINUTES as readonly number[]).includes(d)) {
      fail(list[i], `queue ${queue}: rows ${d} minutes apart here but ${step} minutes apart elsewhere (mixed interval lengths)`);
    }
    previousStep = d;
  }
  return step;
}
