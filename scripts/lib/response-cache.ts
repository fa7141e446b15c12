// The web server's response cache (decision 090): a page that opted in (`cacheThisPage`) is kept per
// process, per (host, URL, signed-in user), with the tables its loaders read, and served again while
// none of them changed, its clock bound has not passed, and the session is still valid.
//
// - The session is checked on every request, hit or not (one indexed SQL query, no Prisma): an expired
//   or deleted session, or a deactivated account, falls through to Remix, which refuses it.
// - Table changes come from PostgreSQL: a statement trigger on every table NOTIFYs `handoff_change` with
//   the table's name, delivered at commit; one LISTEN connection per process hears them. While it is not
//   connected nothing is served or stored; when it reconnects the cache starts empty.
// - A request that wrote waits, before it answers, until this process has heard its own fence
//   notification (sent after its writes committed): notifications arrive in commit order, so by then
//   every process has been told, and the next click sees the write, whichever process serves it.
// - Only 200 responses without Set-Cookie are kept, never for a request carrying a toast; an LRU bounded
//   in bytes (RESPONSE_CACHE_MB, 0 turns the cache off).
// The express adapter's own conversions (its index exports only the whole handler).
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import type { AppLoadContext } from "@remix-run/node";
import type express from "express";
import pg from "pg";
import { gzipSync } from "node:zlib";
import { sessionIdOfCookie } from "../../app/utils/auth.server";
import {
  changedEverything,
  changesKnownFromNow,
  changesUnknown,
  newRenderContext,
  runInRenderContext,
  tableChanged,
  unchangedSince,
} from "../../app/utils/render-context.server";

export const CHANNEL = "handoff_change";
const FENCE = "fence:";
export const LISTENER_NAME = "handoff-response-cache";

type Entry = {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** The body gzipped once when kept (browsers accept gzip; these pages shrink several times). */
  gzip?: Buffer;
  startedAt: number;
  tables: string[];
  until: number;
  bytes: number;
};
type SessionUser = { id: string; email: string; name: string; role: string; timeZone: string };

/** The user's fields as the cache key sees them: a change of name, role or zone is another key. */
function userKey(user: SessionUser): string {
  return [user.id, user.role, user.timeZone, user.name, user.email].join("\u0000");
}

class Lru {
  private map = new Map<string, Entry>();
  bytes = 0;
  constructor(private capBytes: number) {}
  get(key: string): Entry | undefined {
    const entry = this.map.get(key);
    if (entry) {
      this.map.delete(key);
      this.map.set(key, entry);
    }
    return entry;
  }
  set(key: string, entry: Entry) {
    this.delete(key);
    if (entry.bytes > this.capBytes / 4) return;
    this.map.set(key, entry);
    this.bytes += entry.bytes;
    for (const [oldest, old] of this.map) {
      if (this.bytes <= this.capBytes) break;
      this.map.delete(oldest);
      this.bytes -= old.bytes;
    }
  }
  delete(key: string) {
    const entry = this.map.get(key);
    if (entry) {
      this.map.delete(key);
      this.bytes -= entry.bytes;
    }
  }
  clear() {
    this.map.clear();
    this.bytes = 0;
  }
  get size() {
    return this.map.size;
  }
}

export type ResponseCacheOptions = {
  /** Remix's handler (createRequestHandler(build, mode)). */
  handleRequest: (request: Request, loadContext: AppLoadContext) => Promise<Response>;
  databaseUrl: string;
  capMb: number;
  getLoadContext: (req: express.Request) => AppLoadContext;
  log?: (message: string) => void;
};

export type ResponseCache = {
  /** Remix behind the cache: mount last. */
  handler: express.RequestHandler;
  /** The same, for paths a page was kept for (and only GETs): mount before the static files, so a hit skips their lookup. */
  early: express.RequestHandler;
  stats: () => { hits: number; misses: number; stored: number; entries: number; bytes: number; listening: boolean };
  close: () => Promise<void>;
  /** Resolves once the listener is connected (tests). */
  ready: () => Promise<void>;
};

export function createResponseCache(options: ResponseCacheOptions): ResponseCache {
  const { handleRequest } = options;
  const log = options.log ?? ((m: string) => console.error(`[web] ${m}`));
  const enabled = options.capMb > 0;
  const lru = new Lru(options.capMb * 1024 * 1024);
  /** Paths a response was stored for: only these pay for the session check before Remix. */
  const cachedPaths = new Set<string>();
  const counts = { hits: 0, misses: 0, stored: 0 };
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4, connectionTimeoutMillis: 5_000 });
  pool.on("error", () => {});

  // ---- the listener
  let listener: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let fences = 0;
  const waiting = new Map<string, () => void>();
  let readyWaiters: (() => void)[] = [];

  function lost(client: pg.Client, why: string) {
    if (client !== listener) return; // already handled (an error, then the end of the same connection)
    if (listening) log(`response cache: lost the change listener (${why}); the cache is emptied until it is back`);
    listening = false;
    changesUnknown();
    lru.clear();
    for (const resolve of waiting.values()) resolve();
    waiting.clear();
    listener = null;
    if (!closed) setTimeout(connect, 1_000).unref();
  }

  async function connect() {
    if (closed || !enabled) return;
    const client = new pg.Client({ connectionString: options.databaseUrl, connectionTimeoutMillis: 5_000, application_name: LISTENER_NAME });
    listener = client;
    client.on("error", (e) => lost(client, e.message));
    client.on("end", () => lost(client, "connection ended"));
    client.on("notification", (n) => {
      const payload = n.payload ?? "";
      if (payload.startsWith(FENCE)) {
        waiting.get(payload)?.();
        waiting.delete(payload);
      } else if (payload) tableChanged(payload);
      else changedEverything();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      // Tables without the trigger (a migration that forgot it) cannot be followed: pages reading them are not cached.
      const { rows } = await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
            AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'handoff_notify_change')`,
      );
      const untracked = rows.map((r) => r.name);
      if (untracked.length) log(`response cache: no change trigger on ${untracked.join(", ")}; pages reading them are not cached`);
      lru.clear();
      changesKnownFromNow(untracked);
      listening = true;
      for (const resolve of readyWaiters) resolve();
      readyWaiters = [];
    } catch (e) {
      lost(client, e instanceof Error ? e.message : String(e));
      client.end().catch(() => {});
    }
  }
  void connect();

  /** Resolves once this process has heard a notification sent after the caller's writes committed. */
  async function fence() {
    if (!listening) return;
    const token = `${FENCE}${process.pid}:${++fences}`;
    const heard = new Promise<void>((resolve) => waiting.set(token, resolve));
    try {
      await pool.query(`SELECT pg_notify($1, $2)`, [CHANNEL, token]);
    } catch {
      // The database went away after the write: forget everything rather than answer the write with an error.
      waiting.delete(token);
      changedEverything();
      lru.clear();
      return;
    }
    const timeout = new Promise<"late">((resolve) => setTimeout(() => resolve("late"), 2_000).unref());
    if ((await Promise.race([heard, timeout])) === "late") {
      waiting.delete(token);
      changedEverything();
      lru.clear();
    }
  }

  /** Cookie header → the session id it carries: checking the signature costs more than the query. */
  const sessionIds = new Map<string, string | null>();
  async function sessionUser(cookie: string): Promise<SessionUser | null> {
    let sessionId = sessionIds.get(cookie);
    if (sessionId === undefined) {
      sessionId = await sessionIdOfCookie(cookie);
      if (sessionIds.size >= 10_000) sessionIds.clear();
      sessionIds.set(cookie, sessionId);
    }
    if (!sessionId) return null;
    const { rows } = await pool.query<SessionUser>({
      name: "response-cache-session",
      text: `SELECT u.id, u.email, u.name, u.role, u."timeZone" FROM "Session" s JOIN "User" u ON u.id = s."userId"
              WHERE s.id = $1 AND s."expiresAt" > now() AND u."deactivatedAt" IS NULL`,
      values: [sessionId],
    });
    return rows[0] ?? null;
  }

  const keyOf = (req: express.Request, user: SessionUser) => `${req.get("host") ?? ""}\u0000${req.originalUrl}\u0000${userKey(user)}`;

  function send(req: express.Request, res: express.Response, entry: Entry, how: "hit" | "miss") {
    res.statusCode = entry.status;
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader("X-Cache", how);
    res.setHeader("Vary", "Accept-Encoding");
    let body = entry.body;
    if (entry.gzip && /\bgzip\b/.test(req.get("accept-encoding") ?? "")) {
      body = entry.gzip;
      res.setHeader("Content-Encoding", "gzip");
    }
    res.setHeader("Content-Length", body.length);
    res.end(body);
  }

  const fresh = (entry: Entry | null | undefined): entry is Entry =>
    !!entry && listening && Date.now() < entry.until && unchangedSince(entry.startedAt, entry.tables);
  /** Renders under way per key: requests for the same key wait for it instead of rendering it again. */
  const inflight = new Map<string, Promise<Entry | null>>();

  const handler: express.RequestHandler = async (req, res, next) => {
    // (resolving twice is harmless: the first value stays)
    let settle: (entry: Entry | null) => void = () => {};
    let inflightKey: string | null = null;
    try {
      const get = req.method === "GET";
      const cookie = req.get("cookie");
      const candidate = enabled && get && !!cookie && !/(^|;\s*)handoff_toast=/.test(cookie);
      if (candidate && listening && cachedPaths.has(req.path)) {
        // (the database unreachable: Remix answers, with its 503 page)
        const user = await sessionUser(cookie!).catch(() => null);
        if (user) {
          const key = keyOf(req, user);
          // One render per key at a time: the others wait for it and are answered from it (or, when a
          // table it read changed meanwhile, the next of them renders).
          for (;;) {
            const entry = lru.get(key) ?? (await inflight.get(key));
            if (fresh(entry)) {
              counts.hits++;
              send(req, res, entry, "hit");
              return;
            }
            if (entry) lru.delete(key);
            if (!inflight.has(key)) break;
          }
          inflightKey = key;
          inflight.set(key, new Promise<Entry | null>((resolve) => (settle = resolve)));
        }
      }
      const context = newRenderContext();
      const request = createRemixRequest(req, res);
      const response = await runInRenderContext(context, () => handleRequest(request, options.getLoadContext(req)));
      if (context.wrote.size && enabled) await fence();
      const user = context.user as SessionUser | null | undefined;
      if (candidate && context.optedIn && !context.refused && user && response.status === 200 && !response.headers.has("set-cookie")) {
        counts.misses++;
        const body = Buffer.from(await response.arrayBuffer());
        const headers = [...response.headers.entries()].filter(([name]) => name !== "content-length" && name !== "content-encoding");
        const entry: Entry = {
          status: response.status,
          headers,
          body,
          startedAt: context.startedAt,
          tables: [...context.tables],
          until: context.until,
          bytes: body.length + 512,
        };
        if (body.length > 1024) {
          entry.gzip = gzipSync(body, { level: 6 });
          entry.bytes += entry.gzip.length;
        }
        if (fresh(entry)) {
          const key = keyOf(req, user);
          lru.set(key, entry);
          if (!cachedPaths.has(req.path) && process.env.RESPONSE_CACHE_DEBUG)
            log(
              `response cache: ${req.path} kept, built from ${entry.tables.sort().join(" ")}${entry.until < Infinity ? `, until ${new Date(entry.until).toISOString()}` : ""}`,
            );
          cachedPaths.add(req.path);
          counts.stored++;
          if (key === inflightKey) settle(entry);
        }
        send(req, res, entry, "miss");
        return;
      }
      if (candidate && context.optedIn) res.setHeader("X-Cache", `miss, not kept: ${context.refused ?? "not a cacheable answer"}`.slice(0, 200));
      await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    } finally {
      settle(null);
      if (inflightKey) inflight.delete(inflightKey);
    }
  };

  return {
    handler,
    early: (req, res, next) => (req.method === "GET" && cachedPaths.has(req.path) ? handler(req, res, next) : next()),
    stats: () => ({ ...counts, entries: lru.size, bytes: lru.bytes, listening }),
    ready: () => (listening || !enabled ? Promise.resolve() : new Promise<void>((resolve) => readyWaiters.push(resolve))),
    close: async () => {
      closed = true;
      const client = listener;
      listener = null;
      await client?.end().catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}
