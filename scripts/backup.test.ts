// Integration: a backup of the real test database, taken with the real pg_dump, restores with the real
// pg_restore into a new database that has the data in it. The embedded server is PostgreSQL 15, the
// version Debian 12's client tools read (docs/decisions/070-postgres-15-pinned.md); toolsFor installs
// postgresql-client-15 when they are missing (as root on Debian) or says what to install.
import { closeSync, openSync, readSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backup, restore, serverMajor, toolsFor } from "./backup.js";

const stamp = `${Date.now()}`;
const marker = `backup.${stamp}@handoff.example`;
const sourceUrl = process.env.DATABASE_URL!;
let restoredUrl = "";
const dumpFile = path.join(os.tmpdir(), `handoff-backup-test-${stamp}.dump`);

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  await query(sourceUrl, `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, $2, 'Berit Backup', 'x', 'MANAGER', now())`, [
    `u${stamp}`,
    marker,
  ]);
  await query(
    sourceUrl,
    `INSERT INTO "AuditEntry" (id, "actorId", action, "subjectType", "subjectId", summary, detail) VALUES ($1, $2, 'account.invited', 'User', $2, 'Berit invited', '{"role":"MANAGER"}')`,
    [`a${stamp}`, `u${stamp}`],
  );
}, 120_000);

afterAll(async () => {
  if (restoredUrl) {
    const name = new URL(restoredUrl).pathname.slice(1);
    await query(restoredUrl.replace(/\/[^/]+$/, "/postgres"), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  }
  await query(sourceUrl, `DELETE FROM "AuditEntry" WHERE id = $1`, [`a${stamp}`]).catch(() => {});
  await query(sourceUrl, `DELETE FROM "User" WHERE email = $1`, [marker]).catch(() => {});
  rmSync(dumpFile, { force: true });
});

describe("db:backup and db:restore", () => {
  it("the machine's client tools read the test server (no version gap)", async () => {
    const tools = await toolsFor(sourceUrl);
    expect(tools.major).toBeGreaterThanOrEqual(await serverMajor(sourceUrl));
  }, 300_000);

  it("backs up the test database in custom format and restores it into a new database that has the data and the migration history", async () => {
    const written = await backup(sourceUrl, dumpFile);
    expect(statSync(written).size).toBeGreaterThan(1000);
    const head = Buffer.alloc(5);
    const fd = openSync(written, "r");
    readSync(fd, head, 0, 5, 0);
    closeSync(fd);
    expect(head.toString("latin1")).toBe("PGDMP"); // pg_dump's custom format

    const name = `handoff_restored_${stamp}`;
    restoredUrl = await restore(written, sourceUrl, name);
    const users = await query<{ name: string; role: string }>(restoredUrl, `SELECT name, role FROM "User" WHERE email = $1`, [marker]);
    expect(users).toEqual([{ name: "Berit Backup", role: "MANAGER" }]);
    const audit = await query<{ detail: unknown }>(restoredUrl, `SELECT detail FROM "AuditEntry" WHERE id = $1`, [`a${stamp}`]);
    expect(audit).toEqual([{ detail: { role: "MANAGER" } }]);
    // Every table comes back with as many rows as it had.
    const tables = await query<{ tablename: string }>(sourceUrl, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    expect(tables.length).toBeGreaterThan(10);
    for (const { tablename } of tables) {
      const [source] = await query<{ n: string }>(sourceUrl, `SELECT count(*) AS n FROM "${tablename}"`);
      const [restored] = await query<{ n: string }>(restoredUrl, `SELECT count(*) AS n FROM "${tablename}"`);
      expect(restored!.n, tablename).toBe(source!.n);
    }

    // A second restore under the same name is refused rather than overwriting it.
    await expect(restore(written, sourceUrl, name)).rejects.toThrow(/already exists/);
  }, 300_000);
});
