// One-time sign-in links (a new account's first password, or a reset): only a hash of the token is stored; using it sets the password once.
import { createHash, randomBytes } from "node:crypto";
import type { InvitationPurpose, Prisma } from "@prisma/client";
import { hashPassword } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";

const VALID_DAYS = 7;

function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Creates a link inside the caller's transaction and returns the raw token for it. Earlier unused
 * links of the account are spent, so only the newest one works.
 */
export async function createInvitation(
  tx: Prisma.TransactionClient,
  userId: string,
  now = new Date(),
  purpose: InvitationPurpose = "WELCOME",
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.invitation.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await tx.invitation.create({ data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + VALID_DAYS * 24 * 3600_000) } });
  return token;
}

export function invitationLink(appUrl: string, token: string) {
  return `${appUrl.replace(/\/$/, "")}/invite/${token}`;
}

export async function findUsableInvitation(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return prisma.invitation.findFirst({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now }, user: { deactivatedAt: null } },
    select: { id: true, purpose: true, user: { select: { id: true, name: true, email: true, role: true } } },
  });
}

/**
 * Sets the password and spends the link (the caller signs the person in); a second use (or a race) finds it spent and gets null. A reset
 * also ends the account's other sessions, since whoever had the old password may be signed in.
 */
export async function acceptInvitation(token: string, password: string, now = new Date()) {
  const invitation = await findUsableInvitation(token, now);
  if (!invitation) return null;
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const spent = await tx.invitation.updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: now } });
    if (spent.count === 0) return null;
    await tx.user.update({ where: { id: invitation.user.id }, data: { passwordHash, lastSignInAt: now } });
    if (invitation.purpose === "PASSWORD_RESET") await tx.session.deleteMany({ where: { userId: invitation.user.id } });
    return invitation.user;
  });
}
