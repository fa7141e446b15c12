// Fault test against real processes: the job queue's Redis restarts while a forecast job runs on the real
// worker process. The worker and this process (a producer and a reader, as the web server is) reconnect
// by themselves; the running job completes exactly once with every interval stored once, the job queued
// behind it is not lost, and a job requested after the restart runs. This file's Redis is its own
// redis-server on a free port (AOF on, fsync always), so the other tests' Redis is never touched.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aptInstall } from "../../scripts/services";
import { faultQueueData, fourWeeksOfHistory, until } from "./fault-fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const tag = Date.now().toString(36);
const redisDir = mkdtempSync(path.join(tmpdir(), "handoff-redis-restart-"));
const redisBin = aptInstall("redis-server", "redis-server", "the Redis restart test starts its own Redis");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}
const port = await freePort();

/** Answers once Redis takes commands (PING over a raw socket: no client library in between). */
async function redisReady(timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const pong = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
      socket.on("data", (d) => {
        resolve(d.toString().startsWith("+PONG"));
        socket.destroy();
      });
      socket.on("error", () => resolve(false));
    });
    if (pong) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the test's Redis did not start on port ${port}`);
}

function startRedis(): ChildProcess {
  return spawn(redisBin, ["--port", String(port), "--bind", "127.0.0.1", "--dir", redisDir, "--appendonly", "yes", "--appendfsync", "always", "--save", ""], {
    stdio: "ignore",
  });
}

let redis = startRedis();
await redisReady();
// Before any module reads the environment: this file's Redis and its own prefix.
process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
process.env.BULLMQ_PREFIX = `redis-restart-${tag}`;

const { QueueEvents } = await import("bullmq");
const { startForecastRun } = await import("../../app/models/forecast.server");
const { prisma } = await import("../../app/utils/db.server");
const { createRedis } = await import("../../app/utils/redis.server");
const { tsNode } = await import("../../scripts/lib/app");
const { Supervisor } = await import("../../scripts/lib/proc");
const { getQueue } = await import("../queues");

const keys = [`rr-a-${tag}`, `rr-b-${tag}`];
const forecastStart = new Date("2033-05-02T00:00:00Z");
const exits: string[] = [];
const sup = new Supervisor((name, code, signal) => exits.push(`${name} ${signal ?? code}`));
const events = new QueueEvents("forecast", { connection: createRedis("worker"), prefix: process.env.BULLMQ_PREFIX });

/** Stops Redis as an operator would (SHUTDOWN on SIGTERM: the AOF is flushed), waits a moment, starts it again. */
async function restartRedis() {
  const exited = new Promise((r) => redis.once("exit", r));
  redis.kill("SIGTERM");
  await exited;
  await new Promise((r) => setTimeout(r, 1500));
  redis = startRedis();
  await redisReady();
}

beforeAll(async () => {
  await events.waitUntilReady();
  const history = [];
  for (const key of keys) {
    const queue = await prisma.queue.create({ data: faultQueueData(key, `Redis restart ${key}`) });
    history.push(...fourWeeksOfHistory(queue.id, forecastStart));
  }
  await prisma.volumeInterval.createMany({ data: history });
  sup.start("worker", ...tsNode(path.join(ROOT, "jobs", "worker.ts")), { ...process.env, WORKER_LOCK_SECONDS: "10" });
});

afterAll(async () => {
  await sup.stopAll();
  await events.close();
  await getQueue("forecast").close();
  await globalThis.__redis?.quit();
  await prisma.forecastRun.deleteMany({ where: { startAt: forecastStart } });
  await prisma.queue.deleteMany({ where: { key: { in: keys } } });
  const exited = new Promise((r) => redis.once("exit", r));
  redis.kill("SIGTERM");
  await exited;
  rmSync(redisDir, { recursive: true, force: true });
});

describe("Redis restarted while a forecast runs", () => {
  it("reconnects; the running job completes once, the queued one is not lost, and new jobs run", async () => {
    const completions = new Map<string, number>();
    events.on("completed", ({ jobId }) => completions.set(jobId, (completions.get(jobId) ?? 0) + 1));
    const started = new Promise<void>((resolve) => {
      const listener = ({ data }: { jobId: string; data: unknown }) => {
        if (Number(data) < 1) return;
        events.off("progress", listener);
        resolve();
      };
      events.on("progress", listener);
    });
    const first = await startForecastRun({ startAt: forecastStart, days: 7, quantile: 0.5, requestedBy: "redis restart test" });
    const queued = await startForecastRun({ startAt: forecastStart, days: 7, quantile: 0.9, requestedBy: "redis restart test" });
    await started;
    expect((await prisma.forecastRun.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("RUNNING");
    await restartRedis();

    // A job requested after the restart: the producer's connection came back by itself.
    const after = await startForecastRun({ startAt: forecastStart, days: 7, quantile: 0.5, requestedBy: "redis restart test" });
    for (const run of [first, queued, after]) {
      const done = await until(
        `forecast run ${run.id}`,
        () => prisma.forecastRun.findUniqueOrThrow({ where: { id: run.id } }),
        (r) => r.status === "SUCCEEDED" || r.status === "FAILED",
      );
      expect(done.status).toBe("SUCCEEDED");
      // Every interval of the test's queues once.
      expect(await prisma.forecastInterval.count({ where: { runId: run.id, queue: { key: { in: keys } } } })).toBe(keys.length * 7 * 96);
    }
    // The reader's side (the web server's progress bar) works again too.
    expect(await (await getQueue("forecast").getJob(`forecast-${first.id}`))?.getState()).toBe("completed");
    const ids = [first, queued, after].map((r) => `forecast-${r.id}`);
    await until(
      "three completed events",
      async () => ids.map((id) => completions.get(id) ?? 0),
      (counts) => counts.every((n) => n >= 1),
      30_000,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(ids.map((id) => completions.get(id))).toEqual([1, 1, 1]);
    expect(exits).toEqual([]);
  }, 180_000);
});
