// Integration: the forecast job passes each queue's holiday calendar and the manager's special days to the
// engine (real Postgres): a national holiday of the queue's country and a listed sale day are forecast
// differently from the same weekday without them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/utils/db.server";
import { createForecastRun } from "../../app/models/forecast.server";
import { deleteSpecialDay, saveSpecialDay } from "../../app/models/special-day.server";
import { updateQueueSettings, getQueueSettingsByKey } from "../../app/models/queue.server";
import { runForecast } from "./forecast";

const tag = Date.now().toString(36);
const key = `it-sd-${tag}`;
// Monday 2 June 2031; Friday 6 June is Sweden's National Day (a public holiday).
const forecastStart = new Date("2031-06-02T00:00:00Z");
const DAY_MS = 86_400_000;
const noop = async () => {};
let queueId = "";
let userId = "";

/** Offered contacts forecast for the queue on each day of the run (index 0 = Monday 2 June). */
async function dailyOffered(): Promise<number[]> {
  const run = await createForecastRun({ startAt: forecastStart, days: 7, quantile: 0.5, requestedBy: "vitest" });
  await runForecast(run.id, noop);
  const rows = await prisma.forecastInterval.findMany({ where: { runId: run.id, queueId } });
  const days = Array.from({ length: 7 }, () => 0);
  for (const r of rows) days[Math.floor((r.intervalStart.getTime() - forecastStart.getTime()) / DAY_MS)] += r.offered;
  return days;
}

beforeAll(async () => {
  const user = await prisma.user.create({
    data: { email: `manager-${tag}@integration.handoff.example`, name: "Integration Manager", role: "MANAGER", passwordHash: "x", timeZone: "UTC" },
  });
  userId = user.id;
  const queue = await prisma.queue.create({
    data: {
      key,
      language: `x${tag}`,
      channel: "CHAT",
      name: "Special days chat",
      timeZone: "UTC",
      ahtSeconds: 300,
      country: "SE",
      // Closed on Sundays: a business-hours queue, which closes on public holidays.
      openingHours: Array.from({ length: 7 }, (_, d) => (d === 6 ? [] : [["08:00", "20:00"]])),
    },
  });
  queueId = queue.id;
  // Four weeks of history, closed on Sundays and on Ascension Day (Thursday 22 May 2031), as Swedish offices are.
  const history = [];
  for (let day = 1; day <= 28; day++) {
    const dayStart = forecastStart.getTime() - day * DAY_MS;
    const closed = new Date(dayStart).getUTCDay() === 0 || dayStart === Date.UTC(2031, 4, 22);
    for (let slot = 32; slot < 80; slot++) {
      history.push({
        queueId,
        intervalStart: new Date(dayStart + slot * 15 * 60_000),
        intervalMinutes: 15,
        offered: closed ? 0 : 24,
        aiResolved: closed ? 0 : 12,
        ahtSeconds: 300,
      });
    }
  }
  await prisma.volumeInterval.createMany({ data: history });
});

afterAll(async () => {
  await prisma.forecastRun.deleteMany({ where: { startAt: forecastStart } });
  await prisma.specialDay.deleteMany({ where: { authorId: userId } });
  await prisma.auditEntry.deleteMany({ where: { actorId: userId } });
  await prisma.queue.deleteMany({ where: { id: queueId } });
  await prisma.user.deleteMany({ where: { id: userId } });
});

describe("special days in the forecast job", () => {
  it("forecasts the queue's national holiday as closed, and as a normal Friday once the queue has no calendar", async () => {
    const withCalendar = await dailyOffered();
    expect(withCalendar[3]).toBeGreaterThan(1000); // Thursday 5 June: a normal day
    expect(withCalendar[4]).toBeLessThan(withCalendar[3] * 0.05); // Friday 6 June: National Day

    const settings = (await getQueueSettingsByKey(key))!;
    const { id: _id, key: _key, channel: _channel, intervalMinutes: _interval, ...rest } = settings;
    expect(await updateQueueSettings(key, { ...rest, openingHours: settings.openingHours!, country: null }, userId)).toBe(true);
    const without = await dailyOffered();
    expect(without[4]).toBeGreaterThan(without[3] * 0.8);

    const log = await prisma.auditEntry.findMany({ where: { subjectType: "Queue", subjectId: queueId } });
    expect(log.map((e) => e.summary)).toEqual([`${key}: country changed`]);
  });

  it("applies a manager's sale day with its volume factor to that queue only, and forgets it once removed", async () => {
    const before = await dailyOffered();
    const sale = await saveSpecialDay(userId, {
      name: "Summer sale",
      kind: "EVENT",
      firstDay: new Date("2031-06-04T00:00:00Z"),
      lastDay: new Date("2031-06-04T00:00:00Z"),
      multiplier: 2,
      queueId,
    });
    const during = await dailyOffered();
    expect(during[2] / before[2]).toBeCloseTo(2, 1);
    expect(during[1]).toBeCloseTo(before[1], 0);

    await deleteSpecialDay(userId, sale!.id);
    const after = await dailyOffered();
    expect(after[2]).toBeCloseTo(before[2], 0);
    const actions = (await prisma.auditEntry.findMany({ where: { subjectType: "SpecialDay", subjectId: sale!.id } })).map((e) => e.action);
    expect(actions.sort()).toEqual(["special_day.created", "special_day.deleted"]);
  });
});
