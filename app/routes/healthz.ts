// Liveness and reachability of the two services the app needs, for load balancers and operators.
import { prisma } from "~/utils/db.server";
import { sharedRedis } from "~/utils/redis.server";

async function probe(check: () => Promise<unknown>): Promise<"ok" | "error"> {
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2_000))]);
    return "ok";
  } catch {
    return "error";
  }
}

export async function loader() {
  const [db, redis] = await Promise.all([probe(() => prisma.$queryRaw`SELECT 1`), probe(() => sharedRedis().ping())]);
  const status = db === "ok" && redis === "ok" ? "ok" : "degraded";
  return Response.json({ status, db, redis }, { status: status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
