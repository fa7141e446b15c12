// Integration (real Postgres): a history upload is read from disk as a stream — the same messages as the
// in-memory check for bad rows, duplicates and mixed intervals; import replaces each queue's period in one
// transaction (written in chunks), and a file with any bad row writes nothing.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { checkHistoryFile, checkHistoryUpload, importHistoryUpload } from "./history-import.server";

const key = `hx-${Date.now().toString(36)}`;
let dir: string;
let queueId: string;
const start = Date.parse("2031-05-05T00:00:00Z");
const at = (i: number) => new Date(start + i * 15 * 60_000).toISOString().replace(".000Z", "Z");

async function file(name: string, lines: string[]) {
  const p = path.join(dir, name);
  await writeFile(p, lines.join("\n") + "\n");
  return p;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "history-upload-test-"));
  queueId = (await prisma.queue.create({ data: { key, language: key, channel: "CHAT", name: `History ${key}`, timeZone: "UTC" }, select: { id: true } })).id;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await prisma.queue.deleteMany({ where: { key } });
});

describe("a history upload streamed from disk", () => {
  it("reports the same problems as the in-memory check, and writes nothing", async () => {
    const lines = [
      "interval_start,queue,offered,ai_resolved,aht_seconds",
      `${at(0)},${key},10,4,300`,
      `${at(1)},${key},ten,4,300`,
      `${at(2)},nope,10,4,300`,
      `${at(3)},${key},5,9,300`,
      `${at(4)},${key},3000000000,4,300`,
    ];
    const streamed = await checkHistoryUpload(await file("bad.csv", lines), "bad.csv");
    const inMemory = await checkHistoryFile(lines.join("\n") + "\n", "bad.csv");
    // The same messages; streamed, they come in the file's line order.
    const sorted = (c: typeof streamed) => (c.ok ? c : { ...c, errors: [...c.errors].sort() });
    expect(sorted(streamed)).toEqual(sorted(inMemory));
    expect(streamed.ok ? [] : streamed.errors.map((e) => Number(/line (\d+)/.exec(e)?.[1]))).toEqual([3, 4, 5, 6]);
    if (!streamed.ok) expect(streamed.totalErrors).toBe(4);
    expect(await prisma.volumeInterval.count({ where: { queueId } })).toBe(0);
  });

  it("refuses a start given twice and NUL bytes", async () => {
    const dup = ["interval_start,queue,offered,ai_resolved", `${at(0)},${key},1,0`, `${at(1)},${key},1,0`, `${at(1)},${key},2,0`];
    const streamed = await checkHistoryUpload(await file("dup.csv", dup), "dup.csv");
    expect(streamed).toEqual(await checkHistoryFile(dup.join("\n") + "\n", "dup.csv"));
    expect(streamed.ok ? [] : streamed.errors[0]).toMatch(/already given on line 3/);
    const nul = await checkHistoryUpload(await file("nul.csv", ["interval_start,queue,offered,ai_resolved", `${at(0)},${key},1\0,0`]), "nul.csv");
    expect(nul.ok ? "" : nul.errors[0]).toMatch(/NUL characters/);
  });

  it("previews per queue, then replaces the queue's period with the file in one transaction", async () => {
    const rows = 12_345; // more than two import chunks
    const lines = [
      "interval_start,queue,offered,ai_resolved,aht_seconds",
      ...Array.from({ length: rows }, (_, i) => `${at(i)},${key},${10 + (i % 50)},${i % 7},${300 + (i % 9)}`),
    ];
    const p = await file("good.csv", lines);
    await prisma.volumeInterval.create({ data: { queueId, intervalStart: new Date(at(5)), intervalMinutes: 15, offered: 999, aiResolved: 0 } });
    const check = await checkHistoryUpload(p, "good.csv");
    expect(check).toMatchObject({ ok: true });
    if (!check.ok) return;
    expect(check.queues).toEqual([
      {
        queue: key,
        rows,
        from: new Date(start).toISOString(),
        to: new Date(start + rows * 15 * 60_000).toISOString(),
        intervalMinutes: 15,
        offered: lines.slice(1).reduce((s, l) => s + Number(l.split(",")[2]), 0),
        aiResolved: lines.slice(1).reduce((s, l) => s + Number(l.split(",")[3]), 0),
      },
    ]);
    expect(await importHistoryUpload(p, "good.csv", check.queues)).toBe(rows);
    expect(await prisma.volumeInterval.count({ where: { queueId } })).toBe(rows);
    const replaced = await prisma.volumeInterval.findFirstOrThrow({ where: { queueId, intervalStart: new Date(at(5)) } });
    expect(replaced.offered).toBe(15);
  });
});
