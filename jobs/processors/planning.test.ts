// Integration: forecast and schedule runs against the real test database — stored results, reruns
// without duplicates, rule-checked edits, atomic saves and optimistic publishing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/utils/db.server";
import { createForecastRun } from "../../app/models/forecast.server";
import { currentRuleSet } from "../../app/models/labour-rules.server";
import {
  changesSincePublish,
  editShift,
  getOrCreateSchedule,
  listShifts,
  loadWeekInput,
  publishSchedule,
  saveSolvedSchedule,
  ScheduleConflictError,
  staffedMatrix,
  ScheduleRuleError,
  toEngineShift,
  weekStartOf,
} from "../../app/models/schedule.server";
import { checkSchedule } from "../schedule";
import { runForecast } from "./forecast";
import { runSchedule } from "./schedule";

const tag = Date.now().toString(36);
const key = `it-chat-${tag}`;
const forecastStart = new Date("2031-01-04T00:00:00Z");
const weekStart = weekStartOf(new Date("2031-01-08T12:00:00Z")); // Monday 6 January 2031, 00:00 Stockholm
const noop = async () => {};
let queueId = "";
let scheduleId = "";

beforeAll(async () => {
  const queue = await prisma.queue.create({
    data: {
      key,
      language: `x${tag}`,
      channel: "CHAT",
      name: "Integration chat",
      timeZone: "UTC",
      concurrency: 1,
      ahtSeconds: 300,
      openingHours: Array.from({ length: 7 }, () => [["08:00", "20:00"]]),
    },
  });
  queueId = queue.id;
  const history = [];
  for (let day = 28; day >= 1; day--) {
    for (let slot = 32; slot < 80; slot++) {
      const intervalStart = new Date(forecastStart.getTime() - day * 86_400_000 + slot * 15 * 60_000);
      history.push({ queueId, intervalStart, intervalMinutes: 15, offered: 24, aiResolved: 12, ahtSeconds: 300 });
    }
  }
  await prisma.volumeInterval.createMany({ data: history });
  for (let i = 0; i < 10; i++) {
    await prisma.user.create({
      data: {
        email: `agent-${i}-${tag}@integration.handoff.example`,
        name: `Integration Agent ${i}`,
        role: "AGENT",
        passwordHash: "x",
        timeZone: "UTC",
        agent: {
          create: {
            cohort: "rural",
            timeZone: "UTC",
            startDate: new Date("2030-01-01"),
            weeklyMinMinutes: 900,
            weeklyMaxMinutes: 2400,
            maxShiftsPerWeek: 5,
            availability: Array.from({ length: 7 }, (_, day) => ({ day, from: "07:00", to: "21:00" })),
            skills: { create: [{ queueId }] },
          },
        },
      },
    });
  }
});

afterAll(async () => {
  await prisma.schedule.deleteMany({ where: { weekStart } });
  await prisma.user.deleteMany({ where: { email: { endsWith: `-${tag}@integration.handoff.example` } } });
  await prisma.forecastRun.deleteMany({ where: { startAt: forecastStart } });
  await prisma.queue.deleteMany({ where: { id: queueId } });
});

describe("forecast run", () => {
  it("stores every interval of the horizon with agents required only while the queue is open, and a rerun adds nothing", async () => {
    const run = await createForecastRun({ startAt: forecastStart, days: 10, quantile: 0.5, requestedBy: "vitest" });
    await runForecast(run.id, noop);
    const rows = await prisma.forecastInterval.findMany({ where: { runId: run.id, queueId } });
    expect(rows).toHaveLength(10 * 96);
    const open = rows.filter((r) => r.open);
    expect(open).toHaveLength(10 * 48);
    expect(rows.filter((r) => !r.open).every((r) => r.required === 0)).toBe(true);
    // 12 human contacts per 15 minutes at 300 s need 4 agents on the queue, 6 scheduled at 30 % shrinkage.
    for (const r of open) {
      expect(r.human).toBeCloseTo(12, 0);
      expect(r.required).toBeGreaterThanOrEqual(5);
    }
    expect((await prisma.forecastRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe("SUCCEEDED");
    await runForecast(run.id, noop);
    expect(await prisma.forecastInterval.count({ where: { runId: run.id } })).toBe(
      rows.length + (await prisma.forecastInterval.count({ where: { runId: run.id, queueId: { not: queueId } } })),
    );
  });
});

describe("schedule run", () => {
  it("stores shifts that keep every rule, and running it twice leaves one set of shifts", async () => {
    scheduleId = (await getOrCreateSchedule(weekStart)).id;
    const first = await runSchedule(scheduleId, 2, noop);
    expect(first.shifts).toBeGreaterThan(10);
    const second = await runSchedule(scheduleId, 2, noop);
    const stored = await listShifts(scheduleId);
    expect(stored).toHaveLength(second.shifts);
    const { instance } = await loadWeekInput(weekStart);
    expect(
      checkSchedule(
        instance,
        stored.map((s) => toEngineShift(weekStart, s)),
      ),
    ).toEqual([]);
    expect(stored.filter((s) => s.queue.key === key).length).toBeGreaterThan(10);
  });

  it("keeps the previous draft when saving a new one fails half-way", async () => {
    const EMPTY_SUMMARY = {
      requiredAgentIntervals: 0,
      coveredAgentIntervals: 0,
      underCoverage: 0,
      overCoverage: 0,
      minMinutesShortfall: 0,
      lowerBoundUnderCoverage: 0,
      seconds: 0,
    };
    const before = await listShifts(scheduleId);
    const broken = [
      { agent: before[0].agentId, queue: key, start: 40, end: 56, breaks: [] as [number, number][] },
      { agent: before[0].agentId, queue: "no-such-queue", start: 140, end: 156, breaks: [] as [number, number][] },
    ];
    await expect(
      saveSolvedSchedule(scheduleId, weekStart, new Map([[key, queueId]]), broken, EMPTY_SUMMARY, null, (await currentRuleSet()).id),
    ).rejects.toThrow();
    expect((await listShifts(scheduleId)).map((s) => s.id)).toEqual(before.map((s) => s.id));
  });

  it("refuses a hand edit that breaks a rule, with the reason, and a stale version", async () => {
    const schedule = await prisma.schedule.findUniqueOrThrow({ where: { id: scheduleId } });
    const [shift] = await listShifts(scheduleId);
    const shorter = { shiftId: shift.id, queueKey: key, start: shift.start, end: new Date(shift.end.getTime() - 3_600_000 + 15 * 60_000), breaks: [] };
    const error = await editShift(scheduleId, schedule.version, shorter, "vitest").catch((e) => e);
    expect(error).toBeInstanceOf(ScheduleRuleError);
    expect((error as ScheduleRuleError).violations.join(" ")).toMatch(/length/i);
    // Said as a manager reads it: the agent's name, local times, no ids or UTC stamps.
    const said = (error as ScheduleRuleError).violations.join(" ");
    expect(said).toContain("Integration Agent");
    expect(said).not.toContain(shift.agentId);
    expect(said).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z/);
    await expect(editShift(scheduleId, schedule.version - 1, shorter, "vitest")).rejects.toBeInstanceOf(ScheduleConflictError);
  });

  it("lets only one of two managers publishing the same version win", async () => {
    const { version } = await prisma.schedule.findUniqueOrThrow({ where: { id: scheduleId } });
    const results = await Promise.allSettled([publishSchedule(scheduleId, version), publishSchedule(scheduleId, version)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ScheduleConflictError);
    expect(await prisma.publishedShift.count({ where: { scheduleId } })).toBe(await prisma.shift.count({ where: { scheduleId } }));
    // Just published: nothing has changed since (breaks compared whatever jsonb's key order).
    expect(await changesSincePublish(scheduleId)).toEqual({ changed: 0, agents: 0 });
  });

  it("keeps the page's view of the draft with its shifts: staffed per interval, agents, changes since publish", async () => {
    const viewOf = async () => {
      const s = await prisma.schedule.findUniqueOrThrow({ where: { id: scheduleId } });
      const shifts = await listShifts(scheduleId);
      const staffed = staffedMatrix(
        { intervals: 672, queues: [{ id: key }] },
        shifts.map((sh) => toEngineShift(weekStart, sh)),
      );
      return { s, shifts, staffed: staffed.get(key) };
    };
    const published = await viewOf();
    expect(published.s.staffed).toEqual({ [key]: published.staffed });
    expect(published.s.shiftAgents).toBe(new Set(published.shifts.map((sh) => sh.agentId)).size);
    expect(published.s.changedShifts).toBe(0);
    // A valid edit (the same shift moved a quarter hour later) changes the stored view in the same transaction.
    const shift = published.shifts.find((sh) => !(sh.breaks as unknown[]).length) ?? published.shifts[0];
    const later = (d: Date) => new Date(d.getTime() + 15 * 60_000);
    await editShift(
      scheduleId,
      published.s.version,
      {
        shiftId: shift.id,
        queueKey: key,
        start: later(shift.start),
        end: later(shift.end),
        breaks: shift.breaks.map((b) => ({ start: later(new Date(b.start)), end: later(new Date(b.end)) })),
      },
      "vitest",
    ).catch((error: unknown) => {
      if (!(error instanceof ScheduleRuleError)) throw error;
    });
    const edited = await viewOf();
    expect(edited.s.staffed).toEqual({ [key]: edited.staffed });
    if (edited.s.version !== published.s.version) expect(edited.s.changedShifts).toBe(1);
  });
});

describe("swaps and time off", () => {
  it("refuses a swap to a colleague who is already working then, and an offer of someone else's shift", async () => {
    const { offerShift, takeSwap, approveSwap, SwapError } = await import("../../app/models/swap.server");
    const published = await prisma.publishedShift.findMany({ where: { scheduleId, queueKey: key }, orderBy: { start: "asc" } });
    const shifts = await listShifts(scheduleId);
    const mine = (agentId: string) => shifts.filter((s) => s.agentId === agentId);
    const agents = await prisma.agent.findMany({ where: { skills: { some: { queueId } } }, select: { id: true } });
    // A taker who cannot work it (already on shift at that time) is refused with the reason …
    const offered = published.find((p) => agents.some((a) => a.id !== p.agentId && mine(a.id).some((s) => s.start < p.end && p.start < s.end)))!;
    const busy = agents.find((a) => a.id !== offered.agentId && mine(a.id).some((s) => s.start < offered.end && offered.start < s.end))!;
    const swap = await prisma.swapRequest.create({ data: { shiftId: offered.shiftId!, offeredById: offered.agentId } });
    await takeSwap(busy.id, swap.id, [key]);
    const refused = await approveSwap(swap.id, "vitest").catch((e) => e);
    expect(refused).toBeInstanceOf(SwapError);
    expect((refused as Error).message).toMatch(/overlap|rest/i);
    expect((await prisma.shift.findUniqueOrThrow({ where: { id: offered.shiftId! } })).agentId).toBe(offered.agentId);
    // … and offering a shift that is not yours is refused outright.
    await expect(offerShift(busy.id, offered.id)).rejects.toBeInstanceOf(SwapError);
  });

  it("approves a swap to a colleague who is free, for the draft and for what agents see", async () => {
    const { takeSwap, approveSwap } = await import("../../app/models/swap.server");
    const published = await prisma.publishedShift.findMany({ where: { scheduleId, queueKey: key }, orderBy: { start: "asc" } });
    // A colleague who joined after the run: qualified, available all week, no shifts yet.
    const joined = await prisma.user.create({
      data: {
        email: `agent-late-${tag}@integration.handoff.example`,
        name: "Integration Agent Late",
        role: "AGENT",
        passwordHash: "x",
        timeZone: "UTC",
        agent: {
          create: {
            cohort: "loyal-customer",
            timeZone: "UTC",
            startDate: new Date("2030-01-01"),
            weeklyMinMinutes: 0,
            weeklyMaxMinutes: 2400,
            availability: Array.from({ length: 7 }, (_, day) => ({ day, from: "07:00", to: "21:00" })),
            skills: { create: [{ queueId }] },
          },
        },
      },
      select: { agent: { select: { id: true } } },
    });
    const pick = { p: published[0], taker: { id: joined.agent!.id } };
    expect(pick).toBeTruthy();
    const swap = await prisma.swapRequest.create({ data: { shiftId: pick.p.shiftId!, offeredById: pick.p.agentId } });
    await takeSwap(pick.taker.id, swap.id, [key]);
    await approveSwap(swap.id, "vitest");
    expect((await prisma.shift.findUniqueOrThrow({ where: { id: pick.p.shiftId! } })).agentId).toBe(pick.taker.id);
    expect((await prisma.publishedShift.findUniqueOrThrow({ where: { id: pick.p.id } })).agentId).toBe(pick.taker.id);
    expect((await prisma.swapRequest.findUniqueOrThrow({ where: { id: swap.id } })).status).toBe("APPROVED");
  });

  it("keeps approved time off free in the next run", async () => {
    const { requestTimeOff, decideTimeOff } = await import("../../app/models/time-off.server");
    const shift = (await listShifts(scheduleId)).find((s) => s.queue.key === key)!;
    const dayStart = new Date(Date.UTC(shift.start.getUTCFullYear(), shift.start.getUTCMonth(), shift.start.getUTCDate()));
    const request = await requestTimeOff(shift.agentId, { start: dayStart, end: new Date(dayStart.getTime() + 86_400_000), reason: "Exam" });
    expect(await decideTimeOff(request.id, "APPROVED", "vitest")).toBe(true);
    await runSchedule(scheduleId, 2, noop);
    const after = (await listShifts(scheduleId)).filter((s) => s.agentId === shift.agentId);
    expect(after.some((s) => s.start < new Date(dayStart.getTime() + 86_400_000) && s.end > dayStart)).toBe(false);
    expect(await prisma.outboxMessage.count({ where: { kind: "time-off-decided", to: { contains: tag } } })).toBe(1);
  });
});

describe("labour rules", () => {
  it("a run uses the current version and records it; hand edits are checked against the version the week was built with", async () => {
    const { saveRuleSet } = await import("../../app/models/labour-rules.server");
    const { DEFAULT_LABOUR_RULES } = await import("../../app/models/labour-rules");
    const actor = await prisma.user.findFirstOrThrow({ where: { email: { endsWith: `-${tag}@integration.handoff.example` } }, select: { id: true } });
    const base = await currentRuleSet();
    // Only 6-hour shifts, 14 hours' rest, at most 3 shifts a week for rural contracts (all but one agent here).
    const strict = {
      ...DEFAULT_LABOUR_RULES,
      shiftMinMinutes: 360,
      shiftMaxMinutes: 360,
      minRestMinutes: 840,
      byContract: { rural: { maxShiftsPerWeek: 3 } },
    };
    const saved = await saveRuleSet(strict, base.version, { id: actor.id, name: "Integration Manager" });
    expect(saved).toMatchObject({ ok: true, version: base.version + 1 });
    try {
      await runSchedule(scheduleId, 2, noop);
      const schedule = await prisma.schedule.findUniqueOrThrow({ where: { id: scheduleId }, select: { ruleSetId: true } });
      expect(schedule.ruleSetId).toBe((await currentRuleSet()).id);
      const shifts = (await listShifts(scheduleId)).filter((s) => s.queue.key === key);
      expect(shifts.length).toBeGreaterThan(5);
      for (const s of shifts) expect((s.end.getTime() - s.start.getTime()) / 60_000).toBe(360);
      const rural = new Set(
        (await prisma.agent.findMany({ where: { cohort: "rural", skills: { some: { queueId } } }, select: { id: true } })).map((a) => a.id),
      );
      const byAgent = new Map<string, typeof shifts>();
      for (const s of shifts) byAgent.set(s.agentId, [...(byAgent.get(s.agentId) ?? []), s]);
      expect([...byAgent.keys()].filter((id) => rural.has(id)).length).toBeGreaterThan(2);
      for (const [agentId, own] of byAgent) {
        if (rural.has(agentId)) expect(own.length).toBeLessThanOrEqual(3);
        const sorted = own.sort((a, b) => a.start.getTime() - b.start.getTime());
        for (let i = 1; i < sorted.length; i++) expect(sorted[i].start.getTime() - sorted[i - 1].end.getTime()).toBeGreaterThanOrEqual(840 * 60_000);
      }
      // The rules move back to 8-hour shifts; this week was built with 6-hour ones, and an edit is checked against those.
      await saveRuleSet(DEFAULT_LABOUR_RULES, base.version + 1, { id: actor.id, name: "Integration Manager" });
      const { version } = await prisma.schedule.findUniqueOrThrow({ where: { id: scheduleId } });
      const [shift] = shifts;
      const longer = { shiftId: shift.id, queueKey: key, start: shift.start, end: new Date(shift.start.getTime() + 480 * 60_000), breaks: [] };
      const refused = await editShift(scheduleId, version, longer, "vitest").catch((e) => e);
      expect(refused).toBeInstanceOf(ScheduleRuleError);
      expect((refused as ScheduleRuleError).violations.join(" ")).toMatch(/allowed lengths are 360 min/);
    } finally {
      const now = await currentRuleSet();
      if (now.rules.shiftMaxMinutes !== DEFAULT_LABOUR_RULES.shiftMaxMinutes)
        await saveRuleSet(DEFAULT_LABOUR_RULES, now.version, { id: actor.id, name: "vitest" });
    }
  });

  it("a contract type's own lengths, rest and breaks hold for its agents in the run and in hand edits", async () => {
    const { saveRuleSet } = await import("../../app/models/labour-rules.server");
    const { DEFAULT_LABOUR_RULES } = await import("../../app/models/labour-rules");
    const actor = await prisma.user.findFirstOrThrow({ where: { email: { endsWith: `-${tag}@integration.handoff.example` } }, select: { id: true } });
    const base = await currentRuleSet();
    // Rural contracts: 4-hour shifts only, a 15-minute break from 4 h, 13 hours' rest; everyone else the company's.
    const ruralOwn = {
      shiftMinMinutes: 240,
      shiftMaxMinutes: 240,
      shiftStepMinutes: 60,
      minRestMinutes: 780,
      breaks: [{ fromShiftMinutes: 240, minutes: 15, earliestAfterStartMinutes: 60, latestBeforeEndMinutes: 60 }],
    };
    const saved = await saveRuleSet({ ...DEFAULT_LABOUR_RULES, byContract: { rural: { shifts: ruralOwn } } }, base.version, {
      id: actor.id,
      name: "Integration Manager",
    });
    expect(saved).toMatchObject({ ok: true, version: base.version + 1 });
    try {
      await runSchedule(scheduleId, 2, noop);
      const shifts = (await listShifts(scheduleId)).filter((s) => s.queue.key === key);
      const rural = new Set(
        (await prisma.agent.findMany({ where: { cohort: "rural", skills: { some: { queueId } } }, select: { id: true } })).map((a) => a.id),
      );
      const theirs = shifts.filter((s) => rural.has(s.agentId));
      expect(theirs.length).toBeGreaterThan(5);
      for (const s of theirs) {
        expect((s.end.getTime() - s.start.getTime()) / 60_000).toBe(240);
        expect((s.breaks as unknown[]).length).toBe(1);
      }
      const byAgent = new Map<string, typeof theirs>();
      for (const s of theirs) byAgent.set(s.agentId, [...(byAgent.get(s.agentId) ?? []), s]);
      for (const own of byAgent.values()) {
        const sorted = own.sort((a, b) => a.start.getTime() - b.start.getTime());
        for (let i = 1; i < sorted.length; i++) expect(sorted[i].start.getTime() - sorted[i - 1].end.getTime()).toBeGreaterThanOrEqual(780 * 60_000);
      }
      // A rural agent's shift made 6 hours long breaks their own rules, though the company allows 6 hours.
      const { version } = await prisma.schedule.findUniqueOrThrow({ where: { id: scheduleId } });
      const [shift] = theirs;
      const longer = { shiftId: shift.id, queueKey: key, start: shift.start, end: new Date(shift.start.getTime() + 360 * 60_000), breaks: [] };
      const refused = await editShift(scheduleId, version, longer, "vitest").catch((e) => e);
      expect(refused).toBeInstanceOf(ScheduleRuleError);
      expect((refused as ScheduleRuleError).violations.join(" ")).toMatch(/allowed lengths are 240 min/);
    } finally {
      const now = await currentRuleSet();
      await saveRuleSet(DEFAULT_LABOUR_RULES, now.version, { id: actor.id, name: "vitest" });
    }
  });
});
