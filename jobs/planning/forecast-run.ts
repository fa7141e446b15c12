// Processor for "forecast": loads history and queue settings, calls the engine, stores intervals with agents required.
import { UnrecoverableError, type Job } from "bullmq";
import { prisma } from "../../app/utils/db.server";
import { createForecastRun, getForecastRun, markForecastRun, saveForecastIntervals, type ForecastIntervalInput } from "../../app/models/forecast.server";
import { listQueueSettings, queueServiceParams } from "../../app/models/queue.server";
import { forecast, requiredAgents, type HistoryRow } from "../forecast";
import { getQueue, JOBS } from "../queues";
import { OpeningHoursSchema, openingHoursToRanges, weeklyMask } from "./calendar";
import { staffingDemand } from "./adjust";

const HISTORY_WEEKS = 12;
const AHT_WEEKS = 4;
const DAY_MS = 86_400_000;

export class CancelledError extends UnrecoverableError {}

async function loadHistory(queueId: string, queueKey: string, from: Date, to: Date): Promise<HistoryRow[]> {
  const rows = await prisma.volumeInterval.findMany({
    where: { queueId, intervalStart: { gte: from, lt: to } },
    orderBy: { intervalStart: "asc" },
    select: { intervalStart: true, offered: true, aiResolved: true, ahtSeconds: true },
  });
  return rows.map((r) => ({ intervalStart: r.intervalStart.getTime(), queue: queueKey, offered: r.offered, aiResolved: r.aiResolved, ahtSeconds: r.ahtSeconds }));
}

/** Human-volume-weighted AHT of the recent weeks; the queue's setting when history has none. */
function recentAht(history: HistoryRow[], since: number, fallback: number): number {
  let weight = 0;
  let sum = 0;
  for (const row of history) {
    if (row.intervalStart < since || row.ahtSeconds === null) continue;
    const human = row.offered - row.aiResolved;
    weight += human;
    sum += human * row.ahtSeconds;
  }
  return weight > 0 ? sum / weight : fallback;
}

export async function runForecast(runId: string, reportProgress: (percent: number) => Promise<void>) {
  const run = await getForecastRun(runId);
  if (!run) throw new UnrecoverableError(`forecast run ${runId} does not exist`);
  if (run.status === "CANCELLED") throw new CancelledError("cancelled before it started");
  if (run.status === "SUCCEEDED") return { intervals: await prisma.forecastInterval.count({ where: { runId } }) };
  await markForecastRun(runId, { status: "RUNNING", error: null });

  const queues = await listQueueSettings();
  const start = run.startAt.getTime();
  const historyFrom = new Date(start - HISTORY_WEEKS * 7 * DAY_MS);
  const output: ForecastIntervalInput[] = [];
  for (const [index, queue] of queues.entries()) {
    // Cancellation is checked between queues: a cancelled run stores nothing.
    const current = await getForecastRun(runId);
    if (current?.status === "CANCELLED") throw new CancelledError("cancelled by a manager");
    const history = await loadHistory(queue.id, queue.key, historyFrom, run.startAt);
    if (history.length === 0) continue;
    const rows = forecast(history, { start, days: run.days });
    const aht = recentAht(history, start - AHT_WEEKS * 7 * DAY_MS, queue.ahtSeconds);
    const hours = OpeningHoursSchema.safeParse(queue.openingHours);
    const open = hours.success
      ? weeklyMask(start, rows.length, queue.intervalMinutes, queue.timeZone, openingHoursToRanges(hours.data))
      : rows.map(() => true);
    const required = requiredAgents(
      rows.map((row, t) => (open[t] ? staffingDemand(row, run.quantile) : 0)),
      queue.intervalMinutes,
      { ...queueServiceParams(queue), ahtSeconds: aht },
    );
    rows.forEach((row, t) => {
      output.push({
        queueId: queue.id,
        intervalStart: new Date(row.intervalStart),
        offered: row.offered,
        aiResolved: row.aiResolved,
        human: row.human,
        humanP10: row.humanP10,
        humanP90: row.humanP90,
        ahtSeconds: aht,
        open: open[t],
        agents: open[t] ? required[t].agents : 0,
        required: open[t] ? required[t].scheduledAgents : 0,
      });
    });
    await reportProgress(Math.round(((index + 1) / queues.length) * 90));
  }
  await saveForecastIntervals(runId, output);
  await reportProgress(100);
  return { intervals: output.length };
}

export async function processForecast(job: Job) {
  const payload = JOBS.forecast.payload.parse(job.data);
  try {
    return await runForecast(payload.runId, (p) => job.updateProgress(p));
  } catch (error) {
    const cancelled = error instanceof CancelledError;
    const message = error instanceof Error ? error.message : String(error);
    // Only the last attempt marks the run failed; earlier ones leave it to the retry.
    const final = cancelled || error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (final) await markForecastRun(payload.runId, { status: cancelled ? "CANCELLED" : "FAILED", error: message });
    throw error;
  }
}

/** The recurring run: a fresh 14-day forecast from tomorrow (UTC), staffed to p50. */
export async function processNightlyForecast(job: Job) {
  const payload = JOBS["forecast-nightly"].payload.parse(job.data);
  const tomorrow = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1));
  const run = await createForecastRun({ startAt: tomorrow, days: 14, quantile: 0.5, requestedBy: payload.requestedBy });
  await markForecastRun(run.id, { status: "RUNNING", jobId: job.id });
  try {
    return await runForecast(run.id, (p) => job.updateProgress(p));
  } catch (error) {
    await markForecastRun(run.id, { status: "FAILED", error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/** Registers the nightly run (idempotent: upserting the same scheduler id replaces it). */
export function scheduleNightlyForecast() {
  return getQueue("forecast-nightly").upsertJobScheduler(
    "forecast-nightly",
    { pattern: "0 2 * * *", tz: "Europe/Stockholm" },
    {
      name: "forecast-nightly",
      data: JOBS["forecast-nightly"].payload.parse({ requestedBy: "nightly schedule" }),
      opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 }, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
    },
  );
}
