// The one Prisma client of a process, over node-postgres through the driver adapter. In the web
// process a query that cannot reach the database throws a 503 response, so every page says so
// plainly ("the database is not reachable") instead of "Something went wrong", and the next request
// after the database is back simply works (the pool reconnects by itself).
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { envOnly } from "./env.server";
import { recordQuery } from "./render-context.server";

declare global {
  // Survive live reloads in development so connections are not leaked.
  var __prisma: PrismaClient | undefined;
  var __prismaAnswersHttp: boolean | undefined;
}

// "timeout exceeded when trying to connect" is the pool saying every connection stayed busy for its
// whole wait (overload): also a 503 with Retry-After, not a 500.
const UNREACHABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|Connection terminated|Server has closed the connection|connection timeout|timeout exceeded when trying to connect|Can't reach database server|the database system is (starting up|shutting down)|terminating connection/i;
const UNREACHABLE_CODES = new Set(["P1001", "P1002", "P1017", "P2024", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "57P01", "57P03"]);

/** Whether an error (or one of its causes) says the database could not be reached, as opposed to a bad query. */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string" && UNREACHABLE_CODES.has(e.code)) return true;
  if (typeof e.message === "string" && UNREACHABLE.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnreachable(inner, depth + 1))) return true;
  return isDatabaseUnreachable(e.cause, depth + 1);
}

/** Called once by the web server's entry: from then on, unreachable-database errors become 503 responses. */
export function answerDatabaseOutagesWith503() {
  globalThis.__prismaAnswersHttp = true;
}

function unavailable(): Response {
  return new Response("The database is not reachable right now, so this page cannot be shown. Nothing was changed. Try again in a minute.", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "30" },
  });
}

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: envOnly("DATABASE_URL").DATABASE_URL, max: 10, connectionTimeoutMillis: 5_000 });
  const client = new PrismaClient({ adapter, log: ["warn", "error"] });
  const extended = client.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        // What a response is built from, for the response cache (decision 090).
        recordQuery(model, operation, args);
        try {
          return await query(args);
        } catch (error) {
          if (globalThis.__prismaAnswersHttp && isDatabaseUnreachable(error)) throw unavailable();
          throw error;
        }
      },
    },
  });
  // The extension only wraps queries; the client's type and methods are otherwise the same.
  return extended as unknown as PrismaClient;
}

export const prisma: PrismaClient = globalThis.__prisma ?? (globalThis.__prisma = createClient());
