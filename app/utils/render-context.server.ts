// What a response was built from, recorded while it is built, so the web server's response cache
// (scripts/lib/response-cache.ts, decision 090) can keep it exactly as long as that is unchanged.
//
// - Every Prisma query made inside a request's context records the tables it reads (its model, and
//   every relation its select / include / where / orderBy reaches); a raw query records the quoted
//   table names in its SQL. Writes mark their tables changed in this process at once.
// - Tables change everywhere through PostgreSQL: a statement trigger on every table NOTIFYs its name
//   at commit; the cache's listener calls `tableChanged`.
// - A page opts in with `cacheThisPage`, says what else its answer depends on (`cacheUntil` for the
//   clock, `notCacheable` for Redis / job progress); anything that did not opt in is never cached.
//
// The state lives on globalThis: the server (loaded by tsx) and the Remix build each have their own copy
// of this module, and both must see the same context and versions.
import { AsyncLocalStorage } from "node:async_hooks";
import { Prisma } from "@prisma/client";

export type RenderContext = {
  /** Change sequence when the request started: an entry is valid while no table it read changed after it. */
  startedAt: number;
  tables: Set<string>;
  optedIn: boolean;
  /** Why this response must not be cached (first reason wins), or null. */
  refused: string | null;
  /** Epoch ms after which the response is stale whatever the tables say (the clock). */
  until: number;
  /** Tables this request wrote (an action's fence waits for their notifications). */
  wrote: Set<string>;
  /** The signed-in user as the page saw them (part of the cache key), once the session was read. */
  user: unknown;
};

type State = {
  als: AsyncLocalStorage<RenderContext | null>;
  seq: number;
  /** Per table: the sequence number of its last change seen by this process. */
  changedAt: Map<string, number>;
  /** Changes before this are unknown (listener not connected, or reconnected): nothing older is valid. */
  validFrom: number;
  /** Tables without the change trigger (a migration forgot it): reading one makes a response uncacheable. */
  untracked: Set<string>;
};

declare global {
  var __handoffRender: State | undefined;
}

const state: State = (globalThis.__handoffRender ??= {
  als: new AsyncLocalStorage<RenderContext | null>(),
  seq: 1,
  changedAt: new Map(),
  validFrom: Number.MAX_SAFE_INTEGER,
  untracked: new Set(),
});

/** Prisma model name → its relation fields (field name → related model) and its table name. */
const models = new Map(
  Prisma.dmmf.datamodel.models.map((m) => [
    m.name,
    { table: m.dbName ?? m.name, relations: new Map(m.fields.filter((f) => f.kind === "object").map((f) => [f.name, f.type])) },
  ]),
);
const tableNames = new Set([...models.values()].map((m) => m.table));

export function newRenderContext(): RenderContext {
  return { startedAt: state.seq, tables: new Set(), optedIn: false, refused: null, until: Infinity, wrote: new Set(), user: undefined };
}

export function runInRenderContext<T>(context: RenderContext, fn: () => T): T {
  return state.als.run(context, fn);
}

export function currentRenderContext(): RenderContext | null {
  return state.als.getStore() ?? null;
}

/** Runs `fn` (and the queries it awaits) outside the request's context: what it reads is not a dependency. */
export function untracked<T>(fn: () => Promise<T>): Promise<T> {
  return state.als.run(null, fn);
}

/** A page loader's opt-in: its response may be cached while what it read is unchanged. */
export function cacheThisPage() {
  const context = currentRenderContext();
  if (context) context.optedIn = true;
}

/** The response depends on the clock: stale from `at` on (e.g. the next minute for "HH:mm now"). */
export function cacheUntil(at: Date | number) {
  const context = currentRenderContext();
  if (context) context.until = Math.min(context.until, typeof at === "number" ? at : at.getTime());
}

/** The response read something the cache cannot follow (Redis, a job's progress): never cache it. */
export function notCacheable(reason: string) {
  const context = currentRenderContext();
  if (context && !context.refused) context.refused = reason;
}

/** The signed-in user the page is built for (called by auth once per request). */
export function recordUser(user: unknown) {
  const context = currentRenderContext();
  if (context) context.user = user;
}

const BULK_WRITES = new Set(["createMany", "createManyAndReturn"]);
const READS = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy"]);

/** Every model an argument tree reaches: relation fields under select, include, where, orderBy, _count… */
function reach(model: string, args: unknown, into: Set<string>, depth = 0) {
  if (!args || typeof args !== "object" || depth > 20 || args instanceof Date) return;
  const info = models.get(model);
  if (!info) return;
  if (Array.isArray(args)) {
    for (const item of args) reach(model, item, into, depth + 1);
    return;
  }
  for (const [key, value] of Object.entries(args)) {
    const related = info.relations.get(key);
    if (related) {
      into.add(models.get(related)?.table ?? related);
      reach(related, value, into, depth + 1);
    } else reach(model, value, into, depth + 1);
  }
}

/** The quoted identifiers of a raw query's SQL that name tables. */
function tablesOfSql(args: unknown): Set<string> | null {
  const parts: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === "string") parts.push(value);
    else if (value && typeof value === "object") {
      const sql = value as { strings?: unknown; sql?: unknown };
      if (Array.isArray(sql.strings)) parts.push(...sql.strings.filter((s): s is string => typeof s === "string"));
      else if (typeof sql.sql === "string") parts.push(sql.sql);
      else if (Array.isArray(value)) value.forEach(collect);
    }
  };
  collect(args);
  if (!parts.length) return null;
  const found = new Set<string>();
  for (const match of parts.join(" ").matchAll(/"([^"]+)"/g)) if (tableNames.has(match[1])) found.add(match[1]);
  return found.size ? found : null;
}

/**
 * Called by the Prisma client's extension for every query: records what a read depends on, and marks
 * what a write changes (in this process at once; every process hears it again at commit).
 */
export function recordQuery(model: string | undefined, operation: string, args: unknown) {
  const context = currentRenderContext();
  const isRead = model ? READS.has(operation) : operation === "$queryRaw" || operation === "$queryRawUnsafe";
  // Reads matter only inside a request (the worker, scripts and tests read outside one): skip the walk.
  if (isRead && !context) return;
  let tables: Set<string> | null;
  if (model) {
    tables = new Set([models.get(model)?.table ?? model]);
    // A bulk insert has no nested writes: its rows (thousands in an import) need no walk.
    if (!BULK_WRITES.has(operation)) reach(model, args, tables);
  } else tables = tablesOfSql(args);
  if (!isRead) {
    if (tables) for (const table of tables) context?.wrote.add(table);
    // A write anywhere marks its tables at once (so this process never serves what it just changed).
    if (tables) for (const table of tables) tableChanged(table);
    else changedEverything();
    // A raw write (INSERT … ON CONFLICT) inside a render: its effect is not known; do not cache the page.
    if (context) notCacheable(`it wrote (${operation})`);
    return;
  }
  if (!context) return;
  if (!tables) {
    notCacheable(`a raw query whose tables are not known`);
    return;
  }
  for (const table of tables) {
    context.tables.add(table);
    if (state.untracked.has(table)) notCacheable(`it read ${table}, which has no change trigger`);
  }
}

/** A table changed (a notification, or a write in this process). */
export function tableChanged(table: string) {
  state.changedAt.set(table, ++state.seq);
}

/** Everything may have changed (a raw write of unknown tables, a lost listener). */
export function changedEverything() {
  state.validFrom = ++state.seq;
}

/** The listener is connected and listening: changes from now on are known. */
export function changesKnownFromNow(untrackedTables: string[]) {
  state.untracked = new Set(untrackedTables);
  state.validFrom = ++state.seq;
}

/** The listener is gone: nothing may be served or stored until it is back. */
export function changesUnknown() {
  state.validFrom = Number.MAX_SAFE_INTEGER;
}

export function changeSequence(): number {
  return state.seq;
}

/** Whether what was read from `tables` at `startedAt` is still what the database holds. */
export function unchangedSince(startedAt: number, tables: Iterable<string>): boolean {
  if (startedAt < state.validFrom) return false;
  for (const table of tables) if ((state.changedAt.get(table) ?? 0) > startedAt) return false;
  return true;
}

export { tableNames as knownTables };
