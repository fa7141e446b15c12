// Processor for "demo-plan": a new demo starts planned — a forecast from this week, and this week's
// and next week's schedules built and published — so every role sees a living company at once.
import { createForecastRun, hasSucceededForecast } from "../../app/models/forecast.server";
import { findScheduleByWeek, getOrCreateSchedule, getSchedule, nextWeekStart, publishSchedule, weekStartOf } from "../../app/models/schedule.server";
import { enqueue } from "../queues";
import { defineProcessor } from "./define";
import { runForecast } from "./forecast";
import { runSchedule } from "./schedule";

const SCHEDULE_SECONDS = 10;

export const processDemoPlan = defineProcessor("demo-plan", async (payload, { progress }) => {
  const now = new Date();
  const count = payload.weeks ?? 2;
  const weeks = [weekStartOf(now)];
  while (weeks.length < count) weeks.push(nextWeekStart(weeks[weeks.length - 1]));
  // Safe to run twice: a company planned before (a forecast, no schedule of this plan) is left as it is;
  // a retried plan keeps its forecast and the weeks it published, and finishes the others.
  const forecasted = await hasSucceededForecast();
  if (forecasted && !(await findScheduleByWeek(weeks[0]))) return { skipped: "a forecast already exists" };
  if (!forecasted) {
    const run = await createForecastRun({ startAt: weekStartOf(now), days: 7 * count, quantile: 0.5, requestedBy: payload.requestedBy });
    await runForecast(run.id, (p) => progress(Math.round(p * 0.3)));
  }
  let shifts = 0;
  for (const [i, week] of weeks.entries()) {
    const schedule = await getOrCreateSchedule(week);
    if (schedule.status === "PUBLISHED") continue;
    const result = await runSchedule(schedule.id, SCHEDULE_SECONDS, (p) => progress(30 + Math.round((i * 100 + p) * (0.7 / count))));
    const solved = await getSchedule(schedule.id);
    if (solved) await publishSchedule(schedule.id, solved.version);
    shifts += result.shifts;
  }
  await progress(100);
  return { weeks: weeks.length, shifts };
});

/** Called by the seed: queue the demo plan once (the fixed job id makes a second seed a no-op); the benchmark plans 8 weeks. */
export function queueDemoPlan(weeks = 2, jobId = "demo-plan") {
  return enqueue("demo-plan", { requestedBy: "demo seed", weeks }, { jobId });
}
