// Forecast runs: creating them, storing the engine's output, and reading it back with adjustments applied.
import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { applyAdjustments, staffingDemand, type AdjustmentRule, type EffectiveInterval } from "../../jobs/planning/adjust";
import { queueServiceParams, type QueueSettings } from "./queue.server";
import { requiredAgents } from "../../jobs/forecast";
import { enqueue, getQueue, JobQueueUnavailableError } from "../../jobs/queues";

export type ForecastIntervalInput = Omit<Prisma.ForecastIntervalCreateManyInput, "runId">;

export async function createForecastRun(input: { startAt: Date; days: number; quantile: number; requestedBy: string; jobId?: string }) {
  return prisma.forecastRun.create({ data: { ...input, status: "QUEUED" }, select: { id: true } });
}

/** The run a job created on an earlier attempt, so a retried recurring job does not create a second one. */
export function findForecastRunOfJob(jobId: string) {
  return prisma.forecastRun.findFirst({ where: { jobId }, orderBy: { createdAt: "asc" }, select: { id: true } });
}

export function countForecastIntervals(runId: string) {
  return prisma.forecastInterval.count({ where: { runId } });
}

export async function hasSucceededForecast(): Promise<boolean> {
  return (await prisma.forecastRun.count({ where: { status: "SUCCEEDED" } })) > 0;
}

/** Replaces a run's intervals and marks it succeeded, in one transaction: a retried job lands on the same rows. */
export async function saveForecastIntervals(runId: string, rows: ForecastIntervalInput[]) {
  await prisma.$transaction(
    async (tx) => {
      await tx.forecastInterval.deleteMany({ where: { runId } });
      for (let i = 0; i < rows.length; i += 5000) {
        await tx.forecastInterval.createMany({ data: rows.slice(i, i + 5000).map((r) => ({ ...r, runId })) });
      }
      await tx.forecastRun.update({ where: { id: runId }, data: { status: "SUCCEEDED", finishedAt: new Date(), error: null } });
    },
    { timeout: 120_000 },
  );
}

export function markForecastRun(runId: string, data: { status: "RUNNING" | "FAILED" | "CANCELLED"; error?: string | null; jobId?: string }) {
  return prisma.forecastRun.update({ where: { id: runId }, data: { ...data, ...(data.status !== "RUNNING" ? { finishedAt: new Date() } : {}) } });
}

export function getForecastRun(runId: string) {
  return prisma.forecastRun.findUnique({ where: { id: runId } });
}

/** The newest successful run whose horizon covers `at` (or the newest successful run at all). */
export async function latestForecastRun(at?: Date) {
  const runs = await prisma.forecastRun.findMany({ where: { status: "SUCCEEDED" }, orderBy: { createdAt: "desc" }, take: 20 });
  if (!at) return runs[0] ?? null;
  return runs.find((r) => r.startAt.getTime() <= at.getTime() && at.getTime() < r.startAt.getTime() + r.days * 86_400_000) ?? runs[0] ?? null;
}

export function recentForecastRuns(take = 10) {
  return prisma.forecastRun.findMany({ orderBy: { createdAt: "desc" }, take });
}

export function activeAdjustments(queueId: string, from: Date, to: Date): Promise<AdjustmentRule[]> {
  return prisma.adjustment.findMany({
    where: { queueId, revertedAt: null, from: { lt: to }, to: { gt: from } },
    select: { id: true, from: true, to: true, containment: true, volumeFactor: true, ahtSeconds: true, createdAt: true },
  });
}

export type EffectiveForecastInterval = EffectiveInterval & { agents: number; required: number; open: boolean };

/**
 * A queue's forecast over [from, to) from one run, with adjustments applied and agents required
 * recomputed where an adjustment changed the demand. Closed intervals (required 0 in the run) stay closed.
 */
export async function effectiveForecast(
  run: { id: string; quantile: number },
  queue: QueueSettings,
  from: Date,
  to: Date,
  extraRules: AdjustmentRule[] = [],
): Promise<EffectiveForecastInterval[]> {
  const [rows, rules] = await Promise.all([
    prisma.forecastInterval.findMany({
      where: { runId: run.id, queueId: queue.id, intervalStart: { gte: from, lt: to } },
      orderBy: { intervalStart: "asc" },
    }),
    activeAdjustments(queue.id, from, to),
  ]);
  const allRules = [...rules, ...extraRules];
  const effective = rows.map((row) => ({ row, eff: applyAdjustments(row, allRules) }));
  const changed = effective.filter(({ eff, row }) => eff.adjustedBy.length > 0 && row.open);
  const params = queueServiceParams(queue);
  const recomputed = new Map<number, { agents: number; scheduledAgents: number }>();
  // Recompute only adjusted intervals, grouped by AHT (the only per-interval service parameter).
  const byAht = new Map<number, typeof changed>();
  for (const item of changed) byAht.set(item.eff.ahtSeconds, [...(byAht.get(item.eff.ahtSeconds) ?? []), item]);
  for (const [aht, items] of byAht) {
    const result = requiredAgents(
      items.map((i) => staffingDemand(i.eff, run.quantile)),
      queue.intervalMinutes,
      { ...params, ahtSeconds: aht },
    );
    items.forEach((item, k) => recomputed.set(item.row.intervalStart.getTime(), result[k]));
  }
  return effective.map(({ row, eff }) => {
    const open = row.open;
    const again = recomputed.get(row.intervalStart.getTime());
    return {
      ...eff,
      open,
      agents: !open ? 0 : again ? again.agents : row.agents,
      required: !open ? 0 : again ? again.scheduledAgents : row.required,
    };
  });
}

/** Creates a run and queues its job; the job id is derived from the run so a double submit queues one job. */
export async function startForecastRun(input: { startAt: Date; days: number; quantile: number; requestedBy: string }) {
  const run = await createForecastRun(input);
  try {
    const job = await enqueue("forecast", { runId: run.id, requestedBy: input.requestedBy }, { jobId: `forecast-${run.id}` });
    await prisma.forecastRun.update({ where: { id: run.id }, data: { jobId: job.id } });
  } catch (error) {
    // A run without a job would wait for a worker forever: it is marked failed, with why.
    if (error instanceof JobQueueUnavailableError)
      await markForecastRun(run.id, { status: "FAILED", error: "Not started: the job queue was not reachable. Start it again in a minute." });
    throw error;
  }
  return run;
}

/** Cancels a queued or running forecast: a waiting job is removed, a running one stops at its next check. */
export async function cancelForecastRun(runId: string): Promise<boolean> {
  const run = await prisma.forecastRun.findUnique({ where: { id: runId } });
  if (!run || (run.status !== "QUEUED" && run.status !== "RUNNING")) return false;
  await prisma.forecastRun.update({ where: { id: runId }, data: { status: "CANCELLED", error: "Cancelled by a manager", finishedAt: new Date() } });
  if (run.jobId) {
    const job = await getQueue("forecast").getJob(run.jobId);
    if (job && (await job.isWaiting())) await job.remove();
  }
  return true;
}

/** Progress (0–100) of a run's job, from BullMQ; 100 once the run succeeded. */
export async function forecastRunProgress(run: { status: string; jobId: string | null }): Promise<number> {
  if (run.status === "SUCCEEDED") return 100;
  if (!run.jobId) return 0;
  const job = await getQueue("forecast").getJob(run.jobId);
  return typeof job?.progress === "number" ? job.progress : 0;
}

export function listAdjustments(queueId: string, take = 50) {
  return prisma.adjustment.findMany({
    where: { queueId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      from: true,
      to: true,
      containment: true,
      volumeFactor: true,
      ahtSeconds: true,
      reason: true,
      createdAt: true,
      revertedAt: true,
      revertedBy: true,
      author: { select: { name: true } },
    },
  });
}

export function createAdjustment(input: {
  queueId: string;
  from: Date;
  to: Date;
  containment: number | null;
  volumeFactor: number | null;
  ahtSeconds: number | null;
  reason: string;
  authorId: string;
}) {
  return prisma.adjustment.create({ data: input });
}

export async function revertAdjustment(id: string, byName: string): Promise<boolean> {
  const result = await prisma.adjustment.updateMany({ where: { id, revertedAt: null }, data: { revertedAt: new Date(), revertedBy: byName } });
  return result.count === 1;
}
