// Integration (real Postgres): inviting, role changes, deactivation and resets, each with its audit entry;
// the last active admin cannot be demoted or deactivated, not even by two demotions at once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSession, getUser, hashPassword, verifySignIn } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { changeRole, deactivateAccount, inviteAccount, LAST_ADMIN_MESSAGE, reactivateAccount, sendPasswordReset } from "./account.server";
import { acceptInvitation } from "./invitation.server";

const stamp = `${Date.now()}`;
const email = (who: string) => `${who}.${stamp}@handoff.example`;
const APP = "https://handoff.example";
let actor: { id: string; name: string };

/** Other tests' admins would make "the last admin" untestable: this file's admins are the only active ones while it runs. */
let parkedAdmins: string[] = [];

async function makeUser(who: string, role: "ADMIN" | "MANAGER" | "RECRUITER" | "AGENT", password = "x") {
  return prisma.user.create({
    data: {
      email: email(who),
      name: `${who[0]!.toUpperCase()}${who.slice(1)} Lund`,
      role,
      passwordHash: password === "x" ? "x" : await hashPassword(password),
    },
    select: { id: true, name: true },
  });
}
const auditFor = (subjectId: string) => prisma.auditEntry.findMany({ where: { subjectType: "User", subjectId }, orderBy: { at: "asc" } });
const tokenIn = (body: string) => body.match(/\/invite\/([A-Za-z0-9_-]+)/)![1]!;

beforeAll(async () => {
  const others = await prisma.user.findMany({
    where: { role: "ADMIN", deactivatedAt: null, NOT: { email: { endsWith: `${stamp}@handoff.example` } } },
    select: { id: true },
  });
  parkedAdmins = others.map((o) => o.id);
  await prisma.user.updateMany({ where: { id: { in: parkedAdmins } }, data: { deactivatedAt: new Date() } });
  actor = await makeUser("astrid", "ADMIN");
});

afterAll(async () => {
  const mine = await prisma.user.findMany({ where: { email: { endsWith: `${stamp}@handoff.example` } }, select: { id: true } });
  await prisma.auditEntry.deleteMany({ where: { subjectId: { in: mine.map((m) => m.id) } } });
  await prisma.outboxMessage.deleteMany({ where: { to: { endsWith: `${stamp}@handoff.example` } } });
  await prisma.user.deleteMany({ where: { id: { in: mine.map((m) => m.id) } } });
  await prisma.user.updateMany({ where: { id: { in: parkedAdmins } }, data: { deactivatedAt: null } });
});

describe("inviting", () => {
  it("creates the account, mails a one-time link and audits it; the link signs the person in once", async () => {
    const result = await inviteAccount({ name: "Maja Berg", email: email("maja"), role: "MANAGER" }, actor, APP);
    expect(result).toEqual({ ok: true, message: `Invitation sent to ${email("maja")}` });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: email("maja") } });
    expect(user.role).toBe("MANAGER");
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { to: email("maja") } });
    expect(mail.kind).toBe("staff-invitation");
    expect(mail.body).toContain(`${APP}/invite/`);
    const [entry] = await auditFor(user.id);
    expect(entry).toMatchObject({ actorId: actor.id, action: "account.invited", detail: { email: email("maja"), role: "MANAGER" } });
    expect(entry!.at.getTime()).toBeLessThanOrEqual(Date.now());

    const token = tokenIn(mail.body);
    expect(await acceptInvitation(token, "a long enough password")).toMatchObject({ id: user.id, role: "MANAGER" });
    expect(await acceptInvitation(token, "another long password")).toBeNull();
    expect((await verifySignIn(email("maja"), "a long enough password", "10.9.0.1")).ok).toBe(true);
  });

  it("refuses an email that already has an account, naming the field, and writes nothing", async () => {
    const before = await prisma.auditEntry.count();
    expect(await inviteAccount({ name: "Maja Again", email: email("maja"), role: "RECRUITER" }, actor, APP)).toMatchObject({ ok: false, field: "email" });
    expect(await prisma.auditEntry.count()).toBe(before);
  });
});

describe("roles", () => {
  it("changes a role and audits from → to", async () => {
    const rasmus = await makeUser("rasmus", "RECRUITER");
    expect((await changeRole(rasmus.id, "MANAGER", actor)).ok).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: rasmus.id } })).role).toBe("MANAGER");
    expect((await auditFor(rasmus.id)).map((e) => [e.action, e.detail])).toEqual([["account.role_changed", { from: "RECRUITER", to: "MANAGER" }]]);
  });

  it("keeps agents agents", async () => {
    const aino = await makeUser("aino", "AGENT");
    expect(await changeRole(aino.id, "MANAGER", actor)).toMatchObject({ ok: false, field: "role" });
  });
});

describe("the last active admin", () => {
  beforeEach(async () => {
    await prisma.user.updateMany({ where: { role: "ADMIN", deactivatedAt: null, NOT: { id: actor.id } }, data: { role: "MANAGER" } });
  });

  it("cannot be demoted or deactivated", async () => {
    expect(await changeRole(actor.id, "MANAGER", actor)).toEqual({ ok: false, field: "role", error: LAST_ADMIN_MESSAGE });
    const other = await makeUser("olof", "ADMIN");
    await prisma.user.update({ where: { id: actor.id }, data: { deactivatedAt: new Date() } });
    try {
      expect(await deactivateAccount(other.id, actor)).toEqual({ ok: false, error: LAST_ADMIN_MESSAGE });
    } finally {
      await prisma.user.update({ where: { id: actor.id }, data: { deactivatedAt: null } });
    }
    // With two admins, one can step down.
    expect((await changeRole(actor.id, "MANAGER", actor)).ok).toBe(true);
    expect(await changeRole(other.id, "RECRUITER", actor)).toMatchObject({ ok: false, error: LAST_ADMIN_MESSAGE });
    await prisma.user.update({ where: { id: actor.id }, data: { role: "ADMIN" } });
  });

  it("survives two admins demoting each other at the same moment: one change wins, one admin is left", async () => {
    const b = await makeUser("birgit", "ADMIN");
    for (let round = 0; round < 5; round++) {
      await prisma.user.updateMany({ where: { id: { in: [actor.id, b.id] } }, data: { role: "ADMIN" } });
      const results = await Promise.all([changeRole(b.id, "MANAGER", actor), changeRole(actor.id, "RECRUITER", b)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ error: LAST_ADMIN_MESSAGE });
      expect(await prisma.user.count({ where: { id: { in: [actor.id, b.id] }, role: "ADMIN" } })).toBe(1);
    }
    await prisma.user.update({ where: { id: actor.id }, data: { role: "ADMIN" } });
  });

  it("survives a demotion racing a deactivation", async () => {
    const c = await makeUser("cecilia", "ADMIN");
    const results = await Promise.all([deactivateAccount(c.id, actor), changeRole(actor.id, "MANAGER", c)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await prisma.user.count({ where: { role: "ADMIN", deactivatedAt: null, id: { in: [actor.id, c.id] } } })).toBe(1);
    await prisma.user.update({ where: { id: actor.id }, data: { role: "ADMIN", deactivatedAt: null } });
  });
});

describe("deactivation", () => {
  it("ends the account's sessions at once, refuses sign-in and links, and reactivation restores the password", async () => {
    const erik = await makeUser("erik", "MANAGER", "erik's good password");
    const cookie = await createSession(erik.id, "test");
    const request = () => new Request("http://localhost/planning", { headers: { Cookie: cookie.split(";")[0]! } });
    expect(await getUser(request())).toMatchObject({ id: erik.id });
    await sendPasswordReset(erik.id, actor, APP);
    const resetMail = await prisma.outboxMessage.findFirstOrThrow({ where: { to: email("erik"), kind: "password-reset" } });

    expect(await deactivateAccount(erik.id, actor)).toMatchObject({ ok: true });
    expect(await getUser(request())).toBeNull();
    expect(await prisma.session.count({ where: { userId: erik.id } })).toBe(0);
    expect(await verifySignIn(email("erik"), "erik's good password", "10.9.0.2")).toEqual({ ok: false, reason: "deactivated" });
    expect(await acceptInvitation(tokenIn(resetMail.body), "a brand new password")).toBeNull();
    expect(await sendPasswordReset(erik.id, actor, APP)).toMatchObject({ ok: false });

    expect(await reactivateAccount(erik.id, actor)).toMatchObject({ ok: true });
    expect((await verifySignIn(email("erik"), "erik's good password", "10.9.0.2")).ok).toBe(true);
    expect((await auditFor(erik.id)).map((e) => e.action)).toEqual(["account.password_reset_sent", "account.deactivated", "account.reactivated"]);
  });

  it("takes a deactivated agent off the scheduler's roster, and back on when reactivated", async () => {
    const agentUser = await makeUser("venla", "AGENT");
    await prisma.agent.create({
      data: {
        userId: agentUser.id,
        cohort: "student",
        timeZone: "Europe/Helsinki",
        startDate: new Date("2026-01-05"),
        weeklyMinMinutes: 600,
        weeklyMaxMinutes: 1200,
      },
    });
    // An agent is not deactivated without a last working day and a reason.
    expect(await deactivateAccount(agentUser.id, actor)).toMatchObject({ ok: false, field: "leftAt" });
    await deactivateAccount(agentUser.id, actor, new Date(), { leftAt: "2026-06-30", leaveReason: "moved" });
    expect(await prisma.agent.findUniqueOrThrow({ where: { userId: agentUser.id } })).toMatchObject({ active: false, leaveReason: "moved" });
    await reactivateAccount(agentUser.id, actor);
    expect(await prisma.agent.findUniqueOrThrow({ where: { userId: agentUser.id } })).toMatchObject({ active: true, leftAt: null, leaveReason: null });
  });

  it("refuses to deactivate yourself", async () => {
    expect(await deactivateAccount(actor.id, actor)).toMatchObject({ ok: false, error: expect.stringMatching(/your own account/) });
  });
});

describe("password reset", () => {
  it("mails a link that sets a new password once, ends old sessions and spends earlier links", async () => {
    const frida = await makeUser("frida", "RECRUITER", "frida's old password");
    const cookie = await createSession(frida.id, "test");
    await sendPasswordReset(frida.id, actor, APP);
    await sendPasswordReset(frida.id, actor, APP);
    const [older, newer] = await prisma.outboxMessage.findMany({ where: { to: email("frida") }, orderBy: { createdAt: "asc" } });
    expect(await acceptInvitation(tokenIn(older!.body), "frida's new password")).toBeNull();
    expect(await acceptInvitation(tokenIn(newer!.body), "frida's new password")).toMatchObject({ id: frida.id });
    expect(await getUser(new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0]! } }))).toBeNull();
    expect((await verifySignIn(email("frida"), "frida's new password", "10.9.0.3")).ok).toBe(true);
    expect((await verifySignIn(email("frida"), "frida's old password", "10.9.0.3")).ok).toBe(false);
  });
});
