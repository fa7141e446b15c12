// Fault tests against the real services and the real worker process under the supervisor of `npm start`:
// the worker is killed with SIGKILL in the middle of a forecast and of a schedule job; the supervisor
// restarts it, each job is taken up again and completes exactly once, with nothing stored twice or half.
// Then two workers share one Redis and twenty queued jobs are each done once.
import { QueueEvents } from "bullmq";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startForecastRun } from "../../app/models/forecast.server";
import { getOrCreateSchedule, startScheduleRun, weekStartOf } from "../../app/models/schedule.server";
import { prisma } from "../../app/utils/db.server";
import { env } from "../../app/utils/env.server";
import { createRedis } from "../../app/utils/redis.server";
import { tsNode } from "../../scripts/lib/app";
import { Supervisor } from "../../scripts/lib/proc";
import { enqueue, getQueue } from "../queues";
import { faultQueueData, fourWeeksOfHistory, until } from "./fault-fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Long enough that a busy 2-core machine still renews the lock of a running job, short enough to keep the test quick.
const LOCK_SECONDS = 10;
const tag = Date.now().toString(36);
const keys = Array.from({ length: 6 }, (_, i) => `fault-${i}-${tag}`);
const forecastStart = new Date("2032-03-01T00:00:00Z");
const weekStart = weekStartOf(new Date("2032-03-03T12:00:00Z"));
const prefix = env().BULLMQ_PREFIX;
const workerEnv = { ...process.env, WORKER_LOCK_SECONDS: String(LOCK_SECONDS) };
const exits: string[] = [];
const sup = new Supervisor((name, code, signal) => exits.push(`${name} ${signal ?? code}`));
const fastRestart = { backoffMs: [500], healthyAfterMs: 60_000, maxRestarts: 5 };
const events = {
  forecast: new QueueEvents("forecast", { connection: createRedis("worker"), prefix }),
  schedule: new QueueEvents("schedule", { connection: createRedis("worker"), prefix }),
};

function startWorker(name = "worker") {
  return sup.start(name, ...tsNode(path.join(ROOT, "jobs", "worker.ts")), workerEnv, fastRestart);
}

/** Kills the worker with SIGKILL as soon as the job reports progress at or past `percent`. */
function killOnProgress(queue: QueueEvents, jobId: string, percent: number): Promise<void> {
  return new Promise((resolve) => {
    const listener = ({ jobId: id, data }: { jobId: string; data: unknown }) => {
      if (id !== jobId || Number(data) < percent) return;
      queue.off("progress", listener);
      sup.child("worker")?.kill("SIGKILL");
      resolve();
    };
    queue.on("progress", listener);
  });
}

function countCompletions(queue: QueueEvents) {
  const seen = new Map<string, number>();
  queue.on("completed", ({ jobId }) => seen.set(jobId, (seen.get(jobId) ?? 0) + 1));
  return seen;
}

beforeAll(async () => {
  await Promise.all([events.forecast.waitUntilReady(), events.schedule.waitUntilReady()]);
  const history = [];
  for (const key of keys) {
    const queue = await prisma.queue.create({ data: faultQueueData(key, `Fault ${key}`) });
    history.push(...fourWeeksOfHistory(queue.id, forecastStart));
    await prisma.user.create({
      data: {
        email: `fault-agent-${key}@integration.handoff.example`,
        name: `Fault Agent ${key}`,
        role: "AGENT",
        passwordHash: "x",
        timeZone: "UTC",
        agent: {
          create: {
            cohort: "rural",
            timeZone: "UTC",
            startDate: new Date("2031-01-01"),
            weeklyMinMinutes: 900,
            weeklyMaxMinutes: 2400,
            availability: Array.from({ length: 7 }, (_, day) => ({ day, from: "07:00", to: "21:00" })),
            skills: { create: [{ queueId: queue.id }] },
          },
        },
      },
    });
  }
  await prisma.volumeInterval.createMany({ data: history });
  startWorker();
});

afterAll(async () => {
  await sup.stopAll();
  await Promise.all([events.forecast.close(), events.schedule.close()]);
  await getQueue("forecast").close();
  await getQueue("schedule").close();
  await getQueue("applicant-retention").close();
  await globalThis.__redis?.quit();
  await prisma.schedule.deleteMany({ where: { weekStart } });
  await prisma.forecastRun.deleteMany({ where: { startAt: forecastStart } });
  await prisma.user.deleteMany({ where: { email: { startsWith: "fault-agent-" } } });
  await prisma.queue.deleteMany({ where: { key: { in: keys } } });
});

describe("a worker killed mid-job", () => {
  it("restarts, and the forecast job completes exactly once with every interval stored once", async () => {
    const completions = countCompletions(events.forecast);
    const run = await startForecastRun({ startAt: forecastStart, days: 7, quantile: 0.5, requestedBy: "fault test" });
    const jobId = `forecast-${run.id}`;
    const firstPid = sup.child("worker")?.pid;
    await killOnProgress(events.forecast, jobId, 1);
    const done = await until(
      "the forecast run",
      () => prisma.forecastRun.findUniqueOrThrow({ where: { id: run.id } }),
      (r) => r.status === "SUCCEEDED" || r.status === "FAILED",
    );
    expect(done.status).toBe("SUCCEEDED");
    expect(sup.child("worker")?.pid).not.toBe(firstPid);
    // Every interval of the fault queues once (the unique index would refuse a second copy of any).
    const stored = await prisma.forecastInterval.count({ where: { runId: run.id, queue: { key: { in: keys } } } });
    expect(stored).toBe(keys.length * 7 * 96);
    await until(
      "the completed event",
      async () => completions.get(jobId) ?? 0,
      (n) => n >= 1,
    );
    expect(completions.get(jobId)).toBe(1);
  }, 120_000);

  it("restarts, and the schedule job completes exactly once; no partial draft is ever visible", async () => {
    const completions = countCompletions(events.schedule);
    const schedule = await getOrCreateSchedule(weekStart);
    await startScheduleRun(weekStart, "fault test", 6);
    const { jobId } = await prisma.schedule.findUniqueOrThrow({ where: { id: schedule.id } });
    const killed = killOnProgress(events.schedule, jobId!, 10);
    // While the job runs, is killed and runs again, the draft is either empty (before the one save) or whole.
    const sizes = new Set<number>();
    const watching = (async () => {
      for (;;) {
        const s = await prisma.schedule.findUniqueOrThrow({ where: { id: schedule.id } });
        sizes.add(await prisma.shift.count({ where: { scheduleId: schedule.id } }));
        if (s.runStatus === "SUCCEEDED" || s.runStatus === "FAILED") return s;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await killed;
    const done = await watching;
    expect(done.runStatus).toBe("SUCCEEDED");
    const final = await prisma.shift.count({ where: { scheduleId: schedule.id } });
    expect(final).toBeGreaterThan(0);
    expect([...sizes].filter((n) => n !== 0 && n !== final)).toEqual([]);
    await until(
      "the completed event",
      async () => completions.get(jobId!) ?? 0,
      (n) => n >= 1,
    );
    expect(completions.get(jobId!)).toBe(1);
    expect(exits).toEqual([]);
  }, 120_000);
});

describe("two workers on one Redis", () => {
  it("do each of twenty queued jobs once", async () => {
    startWorker("second worker");
    const retention = new QueueEvents("applicant-retention", { connection: createRedis("worker"), prefix });
    await retention.waitUntilReady();
    const completions = countCompletions(retention);
    const jobs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => enqueue("applicant-retention", { requestedBy: `two workers ${i}`, asOf: "2001-01-01T00:00:00.000Z" })),
    );
    await until(
      "twenty completions",
      async () => [...completions.values()].reduce((a, b) => a + b, 0),
      (n) => n >= 20,
      60_000,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(jobs.map((j) => completions.get(j.id!))).toEqual(jobs.map(() => 1));
    expect(completions.size).toBe(20);
    await retention.close();
  }, 90_000);
});
