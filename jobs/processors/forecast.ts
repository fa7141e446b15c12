// Processor for "forecast": load the run's queues and history, forecast each queue (engine), store the intervals.
import { UnrecoverableError, type Job } from "bullmq";
import { countForecastIntervals, getForecastRun, markForecastRun, saveForecastIntervals, type ForecastIntervalInput } from "../../app/models/forecast.server";
import { listQueueSettings, queueServiceParams } from "../../app/models/queue.server";
import { specialDaysForForecast } from "../../app/models/special-day.server";
import { engineHistory } from "../../app/models/volume.server";
import { forecastQueue } from "../planning/forecast-queue";
import { defineProcessor, isFinalAttempt } from "./define";

/** The forecast learns from the last weeks of history before the run's start. */
const HISTORY_WEEKS = 12;
const WEEK_MS = 7 * 86_400_000;

export class CancelledError extends UnrecoverableError {}

/** Forecasts every queue for the run's horizon and stores it in one transaction; a rerun of a finished run changes nothing. */
export async function runForecast(runId: string, reportProgress: (percent: number) => Promise<void>) {
  const run = await getForecastRun(runId);
  if (!run) throw new UnrecoverableError(`forecast run ${runId} does not exist`);
  if (run.status === "CANCELLED") throw new CancelledError("cancelled before it started");
  if (run.status === "SUCCEEDED") return { intervals: await countForecastIntervals(runId) };
  await markForecastRun(runId, { status: "RUNNING", error: null });

  const queues = await listQueueSettings();
  const start = run.startAt.getTime();
  const historyFrom = new Date(start - HISTORY_WEEKS * WEEK_MS);
  // The manager's special days over the history the engine learns from and the horizon it forecasts.
  const specialDays = await specialDaysForForecast(historyFrom, new Date(start + run.days * 86_400_000));
  const output: ForecastIntervalInput[] = [];
  for (const [index, queue] of queues.entries()) {
    // Cancellation is checked between queues: a cancelled run stores nothing.
    const current = await getForecastRun(runId);
    if (current?.status === "CANCELLED") throw new CancelledError("cancelled by a manager");
    const history = await engineHistory(queue, historyFrom, run.startAt);
    const rows = forecastQueue(history, { ...queue, service: queueServiceParams(queue), specialDays }, { start, days: run.days, quantile: run.quantile });
    for (const row of rows) output.push({ queueId: queue.id, ...row });
    await reportProgress(Math.round(((index + 1) / queues.length) * 90));
  }
  await saveForecastIntervals(runId, output);
  await reportProgress(100);
  return { intervals: output.length };
}

/** Marks the run failed or cancelled when this attempt is its last, then lets BullMQ record the failure. */
export async function failForecastRun(job: Job, runId: string, error: unknown): Promise<never> {
  const cancelled = error instanceof CancelledError;
  const message = error instanceof Error ? error.message : String(error);
  if (cancelled || error instanceof UnrecoverableError || isFinalAttempt(job)) {
    await markForecastRun(runId, { status: cancelled ? "CANCELLED" : "FAILED", error: message });
  }
  throw error;
}

export const processForecast = defineProcessor("forecast", async (payload, { job, progress }) => {
  try {
    return await runForecast(payload.runId, progress);
  } catch (error) {
    return failForecastRun(job, payload.runId, error);
  }
});
