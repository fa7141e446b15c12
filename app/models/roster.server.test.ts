// Integration: a leaving recorded ahead (notice given). The agent keeps working until their last day,
// draft shifts after it go at once, the week's engine input gives them no time after it and later weeks
// leave them out, the hourly job deactivates them once the day after has begun in their zone (and only
// once), a planned leaving can be cancelled, and attrition counts them only from that day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { addDays, localDate, startOfLocalDay } from "~/utils/time";
import { measureCohorts } from "./capacity.server";
import { leavingSchema } from "./leaving";
import { cancelLeaving, deactivateDueLeavers, listRoster, recordLeaving } from "./roster.server";
import { loadWeekInput } from "./schedule.server";

const stamp = `${Date.now()}`;
const HOUR = 3_600_000;
const ZONE = "America/New_York"; // behind UTC: its "day after" begins hours after UTC's
let manager: { id: string; name: string };
const agents: { userId: string; agentId: string }[] = [];
let queueKey = "";
let queueId = "";
let draftId = "";
let weekStart = new Date();

async function makeAgent(name: string) {
  const user = await prisma.user.create({
    data: {
      email: `${name.toLowerCase()}.${stamp}@handoff.example`,
      name: `${name} Notice${stamp}`,
      role: "AGENT",
      passwordHash: "x",
      agent: {
        create: {
          cohort: "rural",
          timeZone: ZONE,
          startDate: new Date("2020-01-06"),
          weeklyMinMinutes: 0,
          weeklyMaxMinutes: 2400,
          // Every day, all day: only the leaving limits them.
          availability: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, from: "00:00", to: "24:00" })),
          skills: { create: [{ queueId }] },
        },
      },
    },
    select: { id: true, agent: { select: { id: true } } },
  });
  agents.push({ userId: user.id, agentId: user.agent!.id });
  return { userId: user.id, agentId: user.agent!.id };
}

beforeAll(async () => {
  manager = await prisma.user.create({ data: { email: `notice-mgr.${stamp}@handoff.example`, name: "Mona Notice", role: "MANAGER", passwordHash: "x" } });
  queueKey = `notice-${stamp}`;
  queueId = (
    await prisma.queue.create({
      data: { key: queueKey, language: `n${stamp}`, channel: "CHAT", name: "Notice test", timeZone: "UTC", concurrency: 1, ahtSeconds: 300 },
    })
  ).id;
  // A far week of its own (a schedule is unique per week), Monday 00:00 UTC.
  weekStart = new Date(Date.UTC(2046, 0, 1) + (Number(stamp) % 1000) * 7 * 86_400_000);
  while (weekStart.getUTCDay() !== 1) weekStart = new Date(weekStart.getTime() + 86_400_000);
  draftId = (await prisma.schedule.create({ data: { weekStart, status: "DRAFT" } })).id;
});

afterAll(async () => {
  await prisma.schedule.deleteMany({ where: { id: draftId } });
  await prisma.auditEntry.deleteMany({ where: { subjectId: { in: agents.map((a) => a.userId) } } });
  await prisma.user.deleteMany({ where: { email: { contains: `.${stamp}@` } } });
  await prisma.queue.deleteMany({ where: { id: queueId } });
});

describe("a leaving recorded ahead", () => {
  it("the roster form takes a last working day up to a year ahead", () => {
    const schema = leavingSchema("2026-12-03", { future: true });
    expect(schema.safeParse({ leftAt: "2027-06-30", leaveReason: "studies" }).success).toBe(true);
    expect(schema.safeParse({ leftAt: "2028-01-01", leaveReason: "studies" }).error?.issues.map((i) => i.message)).toEqual([
      "That is more than a year ahead; check the date",
    ]);
  });

  it("keeps the agent working until their last day, removes later draft shifts, and the week's input ends their time at that day's end", async () => {
    const { agentId, userId } = await makeAgent("Nora");
    await createSession(userId, "test");
    // Their last working day is the Wednesday of the draft week; "now" is well before it.
    const lastDay = localDate(new Date(weekStart.getTime() + 2 * 24 * HOUR), "UTC");
    const now = new Date(weekStart.getTime() - 30 * 24 * HOUR);
    const today = localDate(now, ZONE);
    const tuesday = await prisma.shift.create({
      data: {
        scheduleId: draftId,
        agentId,
        queueId,
        start: new Date(weekStart.getTime() + 24 * HOUR + 14 * HOUR),
        end: new Date(weekStart.getTime() + 44 * HOUR),
      },
    });
    await prisma.shift.create({
      data: {
        scheduleId: draftId,
        agentId,
        queueId,
        start: new Date(weekStart.getTime() + 4 * 24 * HOUR + 14 * HOUR),
        end: new Date(weekStart.getTime() + 4 * 24 * HOUR + 20 * HOUR),
      },
    });

    const result = await recordLeaving(agentId, { leftAt: lastDay, leaveReason: "studies" }, today, manager, now);
    expect(result).toEqual({ ok: true, message: `Nora Notice${stamp} works until ${lastDay} and is then signed out (1 draft shift after it removed)` });
    expect(await prisma.agent.findUniqueOrThrow({ where: { id: agentId } })).toMatchObject({ active: true, leftAt: new Date(`${lastDay}T00:00:00Z`) });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).deactivatedAt).toBeNull();
    expect(await prisma.session.count({ where: { userId } })).toBe(1);
    expect((await prisma.shift.findMany({ where: { agentId }, select: { id: true } })).map((s) => s.id)).toEqual([tuesday.id]);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { subjectId: userId, action: "agent.leaving_planned" } });
    expect(audit).toMatchObject({
      actorId: manager.id,
      summary: `Mona Notice recorded that Nora Notice${stamp} leaves after ${lastDay} (studies (started, finished or need the time))`,
    });

    // The roster shows them as leaving.
    const roster = await listRoster({ q: `Nora Notice${stamp}` });
    expect(roster.agents).toMatchObject([{ status: "leaving", leftAt: lastDay, queues: [{ key: queueKey }] }]);

    // This week's engine input: available until the end of Wednesday in New York, not after.
    const { instance } = await loadWeekInput(weekStart);
    const mine = instance.agents.find((a) => a.id === agentId)!;
    const lastSlot = Math.max(...mine.availability.map(([, end]) => end));
    const dayAfter = startOfLocalDay(addDays(lastDay, 1), ZONE);
    expect(new Date(weekStart.getTime() + lastSlot * instance.intervalMinutes * 60_000)).toEqual(dayAfter);
    // The week after, they are not on the roster at all.
    const next = await loadWeekInput(new Date(weekStart.getTime() + 7 * 24 * HOUR));
    expect(next.instance.agents.some((a) => a.id === agentId)).toBe(false);

    // Attrition does not count them before the day; the plan counts them as current.
    const cohortsBefore = await measureCohorts(now, undefined, undefined, { agents: { id: agentId } });
    expect(cohortsBefore.find((c) => c.cohort === "rural")).toMatchObject({ leavers: 0 });

    // The hourly job: nothing during their last day in New York (already the next day in UTC)…
    const lateOnLastDay = new Date(dayAfter.getTime() - HOUR);
    expect(localDate(lateOnLastDay, "UTC")).toBe(addDays(lastDay, 1));
    await deactivateDueLeavers(lateOnLastDay);
    expect((await prisma.agent.findUniqueOrThrow({ where: { id: agentId } })).active).toBe(true);
    // …and once the day after has begun there it deactivates them, once.
    const after = new Date(dayAfter.getTime() + HOUR);
    const first = await deactivateDueLeavers(after);
    expect(first.deactivated).toBeGreaterThanOrEqual(1);
    expect(await prisma.agent.findUniqueOrThrow({ where: { id: agentId } })).toMatchObject({ active: false, leaveReason: "studies" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).deactivatedAt).toEqual(after);
    expect(await prisma.session.count({ where: { userId } })).toBe(0);
    const entries = await prisma.auditEntry.findMany({ where: { subjectId: userId, action: "account.deactivated" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: null });
    await deactivateDueLeavers(new Date(after.getTime() + HOUR));
    expect(await prisma.auditEntry.count({ where: { subjectId: userId, action: "account.deactivated" } })).toBe(1);

    // From that day, attrition counts them.
    const cohortsAfter = await measureCohorts(new Date(dayAfter.getTime() + 24 * HOUR), undefined, undefined, { agents: { id: agentId } });
    expect(cohortsAfter.find((c) => c.cohort === "rural")).toMatchObject({ leavers: 1 });
    expect((await listRoster({ q: `Nora Notice${stamp}` })).agents[0]).toMatchObject({ status: "left" });
  });

  it("a planned leaving can be cancelled before the day; a last day of today or earlier deactivates at once", async () => {
    const now = new Date();
    const today = localDate(now, ZONE);
    const { agentId, userId } = await makeAgent("Otto");
    await recordLeaving(agentId, { leftAt: addDays(today, 10), leaveReason: "moved" }, today, manager, now);
    const cancelled = await cancelLeaving(agentId, manager, now);
    expect(cancelled).toMatchObject({ ok: true });
    expect(await prisma.agent.findUniqueOrThrow({ where: { id: agentId } })).toMatchObject({ active: true, leftAt: null, leaveReason: null });
    expect(await prisma.auditEntry.count({ where: { subjectId: userId, action: "agent.leaving_cancelled", actorId: manager.id } })).toBe(1);

    const left = await recordLeaving(agentId, { leftAt: today, leaveReason: "other-job" }, today, manager, now);
    expect(left).toMatchObject({ ok: true, message: expect.stringContaining("has left and is signed out everywhere") });
    expect(await prisma.agent.findUniqueOrThrow({ where: { id: agentId } })).toMatchObject({ active: false, leftAt: new Date(`${today}T00:00:00Z`) });
    expect(await cancelLeaving(agentId, manager, now)).toMatchObject({ ok: false, error: expect.stringContaining("has already left") });
    expect(await recordLeaving(agentId, { leftAt: today, leaveReason: "moved" }, today, manager, now)).toMatchObject({ ok: false });
  });
});
