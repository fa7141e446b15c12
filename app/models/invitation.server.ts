// One-time sign-in links for new agents: only a hash of the token is stored; using it sets the password once.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { hashPassword } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";

const VALID_DAYS = 7;

function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates an invitation inside the caller's transaction and returns the raw token for the link. */
export async function createInvitation(tx: Prisma.TransactionClient, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.invitation.create({ data: { userId, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + VALID_DAYS * 24 * 3600_000) } });
  return token;
}

export async function findUsableInvitation(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return prisma.invitation.findFirst({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
    select: { id: true, user: { select: { id: true, name: true, email: true } } },
  });
}

/** Sets the password and spends the invitation; a second use (or a race) finds it spent and gets null. */
export async function acceptInvitation(token: string, password: string, now = new Date()) {
  const invitation = await findUsableInvitation(token, now);
  if (!invitation) return null;
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const spent = await tx.invitation.updateMany({ where: { id: invitation.id, usedAt: null }, data: { usedAt: now } });
    if (spent.count === 0) return null;
    await tx.user.update({ where: { id: invitation.user.id }, data: { passwordHash } });
    return invitation.user;
  });
}
