// Volume-history uploads in the contract's CSV format: every bad row reported, then one transaction
// that replaces each queue's overlapping period. An uploaded file is read from disk as a stream, twice
// (check, then import), so a 50 MB file never sits in memory whole, nor do its rows.
import { createReadStream } from "node:fs";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import { prisma } from "~/utils/db.server";
import { insertVolumeRows, type VolumeRow } from "./volume.server";
import { groupByQueue, historyRowReader, InputError, parseHistoryCsv, queueIntervalMinutes, type HistoryRow } from "../../jobs/forecast";

export type QueueSummary = { queue: string; rows: number; from: string; to: string; intervalMinutes: number; offered: number; aiResolved: number };
export type HistoryCheck = { ok: true; rows: HistoryRow[]; queues: QueueSummary[] } | { ok: false; errors: string[]; totalErrors: number };

const MAX_LISTED_ERRORS = 200;
/** Past these, a figure is a typo (and would not fit the database's integer columns). */
const MAX_CONTACTS_PER_INTERVAL = 1_000_000;
const MAX_AHT_SECONDS = 86_400;

/** Validates a history file against the contract and the queues that exist; nothing is written. */
export async function checkHistoryFile(text: string, fileName: string): Promise<HistoryCheck> {
  if (text.includes("\0")) return { ok: false, errors: [`${fileName}: the file contains NUL characters; export it again as plain CSV text.`], totalErrors: 1 };
  const rowErrors: InputError[] = [];
  let rows: HistoryRow[];
  try {
    rows = parseHistoryCsv(text, fileName, rowErrors);
  } catch (error) {
    if (error instanceof InputError) return { ok: false, errors: [error.message], totalErrors: 1 };
    throw error;
  }
  const known = new Set((await prisma.queue.findMany({ select: { key: true } })).map((q) => q.key));
  const errors = rowErrors.map((e) => e.message);
  for (const row of rows) {
    const where = `${fileName} line ${row.line} (row ${(row.line ?? 1) - 1})`;
    if (!known.has(row.queue)) errors.push(`${where}, field queue: "${row.queue}" is not a queue here (known: ${[...known].join(", ")})`);
    if (row.offered > MAX_CONTACTS_PER_INTERVAL)
      errors.push(`${where}, field offered: ${row.offered} is more than ${MAX_CONTACTS_PER_INTERVAL.toLocaleString("en-GB")} contacts in one interval`);
    if (row.ahtSeconds !== null && row.ahtSeconds > MAX_AHT_SECONDS) errors.push(`${where}, field aht_seconds: ${row.ahtSeconds} is more than a day`);
  }
  if (errors.length) return { ok: false, errors: errors.slice(0, MAX_LISTED_ERRORS), totalErrors: errors.length };
  let series;
  try {
    series = groupByQueue(rows, fileName);
  } catch (error) {
    if (error instanceof InputError) return { ok: false, errors: [error.message], totalErrors: 1 };
    throw error;
  }
  const queues = series.map((s) => {
    const own = rows.filter((r) => r.queue === s.queue);
    const first = Math.min(...own.map((r) => r.intervalStart));
    const last = Math.max(...own.map((r) => r.intervalStart));
    return {
      queue: s.queue,
      rows: own.length,
      from: new Date(first).toISOString(),
      to: new Date(last + s.intervalMinutes * 60_000).toISOString(),
      intervalMinutes: s.intervalMinutes,
      offered: own.reduce((sum, r) => sum + r.offered, 0),
      aiResolved: own.reduce((sum, r) => sum + r.aiResolved, 0),
    };
  });
  return { ok: true, rows, queues };
}

/** Replaces, for every queue in the file, the stored history over the file's period: all queues or none. */
export async function importHistory(rows: HistoryRow[], queues: QueueSummary[]): Promise<number> {
  const ids = new Map((await prisma.queue.findMany({ select: { id: true, key: true } })).map((q) => [q.key, q.id]));
  return prisma.$transaction(
    async (tx) => {
      let written = 0;
      for (const q of queues) {
        const queueId = ids.get(q.queue)!;
        await tx.volumeInterval.deleteMany({ where: { queueId, intervalStart: { gte: new Date(q.from), lt: new Date(q.to) } } });
        const own = rows.filter((r) => r.queue === q.queue);
        written += await insertVolumeRows(
          tx,
          queueId,
          own.map((r) => ({
            intervalStart: new Date(r.intervalStart),
            intervalMinutes: q.intervalMinutes,
            offered: Math.round(r.offered),
            aiResolved: Math.round(r.aiResolved),
            ahtSeconds: r.ahtSeconds === null ? null : Math.round(r.ahtSeconds),
          })),
        );
      }
      return written;
    },
    { timeout: 300_000 },
  );
}

/** Rows read per import statement while streaming a file (one transaction for the whole file). */
const IMPORT_CHUNK = 5_000;

/** A CSV file's records, streamed from disk; NUL bytes and broken CSV become InputErrors. */
async function* fileRecords(path: string, fileName: string): AsyncGenerator<string[]> {
  const nulCheck = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (chunk.includes(0)) done(new InputError(`${fileName}: the file contains NUL characters; export it again as plain CSV text.`));
      else done(null, chunk);
    },
  });
  const records = createReadStream(path)
    .pipe(nulCheck)
    .pipe(parse({ relax_column_count: true, skip_empty_lines: false, bom: true }));
  nulCheck.on("error", (error) => records.destroy(error));
  try {
    for await (const record of records) yield record as string[];
  } catch (error) {
    if (error instanceof InputError) throw error;
    const e = error as { lines?: number; message?: string };
    throw new InputError(`${fileName}${e.lines ? ` line ${e.lines}` : ""}: not valid CSV (${(e.message ?? "").split("\n")[0]})`);
  }
}

/** One queue's interval starts and lines as they stream by, in typed arrays (12 bytes a row), with running sums. */
class QueueRows {
  starts = new Float64Array(1024);
  lines = new Int32Array(1024);
  length = 0;
  offered = 0;
  aiResolved = 0;
  push(row: HistoryRow) {
    if (this.length === this.starts.length) {
      const starts = new Float64Array(this.length * 2);
      starts.set(this.starts);
      this.starts = starts;
      const lines = new Int32Array(this.length * 2);
      lines.set(this.lines);
      this.lines = lines;
    }
    this.starts[this.length] = row.intervalStart;
    this.lines[this.length++] = row.line ?? 0;
    this.offered += row.offered;
    this.aiResolved += row.aiResolved;
  }
  /** Starts ascending (lines alongside), as the interval checks read them. */
  sorted() {
    const order = new Uint32Array(this.length).map((_, i) => i);
    order.sort((a, b) => this.starts[a] - this.starts[b] || this.lines[a] - this.lines[b]);
    return { starts: Float64Array.from(order, (i) => this.starts[i]), lines: Int32Array.from(order, (i) => this.lines[i]) };
  }
}

/** Each data row of an uploaded file with its problems (an InputError per bad row), streamed. */
async function* fileRows(path: string, fileName: string): AsyncGenerator<HistoryRow | InputError> {
  let read: ((record: string[], line: number) => HistoryRow | null) | undefined;
  let line = 0;
  for await (const record of fileRecords(path, fileName)) {
    line++;
    if (!read) {
      read = historyRowReader(record, fileName);
      continue;
    }
    try {
      const row = read(record, line);
      if (row) yield row;
    } catch (error) {
      if (error instanceof InputError) yield error;
      else throw error;
    }
  }
  if (!read) throw new InputError(`${fileName}: empty file, expected a header row`);
}

export type UploadCheck = { ok: true; queues: QueueSummary[] } | { ok: false; errors: string[]; totalErrors: number };

/**
 * Validates an uploaded history file on disk as `checkHistoryFile` does a text — the same messages —
 * streaming it: each row is checked as it comes, and only each queue's interval starts are kept.
 */
export async function checkHistoryUpload(path: string, fileName: string): Promise<UploadCheck> {
  const known = new Set((await prisma.queue.findMany({ select: { key: true } })).map((q) => q.key));
  const errors: string[] = [];
  let totalErrors = 0;
  const note = (message: string) => {
    if (errors.length < MAX_LISTED_ERRORS) errors.push(message);
    totalErrors++;
  };
  const queues = new Map<string, QueueRows>();
  let rows = 0;
  try {
    for await (const row of fileRows(path, fileName)) {
      if (row instanceof InputError) {
        note(row.message);
        continue;
      }
      rows++;
      const where = `${fileName} line ${row.line} (row ${(row.line ?? 1) - 1})`;
      if (!known.has(row.queue)) note(`${where}, field queue: "${row.queue}" is not a queue here (known: ${[...known].join(", ")})`);
      if (row.offered > MAX_CONTACTS_PER_INTERVAL)
        note(`${where}, field offered: ${row.offered} is more than ${MAX_CONTACTS_PER_INTERVAL.toLocaleString("en-GB")} contacts in one interval`);
      if (row.ahtSeconds !== null && row.ahtSeconds > MAX_AHT_SECONDS) note(`${where}, field aht_seconds: ${row.ahtSeconds} is more than a day`);
      let own = queues.get(row.queue);
      if (!own) queues.set(row.queue, (own = new QueueRows()));
      own.push(row);
    }
  } catch (error) {
    if (error instanceof InputError) return { ok: false, errors: [error.message], totalErrors: 1 };
    throw error;
  }
  if (!rows && !totalErrors) return { ok: false, errors: [`${fileName}: no data rows after the header`], totalErrors: 1 };
  if (totalErrors) return { ok: false, errors, totalErrors };
  const summaries: QueueSummary[] = [];
  for (const [queue, own] of [...queues].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const { starts, lines } = own.sorted();
    let intervalMinutes: number;
    try {
      intervalMinutes = queueIntervalMinutes(queue, starts, lines, fileName);
    } catch (error) {
      if (error instanceof InputError) return { ok: false, errors: [error.message], totalErrors: 1 };
      throw error;
    }
    summaries.push({
      queue,
      rows: own.length,
      from: new Date(starts[0]).toISOString(),
      to: new Date(starts[starts.length - 1] + intervalMinutes * 60_000).toISOString(),
      intervalMinutes,
      offered: own.offered,
      aiResolved: own.aiResolved,
    });
  }
  return { ok: true, queues: summaries };
}

/**
 * Imports a file `checkHistoryUpload` passed: in one transaction, each queue's period is emptied, then the
 * file is streamed again and written in chunks — all queues or none, as `importHistory`.
 */
export async function importHistoryUpload(path: string, fileName: string, queues: QueueSummary[]): Promise<number> {
  const ids = new Map((await prisma.queue.findMany({ select: { id: true, key: true } })).map((q) => [q.key, q.id]));
  const minutes = new Map(queues.map((q) => [q.queue, q.intervalMinutes]));
  return prisma.$transaction(
    async (tx) => {
      for (const q of queues)
        await tx.volumeInterval.deleteMany({ where: { queueId: ids.get(q.queue)!, intervalStart: { gte: new Date(q.from), lt: new Date(q.to) } } });
      let written = 0;
      const pending = new Map<string, VolumeRow[]>();
      const flush = async (queue: string) => {
        const rows = pending.get(queue);
        if (rows?.length) written += await insertVolumeRows(tx, ids.get(queue)!, rows);
        pending.set(queue, []);
      };
      for await (const row of fileRows(path, fileName)) {
        // The file passed the check a moment ago; a row that no longer reads means it changed on disk.
        if (row instanceof InputError) throw row;
        const list = pending.get(row.queue) ?? [];
        list.push({
          intervalStart: new Date(row.intervalStart),
          intervalMinutes: minutes.get(row.queue)!,
          offered: Math.round(row.offered),
          aiResolved: Math.round(row.aiResolved),
          ahtSeconds: row.ahtSeconds === null ? null : Math.round(row.ahtSeconds),
        });
        pending.set(row.queue, list);
        if (list.length >= IMPORT_CHUNK) await flush(row.queue);
      }
      for (const queue of pending.keys()) await flush(queue);
      return written;
    },
    { timeout: 600_000 },
  );
}
