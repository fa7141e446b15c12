// Integration: the demo-history job end to end through real Redis (BullMQ) and the real test database.
import { QueueEvents, Worker } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/utils/db.server";
import { env } from "../../app/utils/env.server";
import { createRedis } from "../../app/utils/redis.server";
import { DEMO_QUEUES } from "../../prisma/demo/queues";
import { getQueue, enqueue } from "../queues";
import { processDemoHistory } from "./demo-history";

const prefix = env().BULLMQ_PREFIX;
const worker = new Worker("demo-history", processDemoHistory, { connection: createRedis("worker"), prefix, autorun: true });
const events = new QueueEvents("demo-history", { connection: createRedis("worker"), prefix });

afterAll(async () => {
  await worker.close();
  await events.close();
  await getQueue("demo-history").close();
});

describe("demo-history job", () => {
  it("stores the weeks for every demo queue, reports progress to 100, and a rerun changes nothing", async () => {
    const progress: number[] = [];
    events.on("progress", ({ data }) => progress.push(Number(data)));
    await events.waitUntilReady();

    const endDate = "2026-03-02";
    const from = new Date("2026-02-23T00:00:00Z");
    const to = new Date(`${endDate}T00:00:00Z`);
    const count = () => prisma.volumeInterval.count({ where: { intervalStart: { gte: from, lt: to } } });

    const first = await enqueue("demo-history", { weeks: 1, endDate, requestedBy: "vitest" });
    const result = await first.waitUntilFinished(events, 60_000);
    expect(result.queues).toBe(DEMO_QUEUES.length);
    const stored = await count();
    expect(stored).toBe(result.rows);
    expect(stored).toBeGreaterThan(DEMO_QUEUES.length * 7 * 40);
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const second = await enqueue("demo-history", { weeks: 1, endDate, requestedBy: "vitest" });
    await second.waitUntilFinished(events, 60_000);
    expect(await count()).toBe(stored);
  });

  it("refuses a payload that does not match its schema", async () => {
    await expect(enqueue("demo-history", { weeks: 0, endDate: "2026-03-02", requestedBy: "vitest" })).rejects.toThrow();
    await expect(enqueue("demo-history", { weeks: 2, endDate: "not a date", requestedBy: "vitest" } as never)).rejects.toThrow();
  });
});
