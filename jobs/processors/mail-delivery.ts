// The mail-delivery job: claim one outbox message, send it over SMTP, record sent or why not (load → send → save).
import { UnrecoverableError } from "bullmq";
import { claimForDelivery, markAttemptFailed, markSent } from "../../app/models/outbox.server";
import { env } from "../../app/utils/env.server";
import { describeSendError, smtpSender, type MailSender } from "../../app/utils/mail.server";
import type { JobResult } from "../queues";
import { defineProcessor, isFinalAttempt } from "./define";

/**
 * Sends message `id` at most once. A run that finds it already claimed, sent or failed sends nothing.
 * A refused message (5xx) fails at once; a temporary failure goes back to QUEUED and the error is
 * rethrown so BullMQ retries with backoff, until the last attempt marks it FAILED.
 */
export async function deliverMessage(id: string, send: MailSender, options: { from: string; finalAttempt: boolean }): Promise<JobResult<"mail-delivery">> {
  const message = await claimForDelivery(id);
  if (!message) return { outcome: "skipped", reason: "the message was already sent, failed or is being sent" };
  try {
    await send({ from: options.from, to: message.to, subject: message.subject, text: message.body, messageId: `<${message.id}@handoff.outbox>` });
  } catch (error) {
    const { reason, permanent } = describeSendError(error);
    await markAttemptFailed(id, reason, permanent || options.finalAttempt);
    if (permanent) throw new UnrecoverableError(reason);
    throw new Error(reason);
  }
  await markSent(id);
  return { outcome: "sent", attempt: message.attempts };
}

export const processMailDelivery = defineProcessor("mail-delivery", async ({ messageId }, { job }) => {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return { outcome: "skipped", reason: "no mail server is configured (SMTP_URL); the message stays in the outbox" };
  return deliverMessage(messageId, smtpSender(SMTP_URL), { from: MAIL_FROM, finalAttempt: isFinalAttempt(job) });
});
