// Integration: a backup taken with the real pg_dump restores into a new database with the data in it.
//
// pg_dump must be at least as new as the server. When the test server is newer than every pg_dump on
// the machine (the embedded PostgreSQL 18 beside Debian 12's client 15), the test runs against a
// throwaway cluster of the PostgreSQL server that matches the client tools, with the app's migrations.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backup, findPgTools, restore, serverMajor } from "./backup.js";
import { migrate } from "./db.js";

const stamp = `${Date.now()}`;
const marker = `backup.${stamp}@handoff.example`;
let sourceUrl = "";
let restoredUrl = "";
let cluster: { child: ChildProcess; dir: string } | null = null;
let skipReason: string | null = null;
const dumpFile = path.join(os.tmpdir(), `handoff-backup-test-${stamp}.dump`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.once("error", reject);
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/** A PostgreSQL cluster of `major` from the system's packages, trust auth on loopback, as the `postgres` user when we are root. */
async function startThrowawayCluster(major: number): Promise<string | null> {
  const bin = `/usr/lib/postgresql/${major}/bin`;
  if (!existsSync(path.join(bin, "postgres")) || !existsSync(path.join(bin, "initdb"))) return null;
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot
    ? {
        uid: Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim()),
        gid: Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim()),
      }
    : null;
  if (asRoot && (!ids || Number.isNaN(ids.uid))) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), "handoff-pg-"));
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const r = spawnSync(path.join(bin, "initdb"), [`--pgdata=${dir}/data`, "--username=handoff", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], {
    ...(ids ?? {}),
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr}`);
  const port = await freePort();
  const child = spawn(
    path.join(bin, "postgres"),
    ["-D", `${dir}/data`, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    { ...(ids ?? {}), stdio: "ignore" },
  );
  cluster = { child, dir };
  const url = `postgresql://handoff@127.0.0.1:${port}/postgres`;
  for (let i = 0; i < 100; i++) {
    try {
      await query(url, "SELECT 1");
      await query(url, "CREATE DATABASE handoff_backup_source");
      return `postgresql://handoff@127.0.0.1:${port}/handoff_backup_source`;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error("the throwaway PostgreSQL cluster did not start");
}

beforeAll(async () => {
  const tools = findPgTools();
  if (!tools) {
    skipReason = "no pg_dump on this machine";
    return;
  }
  const testUrl = process.env.DATABASE_URL!;
  if ((await serverMajor(testUrl)) <= tools.major) {
    sourceUrl = testUrl;
  } else {
    const url = await startThrowawayCluster(tools.major);
    if (!url) {
      skipReason = `pg_dump ${tools.major} cannot read the test server and no PostgreSQL ${tools.major} server is installed to test against`;
      return;
    }
    sourceUrl = url;
    await migrate(sourceUrl);
  }
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
  if (sourceUrl === process.env.DATABASE_URL) await query(sourceUrl, `DELETE FROM "User" WHERE email = $1`, [marker]).catch(() => {});
  if (cluster) {
    cluster.child.kill("SIGINT");
    await new Promise((resolve) => cluster!.child.once("exit", resolve));
    rmSync(cluster.dir, { recursive: true, force: true });
  }
  rmSync(dumpFile, { force: true });
});

describe("db:backup and db:restore", () => {
  it("backs up in custom format and restores into a new database that has the data and the migration history", async (context) => {
    if (skipReason) {
      console.warn(`[backup.test] skipped: ${skipReason}`);
      context.skip();
    }
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
    const [source] = await query<{ n: string }>(sourceUrl, `SELECT count(*) AS n FROM _prisma_migrations`);
    const [restored] = await query<{ n: string }>(restoredUrl, `SELECT count(*) AS n FROM _prisma_migrations`);
    expect(restored!.n).toBe(source!.n);

    // A second restore under the same name is refused rather than overwriting it.
    await expect(restore(written, sourceUrl, name)).rejects.toThrow(/already exists/);
  }, 120_000);
});
