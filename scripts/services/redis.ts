// The local Redis: redis-server (installed with apt when missing) with AOF data under .data/redis, reused when already running on it; flushing a key prefix.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, realpathSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { DATA_DIR, log, logTail, OwnerFile, ROOT, pidAlive, portOpen, ServiceError, sleep, waitFor } from "./common.js";
import { aptInstall } from "./install.js";

const REDIS_PORT = Number(process.env.HANDOFF_REDIS_PORT ?? 63790);

async function redisCommand(port: number, ...args: string[]): Promise<string | null> {
  // Minimal RESP client: enough for PING / CONFIG GET / SHUTDOWN without pulling ioredis here.
  return new Promise((resolve) => {
    const s = net.connect({ port, host: "127.0.0.1" });
    let buf = "";
    s.setTimeout(2000);
    s.once("connect", () => s.write(`*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join("")));
    s.on("data", (d) => {
      buf += d.toString("utf8");
      if (buf.endsWith("\r\n")) {
        // For arrays wait until all bulk strings have arrived.
        if (buf.startsWith("*")) {
          const n = Number(buf.slice(1, buf.indexOf("\r\n")));
          if (buf.split("\r\n").length - 1 < 1 + n * 2) return;
        }
        s.destroy();
        resolve(buf);
      }
    });
    s.once("timeout", () => (s.destroy(), resolve(null)));
    s.once("error", () => resolve(null));
    s.once("close", () => resolve(buf || null));
  });
}

async function redisDir(port: number): Promise<string | null | "foreign"> {
  if (!(await portOpen(port))) return null;
  const r = await redisCommand(port, "CONFIG", "GET", "dir");
  if (!r || !r.startsWith("*")) return "foreign";
  const parts = r.split("\r\n");
  return parts[4] ?? "foreign";
}

interface RedisHandle {
  url: string;
  stop(): Promise<void>;
}

export async function startLocalRedis(): Promise<RedisHandle> {
  const dataDir = path.join(DATA_DIR, "redis");
  const owner = new OwnerFile(path.join(DATA_DIR, "redis.owner"));
  const url = `redis://127.0.0.1:${REDIS_PORT}`;
  mkdirSync(dataDir, { recursive: true });
  const ours = (d: string) => {
    try {
      return realpathSync(d) === realpathSync(dataDir);
    } catch {
      return false;
    }
  };

  const running = await redisDir(REDIS_PORT);
  if (running === "foreign" || (running && !ours(running))) {
    throw new ServiceError(`port ${REDIS_PORT} is taken by another server: stop it, or set HANDOFF_REDIS_PORT or REDIS_URL`);
  }
  if (running) {
    if (owner.ownedByOther()) {
      log(`Redis: reusing the server of process ${owner.owner()} on port ${REDIS_PORT}`);
      return { url, stop: async () => {} };
    }
    log(`Redis: adopting the server left running on port ${REDIS_PORT} (it stops when this process exits)`);
    owner.claim();
    return { url, stop: () => stopRedis(owner) };
  }

  const bin = aptInstall("redis-server", "redis-server", "or set REDIS_URL to a Redis server");
  log(`Redis: starting on 127.0.0.1:${REDIS_PORT} (AOF on; log: ${path.relative(ROOT, path.join(DATA_DIR, "redis.log"))})`);
  const child = spawn(
    bin,
    [
      "--port",
      String(REDIS_PORT),
      "--bind",
      "127.0.0.1",
      "--dir",
      dataDir,
      "--appendonly",
      "yes",
      "--save",
      "",
      "--daemonize",
      "no",
      "--logfile",
      path.join(DATA_DIR, "redis.log"),
      "--pidfile",
      path.join(DATA_DIR, "redis.pid"),
    ],
    { detached: true, stdio: "ignore" },
  );
  let exited: number | null | undefined;
  child.on("exit", (code) => (exited = code));
  child.unref();
  owner.claim();
  await waitFor(
    "Redis",
    20_000,
    async () => (await redisCommand(REDIS_PORT, "PING")) === "+PONG\r\n",
    () => (exited !== undefined ? `redis-server exited on start (code ${exited}):\n${logTail(path.join(DATA_DIR, "redis.log"))}` : null),
  ).catch(async (e) => {
    const d = await redisDir(REDIS_PORT);
    if (typeof d === "string" && d !== "foreign" && ours(d)) return; // a concurrent start won
    throw e;
  });
  return { url, stop: () => stopRedis(owner) };
}

async function stopRedis(owner: OwnerFile) {
  if (await portOpen(REDIS_PORT)) {
    log("Redis: stopping (SHUTDOWN)");
    let pid: number | null = null;
    try {
      pid = Number(readFileSync(path.join(DATA_DIR, "redis.pid"), "utf8").trim()) || null;
    } catch {}
    await redisCommand(REDIS_PORT, "SHUTDOWN");
    const until = Date.now() + 15_000;
    while (Date.now() < until && (pid ? pidAlive(pid) : await portOpen(REDIS_PORT))) await sleep(50);
  }
  owner.release();
}

/** Delete every key under a BullMQ prefix (test isolation). */
export async function flushPrefix(redisUrl: string, prefix: string) {
  const { Redis } = await import("ioredis");
  const r = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  await r.connect();
  try {
    let cursor = "0";
    do {
      const [next, keys] = await r.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== "0");
  } finally {
    r.disconnect();
  }
}
