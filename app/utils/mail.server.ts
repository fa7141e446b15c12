// The SMTP connection (nodemailer): one transport per mail server URL, and how a failed send is classified.
import { createTransport } from "nodemailer";

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Our outbox id, sent as Message-ID so a receiving server (or a person) can tell a duplicate. */
  messageId: string;
}

export type MailSender = (mail: OutgoingMail) => Promise<{ response: string }>;

const senders = new Map<string, MailSender>();

/** A sender for `smtpUrl` (smtp:// or smtps://, credentials in the URL), with short timeouts so a dead server fails an attempt instead of hanging the worker. */
export function smtpSender(smtpUrl: string): MailSender {
  let sender = senders.get(smtpUrl);
  if (!sender) {
    const transport = createTransport({ url: smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
    sender = async (mail) => {
      const info = await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
      return { response: String(info.response ?? "") };
    };
    senders.set(smtpUrl, sender);
  }
  return sender;
}

/**
 * Why a send failed, in one line, and whether trying again can help: a 5xx reply (mailbox unknown,
 * relay refused, authentication rejected) will fail the same way; a 4xx reply or a network error may not.
 */
export function describeSendError(error: unknown): { reason: string; permanent: boolean } {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const reply = (e.response ?? "").trim().replace(/\s+/g, " ");
  const code = typeof e.responseCode === "number" ? e.responseCode : null;
  const reason = (reply || e.message || String(error)).slice(0, 500);
  return { reason: code && !reply.startsWith(String(code)) ? `${code} ${reason}` : reason, permanent: code !== null ? code >= 500 : e.code === "EAUTH" };
}
