// Prisma CLI configuration: Prisma 6.19's JS schema engine through @prisma/adapter-pg.
//
// The classic schema-engine binary cannot be downloaded on this machine, so `prisma migrate`
// runs the JS engine with a pg driver adapter. Three upstream bugs are worked around here
// (see docs/decisions/002-prisma-js-engine-migrations.md):
//  (a) catalog columns of the Postgres types `name` and `"char"` cannot be deserialised
//      (prisma/orm#27403): our pg Client reports them (and their arrays) as text;
//  (b) with a connectionString, pg ignores the database override used for the shadow database,
//      so we pass host, port, database, user and password as separate fields;
//  (c) the shadow database is dropped while its pool is still open: we close the pool first,
//      then DROP DATABASE … WITH (FORCE).
// Without DATABASE_URL (e.g. `prisma generate` on postinstall) the CLI fails to read the schema's
// datasource and then tries to download a query engine: a placeholder URL prevents that. Commands
// that need a database must get the real one (npm run db:migrate / db:new set it).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// OIDs the adapter cannot map → an equivalent it can (text / text[]).
const OID_REMAP: Record<number, number> = {
  18: 25, // "char" → text
  19: 25, // name → text
  1002: 1009, // "char"[] → text[]
  1003: 1009, // name[] → text[]
};

// PostgreSQL 18 records NOT NULL constraints in pg_constraint (contype 'n'); Prisma 6.19's
// introspection of check constraints panics ("unreachable") on them. NOT NULL is read from
// pg_attribute anyway, so hide them from that one catalog query.
const CHECK_CONSTRAINTS_FILTER = "AND contype NOT IN ('p', 'u', 'f')";
const rewrite = (sql: string) =>
  sql.includes("FROM pg_constraint constr") && sql.includes(CHECK_CONSTRAINTS_FILTER)
    ? sql.replace(CHECK_CONSTRAINTS_FILTER, "AND contype NOT IN ('p', 'u', 'f', 'n')")
    : sql;

/**
 * A pg Client for the migration engine: row descriptions report `name`/`"char"` columns as text
 * (bug a), and the check-constraint query skips PostgreSQL 18's NOT NULL constraints.
 */
class CatalogSafeClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const connection = (this as unknown as { connection: NodeJS.EventEmitter }).connection;
    connection.prependListener("rowDescription", (msg: { fields: Array<{ dataTypeID: number }> }) => {
      for (const f of msg.fields) f.dataTypeID = OID_REMAP[f.dataTypeID] ?? f.dataTypeID;
    });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, ...rest: any[]): any {
    if (typeof config === "string") config = rewrite(config);
    else if (config && typeof config.text === "string" && typeof config.submit !== "function") config = { ...config, text: rewrite(config.text) };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (super.query as any)(config, ...rest);
  }
}

/** Separate connection fields (bug b) from a postgres:// URL. */
function poolConfig(url: string, database?: string): pg.PoolConfig {
  const u = new URL(url);
  const sslmode = u.searchParams.get("sslmode");
  const schema = u.searchParams.get("schema");
  return {
    host: decodeURIComponent(u.hostname) || "localhost",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
    options: schema ? `-c search_path=${schema}` : undefined,
    max: 4,
    idleTimeoutMillis: 1000,
    allowExitOnIdle: true,
    Client: CatalogSafeClient as unknown as typeof pg.Client,
  };
}

class MigrationPgFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super(poolConfig(url));
  }

  override async connectToShadowDb() {
    const admin = new pg.Client(poolConfig(this.url));
    await admin.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const shadow = await new PrismaPg(poolConfig(this.url, database)).connect();
    const url = this.url;
    const dispose = shadow.dispose.bind(shadow);
    // Close the shadow pool, then force-drop the database (bug c).
    shadow.dispose = async () => {
      await dispose();
      const c = new pg.Client(poolConfig(url));
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    };
    return shadow;
  }
}

const PLACEHOLDER_URL = "postgresql://unset@127.0.0.1:1/DATABASE_URL_is_not_set";
if (!process.env.DATABASE_URL) process.env.DATABASE_URL = PLACEHOLDER_URL;

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url || url === PLACEHOLDER_URL) throw new Error("DATABASE_URL is not set (npm run db:migrate / db:new set it for you)");
    return new MigrationPgFactory(url);
  },
});
