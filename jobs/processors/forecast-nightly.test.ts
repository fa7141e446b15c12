// Integration: the nightly forecast creates its run once — a retry of the same job (BullMQ retries a failed or
// stalled attempt under the same job id) finds that run instead of creating a second one.
import type { Job } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/utils/db.server";
import { processNightlyForecast } from "./forecast-nightly";

const jobId = `repeat:forecast-nightly:test-${Date.now()}`;

/** A BullMQ job as the worker hands it over on attempt `attemptsMade + 1` (the processor reads these fields only). */
function nightlyJob(attemptsMade: number): Job {
  return {
    id: jobId,
    name: "forecast-nightly",
    data: { requestedBy: "nightly schedule" },
    timestamp: Date.UTC(2033, 5, 1, 0, 0),
    attemptsMade,
    opts: { attempts: 3 },
    updateProgress: async () => {},
  } as unknown as Job;
}

afterAll(async () => {
  await prisma.forecastRun.deleteMany({ where: { jobId } });
});

describe("nightly forecast (forecast-nightly)", () => {
  it("creates one run for a job, and a retry of that job finds it instead of creating a second", async () => {
    const first = await processNightlyForecast(nightlyJob(0));
    const runs = await prisma.forecastRun.findMany({ where: { jobId } });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "SUCCEEDED", days: 14, quantile: 0.5, startAt: new Date(Date.UTC(2033, 5, 2)) });
    const intervals = await prisma.forecastInterval.count({ where: { runId: runs[0]!.id } });
    expect(first).toEqual({ intervals });

    const retried = await processNightlyForecast(nightlyJob(1));
    expect(retried).toEqual(first);
    const after = await prisma.forecastRun.findMany({ where: { jobId } });
    expect(after.map((r) => r.id)).toEqual([runs[0]!.id]);
    // The finished run is kept as it was: the retry neither reopened nor recomputed it.
    expect(after[0]).toMatchObject({ status: "SUCCEEDED", finishedAt: runs[0]!.finishedAt });
  });
});
