// The forecast page's view model: one queue's history and forecast (adjustments applied) over a week or a
// day from the address's `queue`, `zoom` and `from`, the newest run with its progress, and the queue's
// adjustments — times in the viewer's zone.
import { addDays, localDate, parseIsoDate, startOfLocalDay, zoneAbbreviation } from "~/utils/time";
import { effectiveForecast, forecastRunProgress, latestForecastRun, listAdjustments, recentForecastRuns } from "./forecast.server";
import { listQueueSettings } from "./queue.server";
import { queueHistory } from "./volume.server";

export async function forecastPage(tz: string, params: URLSearchParams) {
  const queues = await listQueueSettings();
  if (queues.length === 0) return { empty: true as const };
  const queue = queues.find((q) => q.key === params.get("queue")) ?? queues[0];
  const zoom = params.get("zoom") === "day" ? "day" : "week";
  const [latest] = await recentForecastRuns(1);
  const run = await latestForecastRun();
  const defaultFrom = run ? addDays(localDate(run.startAt, tz), zoom === "week" ? -2 : 0) : addDays(localDate(new Date(), tz), -6);
  const fromParam = params.get("from");
  const fromDate = parseIsoDate(fromParam) ?? defaultFrom;
  const from = startOfLocalDay(fromDate, tz);
  const to = startOfLocalDay(addDays(fromDate, zoom === "week" ? 7 : 1), tz);

  const [history, forecast, adjustments, latestProgress] = await Promise.all([
    queueHistory(queue.id, from, run ? new Date(Math.min(to.getTime(), run.startAt.getTime())) : to),
    run ? effectiveForecast(run, queue, from, to) : Promise.resolve([]),
    listAdjustments(queue.id),
    latest ? forecastRunProgress(latest) : Promise.resolve(0),
  ]);
  const slotHours = queue.intervalMinutes / 60;
  return {
    empty: false as const,
    timeZone: tz,
    zone: zoneAbbreviation(tz),
    queues: queues.map((q) => ({ key: q.key, name: q.name })),
    queue: {
      key: queue.key,
      name: queue.name,
      intervalMinutes: queue.intervalMinutes,
      serviceLevelTarget: queue.serviceLevelTarget,
      serviceLevelSeconds: queue.serviceLevelSeconds,
    },
    zoom,
    fromDate,
    range: { from: from.getTime(), to: to.getTime() },
    run: run ? { id: run.id, startAt: run.startAt.toISOString(), days: run.days, quantile: run.quantile, createdAt: run.createdAt.toISOString() } : null,
    latest: latest
      ? {
          id: latest.id,
          status: latest.status,
          progress: latestProgress,
          error: latest.error,
          createdAt: latest.createdAt.toISOString(),
          seconds: latest.finishedAt ? Math.max(0, (latest.finishedAt.getTime() - latest.createdAt.getTime()) / 1000) : null,
          quantile: latest.quantile,
        }
      : null,
    history: history.map((h) => ({ t: h.intervalStart.getTime(), human: h.offered - h.aiResolved, ai: h.aiResolved })),
    forecast: forecast.map((f) => ({
      t: f.intervalStart.getTime(),
      human: f.human,
      ai: f.aiResolved,
      p10: f.humanP10,
      p90: f.humanP90,
      required: f.required,
      adjusted: f.adjustedBy.length > 0,
    })),
    totals: {
      human: forecast.reduce((s, f) => s + f.human, 0),
      agentHours: forecast.reduce((s, f) => s + f.required, 0) * slotHours,
      peak: forecast.reduce((m, f) => Math.max(m, f.required), 0),
    },
    adjustments: adjustments.map((a) => ({
      id: a.id,
      from: a.from.toISOString(),
      to: a.to.toISOString(),
      containment: a.containment,
      volumeFactor: a.volumeFactor,
      ahtSeconds: a.ahtSeconds,
      reason: a.reason,
      author: a.author.name,
      createdAt: a.createdAt.toISOString(),
      revertedAt: a.revertedAt?.toISOString() ?? null,
      revertedBy: a.revertedBy,
    })),
    defaults: {
      from: run ? localDate(run.startAt, tz) : localDate(new Date(), tz),
      to: run ? addDays(localDate(run.startAt, tz), 6) : localDate(new Date(), tz),
    },
  };
}
