// Integration (real Postgres; Redis pointed at a closed port): a run requested while Redis is down is
// refused at once and marked failed with why, instead of waiting for a worker forever.
import { afterAll, describe, expect, it } from "vitest";

// Before any module reads the environment: this file's Redis is a port nothing listens on.
process.env.REDIS_URL = "redis://127.0.0.1:1";

const { prisma } = await import("~/utils/db.server");
const { startForecastRun } = await import("./forecast.server");
const { JobQueueUnavailableError } = await import("./job.server");

afterAll(async () => {
  globalThis.__redis?.disconnect();
});

describe("a job requested while Redis is down", () => {
  it("fails fast, and the forecast run says it was not started", async () => {
    const requestedBy = `redis-down-${Date.now()}`;
    await expect(startForecastRun({ startAt: new Date("2030-01-07T00:00:00Z"), days: 7, quantile: 0.5, requestedBy })).rejects.toBeInstanceOf(
      JobQueueUnavailableError,
    );
    const runs = await prisma.forecastRun.findMany({ where: { requestedBy } });
    expect(runs).toHaveLength(1);
    expect(runs[0].status).toBe("FAILED");
    expect(runs[0].error).toMatch(/job queue was not reachable/);
  });
});
