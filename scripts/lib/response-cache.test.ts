// Integration: the response cache (decision 090) in front of a small handler that reads through the app's
// Prisma client and session check, against the real test database — and writes from another connection.
import express from "express";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, hashPassword, requireUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { cacheThisPage, cacheUntil, notCacheable } from "~/utils/render-context.server";
import { createResponseCache, LISTENER_NAME, type ResponseCache } from "./response-cache";

const email = `cache.test-${Date.now()}@handoff.example`;
let userId = "";
let cookie = "";
let base = "";
let cache: ResponseCache;
let server: ReturnType<express.Express["listen"]>;
let other: pg.Client;
let renders = 0;

/** The pages of this test: what each reads, and whether it opts in. */
async function page(request: Request): Promise<Response> {
  renders++;
  const url = new URL(request.url);
  if (request.method === "POST") {
    // A write through the app's client, as an action makes one.
    await prisma.user.update({ where: { id: userId }, data: { lastSignInAt: new Date(url.searchParams.get("at")!) } });
    return new Response(null, { status: 204 });
  }
  const user = await requireUser(request).catch((thrown: Response) => thrown);
  if (user instanceof Response) return user;
  if (url.pathname !== "/plain") cacheThisPage();
  if (url.pathname === "/clock") cacheUntil(Date.now() + 300);
  if (url.pathname === "/redis") notCacheable("it read Redis");
  const row = await prisma.user.findUnique({ where: { id: user.id }, select: { lastSignInAt: true, _count: { select: { sessions: true } } } });
  return new Response(JSON.stringify({ name: user.name, at: row?.lastSignInAt?.toISOString() ?? null, sessions: row?._count.sessions, renders }), {
    headers: { "Content-Type": "application/json" },
  });
}

async function get(path: string, withCookie = cookie) {
  const res = await fetch(`${base}${path}`, { headers: { cookie: withCookie }, redirect: "manual" });
  return { status: res.status, cache: res.headers.get("x-cache"), body: res.status === 200 ? ((await res.json()) as Record<string, unknown>) : null };
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  const user = await prisma.user.create({
    data: { email, name: "Cache Tester", role: "MANAGER", passwordHash: await hashPassword("not used here 123") },
    select: { id: true },
  });
  userId = user.id;
  cookie = (await createSession(userId, "test")).split(";")[0];
  cache = createResponseCache({
    handleRequest: page,
    databaseUrl: process.env.DATABASE_URL!,
    capMb: 8,
    getLoadContext: () => ({}),
    log: () => {},
  });
  const app = express();
  app.all("*", cache.handler);
  server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
  await cache.ready();
});

afterAll(async () => {
  await other?.end();
  await new Promise((r) => server?.close(r));
  await cache?.close();
  await prisma.user.deleteMany({ where: { email } });
});

describe("the response cache", () => {
  it("answers an opted-in page from memory until a table it read changes in another connection", async () => {
    const first = await get("/page");
    expect(first.cache).toBe("miss");
    const second = await get("/page");
    expect(second.cache).toBe("hit");
    expect(second.body).toEqual(first.body);

    // Another process writes (here: another connection); the next answer shows it once PostgreSQL has told us.
    await other.query(`UPDATE "User" SET "lastSignInAt" = '2026-01-02T03:04:05Z' WHERE id = $1`, [userId]);
    const after = await eventually(
      () => get("/page"),
      (r) => r.body?.at === "2026-01-02T03:04:05.000Z",
    );
    expect(after.body?.at).toBe("2026-01-02T03:04:05.000Z");
    expect(after.cache).toBe("miss");
    expect((await get("/page")).cache).toBe("hit");
  });

  it("follows tables read through a relation (a count of the user's sessions)", async () => {
    const before = await get("/page");
    await other.query(`INSERT INTO "Session" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`, [`s-${Date.now()}`, userId]);
    const after = await eventually(
      () => get("/page"),
      (r) => r.body?.sessions === (before.body?.sessions as number) + 1,
    );
    expect(after.body?.sessions).toBe((before.body?.sessions as number) + 1);
  });

  it("shows a write made through this server to the very next request (the write waits for its notification)", async () => {
    await get("/page");
    expect((await get("/page")).cache).toBe("hit");
    for (const at of ["2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z", "2026-04-01T00:00:00.000Z"]) {
      const post = await fetch(`${base}/page?at=${at}`, { method: "POST", headers: { cookie } });
      expect(post.status).toBe(204);
      expect((await get("/page")).body?.at).toBe(at);
    }
  });

  it("refuses a deactivated account's session at its next request, even when its page is cached", async () => {
    expect((await get("/page")).status).toBe(200);
    expect((await get("/page")).cache).toBe("hit");
    await other.query(`UPDATE "User" SET "deactivatedAt" = now() WHERE id = $1`, [userId]);
    const refused = await get("/page");
    expect(refused.status).toBe(302);
    await other.query(`UPDATE "User" SET "deactivatedAt" = NULL WHERE id = $1`, [userId]);
    expect((await get("/page")).status).toBe(200);
  });

  it("never answers a request without a valid session from the cache", async () => {
    expect((await get("/page", "")).status).toBe(302);
    expect((await get("/page", "handoff_session=forged")).status).toBe(302);
  });

  it("never caches a page that did not opt in, or one that read what it cannot follow", async () => {
    for (const path of ["/plain", "/redis"]) {
      const a = await get(path);
      const b = await get(path);
      expect(b.cache === "hit").toBe(false);
      expect(b.body?.renders).toBe((a.body?.renders as number) + 1);
    }
  });

  it("lets a page's clock bound run out", async () => {
    await get("/clock");
    expect((await get("/clock")).cache).toBe("hit");
    await new Promise((r) => setTimeout(r, 350));
    expect((await get("/clock")).cache).toBe("miss");
  });

  it("drops everything when its listener connection is lost, and caches again once it is back", async () => {
    await get("/page");
    expect((await get("/page")).cache).toBe("hit");
    await other.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, [LISTENER_NAME]);
    const during = await eventually(
      () => get("/page"),
      (r) => r.cache !== "hit",
    );
    expect(during.cache).not.toBe("hit");
    await cache.ready();
    await eventually(
      () => get("/page"),
      (r) => r.cache === "hit",
    );
    expect((await get("/page")).cache).toBe("hit");
  });

  it("has its change trigger on every table", async () => {
    const { rows } = await other.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
          AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'handoff_notify_change')`,
    );
    expect(rows.map((r) => r.name)).toEqual([]);
  });
});
