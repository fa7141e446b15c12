// Database migrations through the Prisma CLI (JS schema engine, see prisma.config.ts).
//
//   npm run db:migrate          apply pending migrations (prisma migrate deploy)
//   npm run db:new -- <name>    create a migration from prisma/schema.prisma changes, apply it to the
//                               development database and regenerate the client (prisma migrate dev)
//
// Without DATABASE_URL both use the local services of scripts/services.ts (app profile): a running
// `npm start`/`npm run dev` is reused, otherwise the services are started for the command and
// stopped afterwards.
import { existsSync, readdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { ROOT, ServiceError, startServices } from "./services.js";
import { bin, run, StepError } from "./lib/proc.js";

const MIGRATIONS = path.join(ROOT, "prisma", "migrations");
const PRELOAD = path.join(ROOT, "scripts", "lib", "prisma-unref-wasm-timers.cjs");

function prismaEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${PRELOAD}`].filter(Boolean).join(" "),
  };
}

function hasMigrations() {
  return existsSync(MIGRATIONS) && readdirSync(MIGRATIONS).some((d) => existsSync(path.join(MIGRATIONS, d, "migration.sql")));
}

/** Apply pending migrations to `databaseUrl`. */
export async function migrate(databaseUrl: string) {
  if (!hasMigrations()) {
    console.log("[db] no migrations in prisma/migrations yet (create one with `npm run db:new -- init`); skipping");
    return;
  }
  const r = await run(bin("prisma"), ["migrate", "deploy"], { env: prismaEnv(databaseUrl) });
  if (r.code !== 0) throw new StepError(`prisma migrate deploy failed (exit ${r.code})`);
}

/** Drop shadow databases a crashed `prisma migrate dev` may have left behind. */
export async function dropShadowDatabases(databaseUrl: string) {
  const u = new URL(databaseUrl);
  u.pathname = "/postgres";
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    const r = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'");
    for (const { datname } of r.rows) await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(datname)} WITH (FORCE)`);
  } finally {
    await c.end();
  }
}

/** Create (and apply) a migration named `name` from schema changes. */
export async function newMigration(databaseUrl: string, name: string, extra: string[]) {
  const r = await run(bin("prisma"), ["migrate", "dev", "--name", name, ...extra], { env: prismaEnv(databaseUrl) });
  await dropShadowDatabases(databaseUrl).catch(() => {});
  if (r.code !== 0) throw new StepError(`prisma migrate dev failed (exit ${r.code})`);
}

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd !== "migrate" && cmd !== "new") {
    console.error("usage: tsx scripts/db.ts migrate | new <name> [prisma migrate dev options]");
    process.exit(2);
  }
  if (cmd === "new" && (!args[0] || args[0].startsWith("-"))) {
    console.error("usage: npm run db:new -- <name>   (e.g. npm run db:new -- add-shifts)");
    process.exit(2);
  }
  const services = process.env.DATABASE_URL ? null : await startServices({ profile: "app" });
  const databaseUrl = process.env.DATABASE_URL ?? services!.databaseUrl;
  let code = 0;
  try {
    if (cmd === "migrate") await migrate(databaseUrl);
    else await newMigration(databaseUrl, args[0]!, args.slice(1));
  } catch (e) {
    console.error(e instanceof StepError ? `error: ${e.message}` : e);
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
