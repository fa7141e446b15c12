// Contact history in the contract's CSV: parsing, validation with row/field messages, per-queue interval grids.
import { parse } from "csv-parse/sync";
import { InputError } from "../input-error";

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

/** A non-negative number from a CSV field; plain digit strings skip the regex (most of a big file). */
function parseCount(raw: string, fileName: string, line: number, name: string): number {
  let plain = raw.length > 0 && raw.length < 16;
  for (let k = 0; plain && k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c < 48 || c > 57) plain = false;
  }
  if (plain) return Number(raw);
  const text = raw.trim();
  const value = NUMBER.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value)) throw new InputError(`${where(fileName, line, name)}: "${text}" is not a number`);
  if (value < 0) throw new InputError(`${where(fileName, line, name)}: ${text} is negative`);
  return value;
}

function where(fileName: string, line: number | undefined, field: string): string {
  return line === undefined ? `${fileName}, field ${field}` : `${fileName} line ${line} (row ${line - 1}), field ${field}`;
}

/**
 * Parses and validates the history CSV. Throws InputError naming file, line and field for a missing
 * column, a non-numeric or negative count, ai_resolved above offered, or a timestamp that is not ISO
 * 8601 with a zone. Duplicates and interval lengths are checked by `groupByQueue`. With `rowErrors`,
 * bad data rows are collected there and skipped instead of thrown (header errors still throw).
 */
export function parseHistoryCsv(text: string, fileName = "history", rowErrors?: InputError[]): HistoryRow[] {
  const body = text.replace(/^\uFEFF/, "");
  // Quotes need the real CSV parser; the common unquoted case is split line by line for speed on big files.
  let record: (i: number) => string[];
  let count: number;
  if (body.includes('"')) {
    let records: string[][];
    try {
      records = parse(body, { relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (error) {
      const e = error as { lines?: number; message?: string };
      throw new InputError(`${fileName}${e.lines ? ` line ${e.lines}` : ""}: not valid CSV (${(e.message ?? "").split("\n")[0]})`);
    }
    record = (i) => records[i];
    count = records.length;
  } else {
    const lines = body.split(/\r?\n/);
    record = (i) => lines[i].split(",");
    count = lines.length;
  }
  if (!count) throw new InputError(`${fileName}: empty file, expected a header row`);
  const read = historyRowReader(record(0), fileName);
  const rows: HistoryRow[] = [];
  for (let i = 1; i < count; i++) {
    try {
      const row = read(record(i), i + 1);
      if (row) rows.push(row);
    } catch (error) {
      // A caller collecting row errors (the app's upload preview) gets every bad row, not just the first.
      if (rowErrors && error instanceof InputError) rowErrors.push(error);
      else throw error;
    }
  }
  if (!rows.length && !rowErrors?.length) throw new InputError(`${fileName}: no data rows after the header`);
  return rows;
}

/**
 * The reader of a history file's data rows, given its header record (throws InputError for a missing
 * column): each record becomes a HistoryRow, null for an empty line, or an InputError naming line and
 * field. `parseHistoryCsv` and the app's streaming upload share it.
 */
export function historyRowReader(headerRecord: string[], fileName: string): (record: string[], line: number) => HistoryRow | null {
  if (headerRecord.every((c) => c.trim() === "")) throw new InputError(`${fileName}: empty file, expected a header row`);
  const header = headerRecord.map((h) => h.trim().toLowerCase());
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
  const instants = new Map<string, number | null>(); // queues share timestamps: parse each once
  const width = Math.max(col.start, col.queue, col.offered, col.ai, col.aht) + 1;
  return (r, line) => {
    if (r.length === 1 && r[0].trim() === "") return null;
    if (r.length < Math.max(col.start, col.queue, col.offered, col.ai) + 1) {
      const missing = header[Math.min(r.length, width - 1)] ?? "interval_start";
      throw new InputError(`${where(fileName, line, missing)}: missing value (row has ${r.length} fields, header has ${header.length})`);
    }
    const startText = r[col.start].trim();
    let intervalStart = instants.get(startText);
    if (intervalStart === undefined) {
      intervalStart = parseInstant(startText);
      if (instants.size > 100_000) instants.clear();
      instants.set(startText, intervalStart);
    }
    if (intervalStart === null) {
      throw new InputError(`${where(fileName, line, "interval_start")}: "${startText}" is not an ISO 8601 time such as 2026-10-05T08:00:00Z`);
    }
    const queue = r[col.queue].trim();
    if (!queue) throw new InputError(`${where(fileName, line, "queue")}: empty queue name`);
    const offered = parseCount(r[col.offered], fileName, line, "offered");
    const aiResolved = parseCount(r[col.ai], fileName, line, "ai_resolved");
    if (aiResolved > offered) {
      throw new InputError(`${where(fileName, line, "ai_resolved")}: ai_resolved ${aiResolved} is greater than offered ${offered}`);
    }
    const ahtText = col.aht >= 0 ? r[col.aht] : undefined;
    const ahtSeconds = ahtText !== undefined && ahtText.trim() !== "" ? parseCount(ahtText, fileName, line, "aht_seconds") : null;
    return { intervalStart, queue, offered, aiResolved, ahtSeconds, line };
  };
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
    list.sort((a, b) => a.intervalStart - b.intervalStart || (a.line ?? 0) - (b.line ?? 0));
    const intervalMinutes = queueIntervalMinutes(
      queue,
      list.map((r) => r.intervalStart),
      list.map((r) => r.line ?? 0),
      fileName,
    );
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

/**
 * One queue's interval length from its interval starts (ascending, with their 1-based lines, 0 when
 * unknown): the smallest step between timestamps, which must be 5, 15, 30 or 60 minutes, with every other
 * step a multiple of it. Throws InputError for a start given twice, a start off whole minutes, or mixed
 * lengths. Works on plain or typed arrays, so a big upload's starts need not be row objects.
 */
export function queueIntervalMinutes(queue: string, starts: ArrayLike<number>, lines: ArrayLike<number>, fileName = "history"): number {
  const fail = (i: number, why: string): never => {
    throw new InputError(`${where(fileName, lines[i] || undefined, "interval_start")}: ${why}`);
  };
  for (let i = 1; i < starts.length; i++) {
    if (starts[i] === starts[i - 1]) fail(i, `queue ${queue} at ${formatInstant(starts[i])} already given${lines[i - 1] ? ` on line ${lines[i - 1]}` : ""}`);
  }
  const minuteOf = (i: number) => {
    if (starts[i] % MINUTE_MS !== 0) fail(i, `queue ${queue}: interval starts must fall on whole minutes`);
    return starts[i] / MINUTE_MS;
  };
  if (starts.length === 1) {
    const minute = minuteOf(0);
    return [...ALLOWED_INTERVAL_MINUTES].reverse().find((m) => minute % m === 0) ?? fail(0, `queue ${queue}: start not on a 5-minute boundary`);
  }
  let step = 0;
  let stepRow = 1;
  for (let i = 1; i < starts.length; i++) {
    const d = minuteOf(i) - minuteOf(i - 1);
    if (step === 0 || d < step) {
      step = d;
      stepRow = i;
    }
  }
  if (!(ALLOWED_INTERVAL_MINUTES as readonly number[]).includes(step)) {
    fail(stepRow, `queue ${queue}: rows ${step} minutes apart; the interval length must be 5, 15, 30 or 60 minutes`);
  }
  let previousStep = 0;
  for (let i = 1; i < starts.length; i++) {
    const d = minuteOf(i) - minuteOf(i - 1);
    if (gcd(d, step) !== step) {
      fail(i, `queue ${queue}: ${d} minutes after the previous row, not a whole number of its ${step}-minute intervals (mixed interval lengths)`);
    }
    // Two consecutive steps of another allowed length look like data at that length, not a gap.
    if (d !== step && d === previousStep && d <= 60 && (ALLOWED_INTERVAL_MINUTES as readonly number[]).includes(d)) {
      fail(i, `queue ${queue}: rows ${d} minutes apart here but ${step} minutes apart elsewhere (mixed interval lengths)`);
    }
    previousStep = d;
  }
  return step;
}
