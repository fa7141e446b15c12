// Integration: outbox messages delivered to a real SMTP server (smtp-server on a loopback port), through
// the real BullMQ worker: a message arrives once however often its job runs, a refusal is kept as the reason.
import type { AddressInfo } from "node:net";
import { QueueEvents, Worker, type Job } from "bullmq";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { createRedis } from "~/utils/redis.server";
import { deliverSoon, enqueueMail, sweepOutbox } from "~/models/outbox.server";
import { smtpSender } from "~/utils/mail.server";
import { enqueue, getQueue } from "../queues";
import { deliverMessage, processMailDelivery } from "./mail-delivery";

const tag = `mail-${Date.now()}`;
const received: Array<{ to: string[]; raw: string }> = [];
const prefix = process.env.BULLMQ_PREFIX ?? "handoff-test";

// Recipients at refused.example get a permanent 550, at busy.example a temporary 451; everyone else is accepted.
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onRcptTo(address, _session, callback) {
    const fail = (code: number, message: string) => callback(Object.assign(new Error(message), { responseCode: code }));
    if (address.address.endsWith("@refused.example")) return fail(550, "5.1.1 No such mailbox here");
    if (address.address.endsWith("@busy.example")) return fail(451, "4.3.0 Try again later");
    callback();
  },
  onData(stream, session, callback) {
    let raw = "";
    stream.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});

let smtpUrl = "";
let worker: Worker;
let events: QueueEvents;

async function writeMessage(to: string) {
  return prisma.$transaction((tx) =>
    enqueueMail(tx, { to, kind: "test", subject: `Hello ${tag}`, body: `Set your password: https://handoff.example/invite/${tag}` }),
  );
}
const arrivedFor = (to: string) => received.filter((m) => m.to.includes(to));
const row = (id: string) => prisma.outboxMessage.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  // Read by env() on first use: this file's modules have not parsed the environment yet.
  process.env.SMTP_URL = smtpUrl;
  process.env.MAIL_FROM = "Handoff <no-reply@handoff.example>";
  worker = new Worker("mail-delivery", processMailDelivery, { connection: createRedis("worker"), prefix, autorun: true });
  events = new QueueEvents("mail-delivery", { connection: createRedis("worker"), prefix });
  await events.waitUntilReady();
});

afterAll(async () => {
  await worker.close();
  await events.close();
  await getQueue("mail-delivery").close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await prisma.outboxMessage.deleteMany({ where: { subject: `Hello ${tag}` } });
});

describe("mail delivery over SMTP", () => {
  it("delivers a message once, even when its job is queued twice and a second job runs for it", async () => {
    const to = `aino.${tag}@mail.example`;
    const { id } = await writeMessage(to);
    expect((await row(id)).status).toBe("QUEUED");
    await deliverSoon([id]);
    await deliverSoon([id]); // same job id: BullMQ keeps one
    const first = await getQueue("mail-delivery").getJob(`mail-${id}`);
    expect(await first!.waitUntilFinished(events, 20_000)).toMatchObject({ outcome: "sent", attempt: 1 });
    // A duplicate job (another id) for the same message finds it sent and sends nothing.
    const duplicate = await enqueue("mail-delivery", { messageId: id }, { jobId: `mail-${id}-duplicate` });
    expect(await duplicate.waitUntilFinished(events, 20_000)).toMatchObject({ outcome: "skipped" });

    expect(arrivedFor(to)).toHaveLength(1);
    expect(arrivedFor(to)[0]!.raw).toContain(`Subject: Hello ${tag}`);
    expect(arrivedFor(to)[0]!.raw).toContain(`https://handoff.example/invite/${tag}`);
    expect(arrivedFor(to)[0]!.raw).toContain(`Message-ID: <${id}@handoff.outbox>`);
    const sent = await row(id);
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(sent.sentAt).not.toBeNull();
  });

  it("delivers an admin's invitation: the person gets the one-time link", async () => {
    // Imported here: auth.server parses the environment on load, which must see SMTP_URL (set in beforeAll).
    const { inviteAccount } = await import("~/models/account.server");
    const to = `linnea.${tag}@mail.example`;
    const admin = await prisma.user.create({
      data: { email: `admin.${tag}@handoff.example`, name: "Henrik Admin", role: "ADMIN", passwordHash: "x" },
      select: { id: true, name: true },
    });
    try {
      expect(await inviteAccount({ name: "Linnea Holm", email: to, role: "RECRUITER" }, admin, "https://handoff.example")).toMatchObject({ ok: true });
      const message = await prisma.outboxMessage.findFirstOrThrow({ where: { to } });
      const job = await getQueue("mail-delivery").getJob(`mail-${message.id}`);
      expect(await job!.waitUntilFinished(events, 20_000)).toMatchObject({ outcome: "sent" });
      expect(arrivedFor(to)).toHaveLength(1);
      expect(arrivedFor(to)[0]!.raw).toMatch(/Subject: Henrik Admin invited you to Handoff/);
      expect(arrivedFor(to)[0]!.raw).toMatch(/https:\/\/handoff\.example\/invite\/[A-Za-z0-9_-]{20,}/);
    } finally {
      await prisma.outboxMessage.deleteMany({ where: { to } });
      await prisma.auditEntry.deleteMany({ where: { actorId: admin.id } });
      await prisma.user.deleteMany({ where: { email: { in: [to, `admin.${tag}@handoff.example`] } } });
    }
  });

  it("marks a refused message failed with the server's reply, without retrying", async () => {
    const { id } = await writeMessage(`nobody.${tag}@refused.example`);
    await deliverSoon([id]);
    const job = (await getQueue("mail-delivery").getJob(`mail-${id}`)) as Job;
    await expect(job.waitUntilFinished(events, 20_000)).rejects.toThrow(/550/);
    const failed = await row(id);
    expect(failed.status).toBe("FAILED");
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/550.*No such mailbox/);
  });

  it("puts a temporarily refused message back in the queue, and fails it on the last attempt", async () => {
    const { id } = await writeMessage(`someone.${tag}@busy.example`);
    const send = smtpSender(smtpUrl);
    await expect(deliverMessage(id, send, { from: "Handoff <no-reply@handoff.example>", finalAttempt: false })).rejects.toThrow(/451/);
    expect(await row(id)).toMatchObject({ status: "QUEUED", attempts: 1, lastError: expect.stringMatching(/451.*Try again later/) });
    await expect(deliverMessage(id, send, { from: "Handoff <no-reply@handoff.example>", finalAttempt: true })).rejects.toThrow(/451/);
    expect(await row(id)).toMatchObject({ status: "FAILED", attempts: 2 });
  });

  it("does not send a message again once it is sent (a rerun finds nothing to claim)", async () => {
    const to = `rerun.${tag}@mail.example`;
    const { id } = await writeMessage(to);
    const send = smtpSender(smtpUrl);
    const options = { from: "Handoff <no-reply@handoff.example>", finalAttempt: false };
    const results = await Promise.all([deliverMessage(id, send, options), deliverMessage(id, send, options)]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["sent", "skipped"]);
    expect(await deliverMessage(id, send, options)).toMatchObject({ outcome: "skipped" });
    expect(arrivedFor(to)).toHaveLength(1);
  });

  it("sweeps up messages whose job was never queued, and fails sends that were cut off", async () => {
    const { id: waiting } = await writeMessage(`later.${tag}@mail.example`);
    const { id: cutOff } = await writeMessage(`cut.${tag}@mail.example`);
    await prisma.outboxMessage.update({ where: { id: cutOff }, data: { status: "SENDING", claimedAt: new Date(Date.now() - 3600_000), attempts: 1 } });
    const swept = await sweepOutbox(new Date(Date.now() + 60_000));
    expect(swept.queued).toContain(waiting);
    expect(swept.interrupted).toBeGreaterThanOrEqual(1);
    expect(await row(cutOff)).toMatchObject({ status: "FAILED", lastError: expect.stringMatching(/interrupted/) });
  });
});
