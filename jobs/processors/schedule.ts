// Processor for "schedule": load the week's instance, solve it (engine) with progress, store the draft.
import { UnrecoverableError } from "bullmq";
import { getSchedule, loadWeekInput, markScheduleRun, saveSolvedSchedule } from "../../app/models/schedule.server";
import { solveSchedule } from "../schedule";
import { defineProcessor, isFinalAttempt } from "./define";

export async function runSchedule(scheduleId: string, timeLimitSeconds: number, reportProgress: (percent: number) => Promise<void>) {
  const schedule = await getSchedule(scheduleId);
  if (!schedule) throw new UnrecoverableError(`schedule ${scheduleId} does not exist`);
  await markScheduleRun(scheduleId, { runStatus: "RUNNING", error: null });
  // The current labour rule set, recorded with the draft: later edits are checked against the same one.
  const { instance, forecastRunId, queueIds, ruleSetId } = await loadWeekInput(schedule.weekStart);
  if (!forecastRunId) throw new UnrecoverableError("No forecast covers this week yet: run a forecast first.");
  if (instance.agents.length === 0) throw new UnrecoverableError("No active agent is available this week.");
  await reportProgress(5);
  let last = 5;
  const { shifts, summary } = await solveSchedule(instance, {
    timeLimitSeconds,
    seed: 1,
    onProgress: (fraction) => {
      const percent = 5 + Math.floor(fraction * 90);
      // Progress writes go to Redis: a few per second at most.
      if (percent >= last + 2) {
        last = percent;
        void reportProgress(percent);
      }
    },
  });
  await saveSolvedSchedule(scheduleId, schedule.weekStart, queueIds, shifts, summary, forecastRunId, ruleSetId);
  await reportProgress(100);
  const hours = (agentIntervals: number) => (agentIntervals * instance.intervalMinutes) / 60;
  return { shifts: shifts.length, underHours: hours(summary.underCoverage), lowerBoundHours: hours(summary.lowerBoundUnderCoverage) };
}

export const processSchedule = defineProcessor("schedule", async (payload, { job, progress }) => {
  try {
    return await runSchedule(payload.scheduleId, payload.timeLimitSeconds, progress);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const final = error instanceof UnrecoverableError || isFinalAttempt(job);
    await markScheduleRun(payload.scheduleId, { runStatus: final ? "FAILED" : "QUEUED", error: message });
    throw error;
  }
});
