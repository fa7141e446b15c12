// Outgoing mail. With no mail server configured every message is kept in the outbox for admins to read.
import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";

export type Mail = { to: string; subject: string; body: string; kind: string };

/** Adds a message inside the caller's transaction, so it exists exactly when the change that caused it does. */
export function enqueueMail(tx: Prisma.TransactionClient, mail: Mail) {
  return tx.outboxMessage.create({ data: mail });
}

export function sendMail(mail: Mail) {
  return prisma.outboxMessage.create({ data: mail });
}

export function listOutbox(take = 100) {
  return prisma.outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take });
}
