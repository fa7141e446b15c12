// Processor for "demo-plan": a new demo starts planned — a forecast from this week, and this week's
// and next week's schedules built and published — so every role sees a living company at once.
import { createForecastRun, hasSucceededForecast } from "../../app/models/forecast.server";
import { getOrCreateSchedule, getSchedule, nextWeekStart, publishSchedule, weekStartOf } from "../../app/models/schedule.server";
import { enqueue } from "../queues";
import { defineProcessor } from "./define";
import { runForecast } from "./forecast";
import { runSchedule } from "./schedule";

const SCHEDULE_SECONDS = 10;

export const processDemoPlan = defineProcessor("demo-plan", async (payload, { progress }) => {
  // Safe to run twice: a company that already has a forecast is left as it is.
  if (await hasSucceededForecast()) return { skipped: "a forecast already exists" };
  const now = new Date();
  const run = await createForecastRun({ startAt: weekStartOf(now), days: 14, quantile: 0.5, requestedBy: payload.requestedBy });
  await runForecast(run.id, (p) => progress(Math.round(p * 0.3)));
  const weeks = [weekStartOf(now), nextWeekStart(now)];
  let shifts = 0;
  for (const [i, week] of weeks.entries()) {
    const schedule = await getOrCreateSchedule(week);
    const result = await runSchedule(schedule.id, SCHEDULE_SECONDS, (p) => progress(30 + Math.round((i * 100 + p) * 0.35)));
    const solved = await getSchedule(schedule.id);
    if (solved) await publishSchedule(schedule.id, solved.version);
    shifts += result.shifts;
  }
  await progress(100);
  return { weeks: weeks.length, shifts };
});

/** Called by the seed: queue the demo plan once (the fixed job id makes a second seed a no-op). */
export function queueDemoPlan() {
  return enqueue("demo-plan", { requestedBy: "demo seed" }, { jobId: "demo-plan" });
}
