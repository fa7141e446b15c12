// Processor for "forecast-nightly" (its repeat is in the registry): a fresh 14-day forecast from tomorrow (UTC), staffed to p50.
import { createForecastRun, findForecastRunOfJob } from "../../app/models/forecast.server";
import { defineProcessor } from "./define";
import { failForecastRun, runForecast } from "./forecast";

const DAY_MS = 86_400_000;

export const processNightlyForecast = defineProcessor("forecast-nightly", async (payload, { job, progress }) => {
  // A retry finds the run its first attempt created instead of creating a second one; runForecast then finishes it
  // (or, when that attempt had finished it, returns what it stored).
  const existing = job.id ? await findForecastRunOfJob(job.id) : null;
  const run =
    existing ??
    (await createForecastRun({
      startAt: new Date(Math.floor(job.timestamp / DAY_MS) * DAY_MS + DAY_MS),
      days: 14,
      quantile: 0.5,
      requestedBy: payload.requestedBy,
      jobId: job.id,
    }));
  try {
    return await runForecast(run.id, progress);
  } catch (error) {
    return failForecastRun(job, run.id, error);
  }
});
