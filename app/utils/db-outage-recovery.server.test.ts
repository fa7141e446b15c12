// PostgreSQL goes away and comes back while the web process runs: every query in between is a 503
// ("the database is not reachable"), never a hang or a 500, and once the database is back the same
// process answers again without a restart (the pool drops its dead connections and opens new ones).
// The outage is a TCP proxy in front of the real test database that resets every connection and
// refuses new ones, as a crashed or restarted server does, so the shared test server is never stopped.
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";

const target = new URL(process.env.DATABASE_URL ?? "");
if (!target.port) throw new Error("DATABASE_URL must name the test database (npm test sets it)");

/** A proxy to the real server that can be taken down (every socket reset, new ones refused) and up again. */
class Outage {
  private up = true;
  private readonly sockets = new Set<net.Socket>();
  readonly server = net.createServer((client) => {
    if (!this.up) return client.resetAndDestroy();
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
      s.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return (this.server.address() as net.AddressInfo).port;
  }
  begin() {
    this.up = false;
    for (const s of this.sockets) s.resetAndDestroy();
  }
  end() {
    this.up = true;
  }
  get open() {
    return this.sockets.size;
  }
}

const outage = new Outage();
const proxied = new URL(target);
proxied.port = String(await outage.listen());
process.env.DATABASE_URL = proxied.toString();
const { answerDatabaseOutagesWith503, prisma } = await import("./db.server");
answerDatabaseOutagesWith503();

afterAll(async () => {
  await prisma.$disconnect();
  outage.server.close();
});

async function statusOf(query: () => Promise<unknown>): Promise<number> {
  try {
    await query();
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("PostgreSQL down, then back", () => {
  it("answers 503 during the outage and recovers in the same process when the database returns", async () => {
    // Warm the pool: several connections open through the proxy.
    await Promise.all(Array.from({ length: 4 }, () => prisma.$queryRaw`SELECT pg_sleep(0.05)::text AS slept`));
    expect(outage.open).toBeGreaterThan(0);

    // A query in flight when the server goes away, and queries during the outage: 503s, promptly.
    const inFlight = statusOf(() => prisma.$queryRaw`SELECT pg_sleep(2)::text AS slept`);
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    outage.begin();
    expect(await inFlight).toBe(503);
    for (let i = 0; i < 3; i++) expect(await statusOf(() => prisma.user.count())).toBe(503);
    expect(Date.now() - started).toBeLessThan(20_000);

    // Back: the very next query works, and so do many at once (no dead connection left in the pool).
    outage.end();
    expect(await statusOf(() => prisma.user.count())).toBe(200);
    const statuses = await Promise.all(Array.from({ length: 12 }, () => statusOf(() => prisma.user.count())));
    expect(statuses.every((s) => s === 200)).toBe(true);
  });

  it("still recovers after a second outage (nothing in the pool is poisoned by the first)", async () => {
    await Promise.all(Array.from({ length: 4 }, () => prisma.user.count()));
    outage.begin();
    // A restart takes a moment; by the time the server is back, the pool has seen its sockets close.
    await new Promise((r) => setTimeout(r, 300));
    expect(await statusOf(() => prisma.user.findFirst())).toBe(503);
    outage.end();
    expect(await statusOf(() => prisma.user.findFirst())).toBe(200);
  });
});
