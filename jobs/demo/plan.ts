// Processor for "demo-plan": a new demo starts planned — a forecast from this week, and this week's
// and next week's schedules built and published — so every role sees a living company at once.
import type { Job } from "bullmq";
import { prisma } from "../../app/utils/db.server";
import { createForecastRun } from "../../app/models/forecast.server";
import { getOrCreateSchedule, nextWeekStart, publishSchedule, weekStartOf } from "../../app/models/schedule.server";
import { runForecast } from "../planning/forecast-run";
import { runSchedule } from "../planning/schedule-run";
import { enqueue, JOBS } from "../queues";

const SCHEDULE_SECONDS = 10;

export async function processDemoPlan(job: Job) {
  const payload = JOBS["demo-plan"].payload.parse(job.data);
  // Safe to run twice: a company that already has a forecast is left as it is.
  if ((await prisma.forecastRun.count({ where: { status: "SUCCEEDED" } })) > 0) return { skipped: "a forecast already exists" };
  const now = new Date();
  const run = await createForecastRun({ startAt: weekStartOf(now), days: 14, quantile: 0.5, requestedBy: payload.requestedBy });
  await runForecast(run.id, (p) => job.updateProgress(Math.round(p * 0.3)));
  const weeks = [weekStartOf(now), nextWeekStart(now)];
  let shifts = 0;
  for (const [i, week] of weeks.entries()) {
    const schedule = await getOrCreateSchedule(week);
    const result = await runSchedule(schedule.id, SCHEDULE_SECONDS, (p) => job.updateProgress(30 + Math.round((i * 100 + p) * 0.35)));
    const { version } = await prisma.schedule.findUniqueOrThrow({ where: { id: schedule.id }, select: { version: true } });
    await publishSchedule(schedule.id, version);
    shifts += result.shifts;
  }
  await job.updateProgress(100);
  return { weeks: weeks.length, shifts };
}

/** Called by the seed: queue the demo plan once (the fixed job id makes a second seed a no-op). */
export function queueDemoPlan() {
  return enqueue("demo-plan", { requestedBy: "demo seed" }, { jobId: "demo-plan" });
}
