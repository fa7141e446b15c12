// Accounts as admins manage them: invite staff, change a role, deactivate and reactivate, send a password
// reset link. Each change and its audit entry share one transaction; the last active admin stays an admin.
import { randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { hashPassword } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { ROLE_LABELS, STAFF_ROLES, type Role } from "~/utils/permissions";
import { recordAudit } from "./audit.server";
import { createInvitation, invitationLink } from "./invitation.server";
import { deliverSoon, enqueueMail } from "./outbox.server";
import type { InviteInput } from "./account-forms";
import { LEAVE_REASONS, type Leaving } from "./leaving";
import { removeLeaverFromDrafts } from "./schedule.server";
import { localDate } from "~/utils/time";

export type AccountResult = { ok: true; message: string } | { ok: false; error: string; field?: string };

type Actor = { id: string; name: string };

/** The refusal when a change would leave no active admin to manage accounts. */
export const LAST_ADMIN_MESSAGE = "This is the last active admin: make another account an admin first, so someone can still manage accounts.";

/**
 * Locks the rows of the active admins until the transaction ends and returns their ids. Two admins
 * demoting each other at once: the second waits for the first, then sees one admin left and is refused.
 */
async function lockActiveAdmins(tx: Prisma.TransactionClient): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "User" WHERE role = 'ADMIN' AND "deactivatedAt" IS NULL ORDER BY id FOR UPDATE`;
  return rows.map((r) => r.id);
}

/** Whether `userId` is an active admin and the only one (call inside the transaction, after locking). */
async function isLastActiveAdmin(tx: Prisma.TransactionClient, userId: string): Promise<boolean> {
  const admins = await lockActiveAdmins(tx);
  return admins.length === 1 && admins[0] === userId;
}

export type AccountStatus = "active" | "invited" | "deactivated";

export const AccountFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(["ADMIN", "MANAGER", "RECRUITER", "AGENT"]).optional().catch(undefined),
  status: z.enum(["active", "invited", "deactivated"]).optional().catch(undefined),
});
export type AccountFilter = z.infer<typeof AccountFilterSchema>;

/** Accounts for the admin page: staff first, then by name; `invited` = never signed in and a welcome link still open. */
export async function listAccounts(filter: AccountFilter, now = new Date(), take = 50) {
  const openWelcome = { some: { purpose: "WELCOME" as const, usedAt: null, expiresAt: { gt: now } } };
  const where: Prisma.UserWhereInput = {
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.q ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { email: { contains: filter.q, mode: "insensitive" } }] } : {}),
    ...(filter.status === "deactivated" ? { deactivatedAt: { not: null } } : {}),
    ...(filter.status === "invited" ? { deactivatedAt: null, lastSignInAt: null, invitations: openWelcome } : {}),
    ...(filter.status === "active" ? { deactivatedAt: null, NOT: { lastSignInAt: null, invitations: openWelcome } } : {}),
  };
  const [users, total] = await Promise.all([
    prisma.user.findMany({
      where,
      orderBy: [{ role: "asc" }, { name: "asc" }],
      take,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        deactivatedAt: true,
        lastSignInAt: true,
        createdAt: true,
        invitations: { where: { purpose: "WELCOME", usedAt: null, expiresAt: { gt: now } }, select: { id: true }, take: 1 },
      },
    }),
    prisma.user.count({ where }),
  ]);
  return {
    total,
    accounts: users.map(({ invitations, ...u }) => ({
      ...u,
      status: (u.deactivatedAt ? "deactivated" : !u.lastSignInAt && invitations.length > 0 ? "invited" : "active") as AccountStatus,
    })),
  };
}

export async function getAccount(id: string, now = new Date()) {
  const user = await prisma.user.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      timeZone: true,
      deactivatedAt: true,
      lastSignInAt: true,
      createdAt: true,
      agent: { select: { leftAt: true, leaveReason: true } },
      _count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
      invitations: { where: { usedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: "desc" }, take: 1, select: { purpose: true, expiresAt: true } },
    },
  });
  if (!user) return null;
  const { invitations, _count, ...rest } = user;
  return { ...rest, openSessions: _count.sessions, openLink: invitations[0] ?? null };
}

function firstName(name: string) {
  return name.split(" ")[0];
}

/** Invites a staff member: the account, a one-time link by mail and the audit entry, in one transaction. */
export async function inviteAccount(input: InviteInput, actor: Actor, appUrl: string, now = new Date()): Promise<AccountResult> {
  const placeholderHash = await hashPassword(randomBytes(24).toString("hex"));
  const result = await prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) return { ok: false as const, field: "email", error: `${input.email} already has an account` };
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash: placeholderHash },
      select: { id: true },
    });
    const token = await createInvitation(tx, user.id, now, "WELCOME");
    const mail = await enqueueMail(tx, {
      to: input.email,
      kind: "staff-invitation",
      subject: `${actor.name} invited you to Handoff`,
      body: [
        `Hi ${firstName(input.name)},`,
        "",
        `${actor.name} invited you to Handoff as ${ROLE_LABELS[input.role].toLowerCase()}.`,
        "",
        "Choose your password and sign in with this link (it works once, for 7 days):",
        invitationLink(appUrl, token),
      ].join("\n"),
    });
    await recordAudit(
      tx,
      {
        actorId: actor.id,
        action: "account.invited",
        subject: { type: "User", id: user.id },
        summary: `${actor.name} invited ${input.name} (${input.email}) as ${ROLE_LABELS[input.role]}`,
        detail: { email: input.email, role: input.role },
      },
      now,
    );
    return { ok: true as const, message: `Invitation sent to ${input.email}`, mailId: mail.id };
  });
  if (!result.ok) return result;
  await deliverSoon([result.mailId]);
  return { ok: true, message: result.message };
}

export async function changeRole(userId: string, role: (typeof STAFF_ROLES)[number], actor: Actor, now = new Date()): Promise<AccountResult> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true } });
    if (!user) return { ok: false, error: "That account no longer exists" };
    if (user.role === role) return { ok: true, message: `${user.name} is already ${ROLE_LABELS[role].toLowerCase()}` };
    if (user.role === "AGENT")
      return {
        ok: false,
        field: "role",
        error: "Agents keep the agent role: their contract and shifts belong to it. Invite a separate staff account instead.",
      };
    if (user.role === "ADMIN" && (await isLastActiveAdmin(tx, user.id))) return { ok: false, field: "role", error: LAST_ADMIN_MESSAGE };
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await recordAudit(
      tx,
      {
        actorId: actor.id,
        action: "account.role_changed",
        subject: { type: "User", id: user.id },
        summary: `${actor.name} changed ${user.name}'s role: ${ROLE_LABELS[user.role as Role]} → ${ROLE_LABELS[role]}`,
        detail: { from: user.role, to: role },
      },
      now,
    );
    return { ok: true, message: `${user.name} is now ${ROLE_LABELS[role].toLowerCase()}` };
  });
}

/**
 * Deactivates an account: it cannot sign in, its sessions end at once and its open links stop working.
 * `actor` null: the system did it (an agent's planned leaving date passed, see roster.server.ts). An agent also leaves: `leaving` (last working day and reason) is recorded for attrition, and they are
 * taken off the roster and out of draft schedules after that day (`removeLeaverFromDrafts`).
 */
export async function deactivateAccount(userId: string, actor: Actor | null, now = new Date(), leaving?: Leaving): Promise<AccountResult> {
  if (actor && userId === actor.id) return { ok: false, error: "You cannot deactivate your own account; ask another admin." };
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, role: true, deactivatedAt: true, agent: { select: { id: true, timeZone: true } } },
    });
    if (!user) return { ok: false, error: "That account no longer exists" };
    if (user.deactivatedAt) return { ok: true, message: `${user.name} is already deactivated` };
    if (user.role === "ADMIN" && (await isLastActiveAdmin(tx, user.id))) return { ok: false, error: LAST_ADMIN_MESSAGE };
    if (user.agent && !leaving) return { ok: false, field: "leftAt", error: "Enter their last working day and why they left" };
    await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: now } });
    let left: Awaited<ReturnType<typeof removeLeaverFromDrafts>> | null = null;
    if (user.agent && leaving) {
      await tx.agent.update({
        where: { id: user.agent.id },
        data: { active: false, leftAt: new Date(`${leaving.leftAt}T00:00:00Z`), leaveReason: leaving.leaveReason },
      });
      left = await removeLeaverFromDrafts(tx, user.agent, leaving.leftAt, now);
    }
    const sessions = await tx.session.deleteMany({ where: { userId: user.id } });
    await tx.invitation.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    const leftText = leaving ? ` (left after ${leaving.leftAt}: ${LEAVE_REASONS[leaving.leaveReason].toLowerCase()})` : "";
    await recordAudit(
      tx,
      {
        actorId: actor?.id ?? null,
        action: "account.deactivated",
        subject: { type: "User", id: user.id },
        summary: `${actor?.name ?? "Handoff (their last working day had passed)"} deactivated ${user.name}${leftText}${sessions.count ? ` (${sessions.count} session${sessions.count === 1 ? "" : "s"} ended)` : ""}`,
        detail: { sessionsEnded: sessions.count, ...(leaving && left ? { leftAt: leaving.leftAt, leaveReason: leaving.leaveReason, ...left } : {}) },
      },
      now,
    );
    if (!left) return { ok: true, message: `${user.name} is deactivated and signed out everywhere` };
    const removed = left.removedDraftShifts
      ? `${left.removedDraftShifts} draft shift${left.removedDraftShifts === 1 ? "" : "s"} removed`
      : "no draft shifts to remove";
    const kept = left.publishedShiftsKept
      ? `; ${left.publishedShiftsKept} published shift${left.publishedShiftsKept === 1 ? " needs" : "s need"} someone else: re-run and publish those weeks`
      : "";
    return { ok: true, message: `${user.name} has left and is signed out everywhere (${removed}${kept})` };
  });
}

/** Today's date where the admin is, for the leaving form's default and its "not in the future" check. */
export function todayIn(timeZone: string, now = new Date()): string {
  return localDate(now, timeZone);
}

export async function reactivateAccount(userId: string, actor: Actor, now = new Date()): Promise<AccountResult> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, deactivatedAt: true } });
    if (!user) return { ok: false, error: "That account no longer exists" };
    if (!user.deactivatedAt) return { ok: true, message: `${user.name} is already active` };
    await tx.user.update({ where: { id: user.id }, data: { deactivatedAt: null } });
    // Back after leaving (or deactivated by mistake): no longer counted as a leaver.
    await tx.agent.updateMany({ where: { userId: user.id }, data: { active: true, leftAt: null, leaveReason: null } });
    await recordAudit(
      tx,
      { actorId: actor.id, action: "account.reactivated", subject: { type: "User", id: user.id }, summary: `${actor.name} reactivated ${user.name}` },
      now,
    );
    return { ok: true, message: `${user.name} can sign in again with their password` };
  });
}

/** Mails a one-time link to choose a new password; the old password works until the link is used. */
export async function sendPasswordReset(userId: string, actor: Actor, appUrl: string, now = new Date()): Promise<AccountResult> {
  const result = await prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, deactivatedAt: true } });
    if (!user) return { ok: false as const, error: "That account no longer exists" };
    if (user.deactivatedAt) return { ok: false as const, error: `${user.name} is deactivated: reactivate the account first` };
    const token = await createInvitation(tx, user.id, now, "PASSWORD_RESET");
    const mail = await enqueueMail(tx, {
      to: user.email,
      kind: "password-reset",
      subject: "Choose a new Handoff password",
      body: [
        `Hi ${firstName(user.name)},`,
        "",
        `${actor.name} sent you a link to choose a new password. It works once, for 7 days; your current password works until you use it.`,
        "",
        invitationLink(appUrl, token),
        "",
        "If you did not ask for this, tell your admin.",
      ].join("\n"),
    });
    await recordAudit(
      tx,
      {
        actorId: actor.id,
        action: "account.password_reset_sent",
        subject: { type: "User", id: user.id },
        summary: `${actor.name} sent ${user.name} a password reset link`,
      },
      now,
    );
    return { ok: true as const, message: `A reset link is on its way to ${user.email}`, mailId: mail.id };
  });
  if (!result.ok) return result;
  await deliverSoon([result.mailId]);
  return { ok: true, message: result.message };
}
