// The one place Redis connections are made, for the app (producers, queue reads) and the worker.
import { Redis, type RedisOptions } from "ioredis";
import { env } from "./env.server";

/** A new connection. Workers need `maxRetriesPerRequest: null` so blocking commands are never cut off. */
export function createRedis(purpose: "worker" | "client", extra: RedisOptions = {}): Redis {
  return new Redis(env().REDIS_URL, {
    maxRetriesPerRequest: purpose === "worker" ? null : 3,
    connectionName: `handoff-${purpose}`,
    ...extra,
  });
}

declare global {
  var __redis: Redis | undefined;
}

/** The shared client connection of the web process (queue producers and reads). */
export function sharedRedis(): Redis {
  return (globalThis.__redis ??= createRedis("client"));
}
