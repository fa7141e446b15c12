// Processor for "capacity-nightly" (its repeat is in the registry): a fresh run of the base scenario.
import { createCapacityRun, ensureBaseScenario, findCapacityRunOfJob, markCapacityRun } from "../../app/models/capacity.server";
import { failCapacityRun, lockKeeper, runCapacity } from "./capacity";
import { defineProcessor } from "./define";

export const processNightlyCapacity = defineProcessor("capacity-nightly", async (payload, { job, progress }) => {
  // A retry finds the run its first attempt created instead of creating a second one.
  const existing = job.id ? await findCapacityRunOfJob(job.id) : null;
  const run = existing ?? (await createCapacityRun((await ensureBaseScenario()).id, payload.requestedBy, job.id));
  await markCapacityRun(run.id, { status: "RUNNING", jobId: job.id });
  try {
    return await runCapacity(run.id, 20, progress, lockKeeper(job));
  } catch (error) {
    return failCapacityRun(job, run.id, error);
  }
});
