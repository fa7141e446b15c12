// Outgoing mail. Messages are written in the transaction of the change that causes them, then the
// mail-delivery job sends each once over SMTP (state machine: QUEUED → SENDING → SENT | FAILED, see
// docs/decisions/042-mail-delivery-once.md). With no mail server configured every message is KEPT here for admins to read.
import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { enqueue } from "../../jobs/queues";

export type Mail = { to: string; subject: string; body: string; kind: string };

/** A claim older than this belongs to an attempt that was cut off (worker killed mid-send). */
export const STALE_CLAIM_MS = 10 * 60_000;

export function mailDeliveryEnabled(): boolean {
  return Boolean(env().SMTP_URL);
}

/**
 * Adds a message inside the caller's transaction, so it exists exactly when the change that caused it does.
 * After the transaction commits, call `deliverSoon` with the ids (the mail-sweep job picks up any left behind).
 */
export function enqueueMail(tx: Prisma.TransactionClient, mail: Mail) {
  return tx.outboxMessage.create({ data: { ...mail, status: mailDeliveryEnabled() ? "QUEUED" : "KEPT" }, select: { id: true } });
}

/**
 * Queues a delivery job per message, with the message id as job id (a second call for the same message
 * adds nothing). Called after commit; if Redis is unreachable the messages stay QUEUED for the sweep.
 */
export async function deliverSoon(messageIds: string[], options: { retry?: boolean } = {}): Promise<void> {
  if (!mailDeliveryEnabled() || messageIds.length === 0) return;
  try {
    // A retry needs its own job id: BullMQ keeps the failed job under the first one (and would ignore the add).
    const suffix = options.retry ? `-retry-${Date.now()}` : "";
    for (const messageId of messageIds) await enqueue("mail-delivery", { messageId }, { jobId: `mail-${messageId}${suffix}` });
  } catch (error) {
    console.error(`[outbox] could not queue delivery of ${messageIds.length} message(s); the mail sweep will: ${(error as Error).message}`);
  }
}

export function listOutbox(take = 100) {
  return prisma.outboxMessage.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, subject: true, body: true, kind: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true },
  });
}

/**
 * Claims a message for one delivery attempt: only a QUEUED message can be claimed, in one conditional
 * update, so two runs of the same job (or a sweep racing a job) cannot both send it.
 */
export async function claimForDelivery(id: string, now = new Date()) {
  const claimed = await prisma.outboxMessage.updateMany({
    where: { id, status: "QUEUED" },
    data: { status: "SENDING", claimedAt: now, attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return null;
  return prisma.outboxMessage.findUniqueOrThrow({ where: { id }, select: { id: true, to: true, subject: true, body: true, attempts: true } });
}

export function markSent(id: string, now = new Date()) {
  return prisma.outboxMessage.updateMany({ where: { id, status: "SENDING" }, data: { status: "SENT", sentAt: now, lastError: null } });
}

/** After a failed attempt: back to QUEUED for the next retry, or FAILED for good; the reason is kept either way. */
export function markAttemptFailed(id: string, reason: string, final: boolean) {
  return prisma.outboxMessage.updateMany({
    where: { id, status: "SENDING" },
    data: { status: final ? "FAILED" : "QUEUED", lastError: reason, claimedAt: null },
  });
}

/**
 * For the sweep: QUEUED messages older than `olderThanMs` (their job was lost, e.g. Redis was down at
 * commit), and SENDING messages whose claim went stale. A stale claim may or may not have reached the
 * server, so it is marked FAILED rather than sent again: a message is never sent twice.
 */
export async function sweepOutbox(now = new Date(), olderThanMs = 30_000, take = 500) {
  const interrupted = await prisma.outboxMessage.updateMany({
    where: { status: "SENDING", claimedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
    data: {
      status: "FAILED",
      lastError: "The delivery attempt was interrupted (the worker stopped mid-send); it may not have arrived, so it was not sent again.",
    },
  });
  const left = await prisma.outboxMessage.findMany({
    where: { status: "QUEUED", createdAt: { lt: new Date(now.getTime() - olderThanMs) } },
    orderBy: { createdAt: "asc" },
    take,
    select: { id: true },
  });
  return { queued: left.map((m) => m.id), interrupted: interrupted.count };
}

/** An admin's "send again" for a FAILED message: it becomes QUEUED with its attempts kept. */
export async function retryMessage(id: string) {
  const updated = await prisma.outboxMessage.updateMany({ where: { id, status: "FAILED" }, data: { status: "QUEUED", claimedAt: null } });
  if (updated.count === 1) await deliverSoon([id], { retry: true });
  return updated.count === 1;
}
