// Integration: an agent leaves — deactivated with a last working day and a reason, they come off draft
// schedules after that day (past shifts stay), published weeks keep their shifts and are flagged, their
// pending swaps end, and the capacity plan's attrition counts them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { addDays, localDate } from "~/utils/time";
import { deactivateAccount } from "~/models/account.server";
import { leavingSchema } from "~/models/leaving";
import { measureCohorts } from "~/models/capacity.server";
import { leaversWithPublishedShifts } from "~/models/schedule.server";

const stamp = `${Date.now()}`;
const HOUR = 3_600_000;
let admin: { id: string; name: string };
let agentUser: { id: string };
let agentId = "";
let queueId = "";
const schedules: string[] = [];

async function shiftAt(scheduleId: string, start: Date) {
  return prisma.shift.create({ data: { scheduleId, agentId, queueId, start, end: new Date(start.getTime() + 6 * HOUR) }, select: { id: true } });
}

beforeAll(async () => {
  admin = await prisma.user.create({ data: { email: `leave-admin.${stamp}@handoff.example`, name: "Alva Leave", role: "ADMIN", passwordHash: "x" } });
  const queue = await prisma.queue.create({
    data: { key: `leave-${stamp}`, language: `l${stamp}`, channel: "CHAT", name: "Leaving test", timeZone: "UTC", concurrency: 1, ahtSeconds: 300 },
  });
  queueId = queue.id;
  agentUser = await prisma.user.create({
    data: {
      email: `leave-agent.${stamp}@handoff.example`,
      name: "Lotta Lämnar",
      role: "AGENT",
      passwordHash: "x",
      agent: {
        create: {
          cohort: "student",
          timeZone: "Europe/Helsinki",
          startDate: new Date("2025-01-06"),
          weeklyMinMinutes: 600,
          weeklyMaxMinutes: 1200,
          skills: { create: [{ queueId }] },
        },
      },
    },
    select: { id: true, agent: { select: { id: true } } },
  });
  agentId = (await prisma.agent.findUniqueOrThrow({ where: { userId: agentUser.id } })).id;
  // Weeks of their own, far from other tests' weeks (a schedule is unique per week).
  for (const [i, status] of (["DRAFT", "PUBLISHED"] as const).entries()) {
    const s = await prisma.schedule.create({ data: { weekStart: new Date(Date.UTC(2045, 0, 2 + 7 * i) + (Number(stamp) % 1000) * 7 * 86_400_000), status } });
    schedules.push(s.id);
  }
});

afterAll(async () => {
  await prisma.schedule.deleteMany({ where: { id: { in: schedules } } });
  await prisma.auditEntry.deleteMany({ where: { subjectId: agentUser.id } });
  await prisma.user.deleteMany({ where: { email: { contains: `.${stamp}@` } } });
  await prisma.queue.deleteMany({ where: { id: queueId } });
});

describe("an agent leaves", () => {
  it("asks for a last working day that is not in the future, and a reason", () => {
    const schema = leavingSchema("2026-12-03");
    expect(schema.safeParse({ leftAt: "2026-12-03", leaveReason: "moved" }).success).toBe(true);
    const future = schema.safeParse({ leftAt: "2026-12-04", leaveReason: "moved" });
    expect(future.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["leftAt", "Their last working day cannot be in the future: deactivate them on or after it, or record the planned leaving on the roster page"],
    ]);
    expect(schema.safeParse({ leftAt: "not a date" }).error?.issues.map((i) => i.path[0])).toEqual(["leftAt", "leftAt", "leaveReason"]);
  });

  it("the account page refuses a leaving without a reason or with a future date, beside those fields, and changes nothing", async () => {
    const route = await import("./_app.admin.accounts.$userId");
    const cookie = (await createSession(admin.id, "test")).split(";")[0]!;
    const post = async (body: Record<string, string>) => {
      const request = new Request(`http://localhost/admin/accounts/${agentUser.id}`, {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(body).toString(),
      });
      return (await route.action({ request, params: { userId: agentUser.id }, context: {} })) as unknown as {
        init: { status: number };
        data: { result: { error: Record<string, string[]> } };
      };
    };
    const missing = await post({ intent: "deactivate", leftAt: "2026-12-01" });
    expect(missing.init.status).toBe(400);
    expect(missing.data.result.error).toMatchObject({ leaveReason: ["Choose why they left"], "": ["Say when they left and why; nothing was changed."] });
    const future = await post({ intent: "deactivate", leftAt: "2099-01-01", leaveReason: "moved" });
    expect(future.data.result.error.leftAt).toEqual([
      "Their last working day cannot be in the future: deactivate them on or after it, or record the planned leaving on the roster page",
    ]);
    expect(await prisma.agent.findUniqueOrThrow({ where: { id: agentId } })).toMatchObject({ active: true, leftAt: null });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: agentUser.id } })).deactivatedAt).toBeNull();
  });

  it("removes their future draft shifts, keeps past ones, flags published ones, ends their swaps, and counts them as a leaver", async () => {
    const now = new Date();
    const [draft, published] = schedules as [string, string];
    const past = await shiftAt(draft, new Date(now.getTime() - 50 * HOUR));
    const laterToday = await shiftAt(draft, new Date(now.getTime() + 2 * HOUR));
    const nextWeek = await shiftAt(draft, new Date(now.getTime() + 7 * 24 * HOUR));
    const publishedShift = await shiftAt(published, new Date(now.getTime() + 3 * 24 * HOUR));
    await prisma.publishedShift.create({
      data: {
        scheduleId: published,
        shiftId: publishedShift.id,
        agentId,
        queueKey: `leave-${stamp}`,
        start: new Date(now.getTime() + 72 * HOUR),
        end: new Date(now.getTime() + 78 * HOUR),
      },
    });
    const swap = await prisma.swapRequest.create({ data: { shiftId: publishedShift.id, offeredById: agentId } });
    const draftVersion = (await prisma.schedule.findUniqueOrThrow({ where: { id: draft } })).version;
    const before = await measureCohorts(now, undefined, undefined, { agents: { id: agentId } });
    expect(before.find((c) => c.cohort === "student")?.leavers).toBe(0);

    const yesterday = addDays(localDate(now, "Europe/Helsinki"), -1);
    const result = await deactivateAccount(agentUser.id, admin, now, { leftAt: yesterday, leaveReason: "other-job" });
    expect(result).toEqual({
      ok: true,
      message:
        "Lotta Lämnar has left and is signed out everywhere (2 draft shifts removed; 1 published shift needs someone else: re-run and publish those weeks)",
    });

    const remaining = await prisma.shift.findMany({ where: { agentId }, select: { id: true } });
    expect(remaining.map((s) => s.id).sort()).toEqual([past.id, publishedShift.id].sort());
    expect([laterToday.id, nextWeek.id].some((id) => remaining.some((s) => s.id === id))).toBe(false);
    expect((await prisma.schedule.findUniqueOrThrow({ where: { id: draft } })).version).toBe(draftVersion + 1);
    expect(await prisma.agent.findUniqueOrThrow({ where: { id: agentId } })).toMatchObject({
      active: false,
      leftAt: new Date(`${yesterday}T00:00:00Z`),
      leaveReason: "other-job",
    });
    expect((await prisma.swapRequest.findUniqueOrThrow({ where: { id: swap.id } })).status).toBe("CANCELLED");
    expect(await leaversWithPublishedShifts(published, now)).toEqual([{ name: "Lotta Lämnar", leftAt: yesterday, shifts: 1, firstStart: expect.any(Date) }]);
    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { subjectId: agentUser.id, action: "account.deactivated" } });
    expect(audit.summary).toBe(`Alva Leave deactivated Lotta Lämnar (left after ${yesterday}: took another job)`);

    // The capacity plan's attrition input sees the leaver.
    const after = await measureCohorts(now, undefined, undefined, { agents: { id: agentId } });
    expect(after.find((c) => c.cohort === "student")).toMatchObject({ leavers: 1 });
  });
});
