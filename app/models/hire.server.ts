// Hiring an applicant: the agent (user, contract, skills, availability), the move to Hired and the invitation mail, all in one transaction.
import { randomBytes } from "node:crypto";
import { hashPassword } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { moveApplication } from "./application.server";
import type { HireInput } from "./applicant-forms";
import { createInvitation } from "./invitation.server";
import { deliverSoon, enqueueMail } from "./outbox.server";

export type HireResult = { ok: true; agentId: string; email: string } | { ok: false; field?: keyof HireInput; error: string };

/** Queues the agent could take: the opening's languages × channels that exist as queues. */
export async function skillOptions(languages: string[], channels: Array<"CHAT" | "PHONE" | "EMAIL">) {
  return prisma.queue.findMany({
    where: { language: { in: languages }, channel: { in: channels } },
    orderBy: { key: "asc" },
    select: { id: true, key: true, name: true },
  });
}

export async function hireApplicant(applicantId: string, input: HireInput, byId: string, appUrl: string, now = new Date()): Promise<HireResult> {
  // bcrypt is slow: hash the placeholder before the transaction so it stays short.
  const placeholderHash = await hashPassword(randomBytes(24).toString("hex"));
  const result = await prisma.$transaction(async (tx): Promise<HireResult & { mailId?: string }> => {
    const application = await tx.application.findFirst({
      where: { id: input.applicationId, applicantId, applicant: { anonymizedAt: null } },
      select: {
        id: true,
        stage: { select: { kind: true } },
        opening: { select: { title: true, languageCodes: true, channels: true, stages: { where: { kind: "HIRED" }, select: { id: true }, take: 1 } } },
        applicant: { select: { name: true, email: true, timeZone: true, cohort: true, termTimeCapHours: true, availability: true } },
      },
    });
    if (!application) return { ok: false, error: "That application no longer exists" };
    if (application.stage.kind !== "ACTIVE") return { ok: false, error: "Only an application still in the pipeline can be hired" };
    const { applicant, opening } = application;
    // Every check that can refuse comes before the first write, so a refusal leaves nothing behind.
    const hired = opening.stages[0];
    if (!hired) return { ok: false, error: "This opening has no Hired stage" };
    if (applicant.cohort === "student" && applicant.termTimeCapHours !== null && input.weeklyMaxHours > applicant.termTimeCapHours) {
      return {
        ok: false,
        field: "weeklyMaxHours",
        error: `A student's contract stays within their term-time cap of ${applicant.termTimeCapHours} hours a week`,
      };
    }
    const queues = await tx.queue.findMany({ where: { id: { in: input.queueIds } }, select: { id: true } });
    if (queues.length !== new Set(input.queueIds).size) return { ok: false, field: "queueIds", error: "One of the chosen queues no longer exists" };

    const existingUser = await tx.user.findUnique({ where: { email: applicant.email }, select: { id: true, role: true, agent: { select: { id: true } } } });
    if (existingUser && existingUser.role !== "AGENT")
      return { ok: false, error: `${applicant.email} already belongs to a staff account; hire with another email` };
    if (existingUser?.agent) return { ok: false, error: `${applicant.name} is already an agent` };
    const user =
      existingUser ??
      (await tx.user.create({
        data: { email: applicant.email, name: applicant.name, role: "AGENT", timeZone: applicant.timeZone, passwordHash: placeholderHash },
        select: { id: true },
      }));
    const agent = await tx.agent.create({
      data: {
        userId: user.id,
        applicantId,
        cohort: applicant.cohort,
        timeZone: applicant.timeZone,
        startDate: new Date(`${input.startDate}T00:00:00Z`),
        weeklyMinMinutes: input.weeklyMinHours * 60,
        weeklyMaxMinutes: input.weeklyMaxHours * 60,
        availability: applicant.availability ?? [],
        skills: { create: queues.map((q) => ({ queueId: q.id })) },
      },
      select: { id: true },
    });
    const moved = await moveApplication(application.id, hired.id, byId, { allowHire: true, now }, tx);
    if (!moved.ok) throw new Error(moved.error);

    const token = await createInvitation(tx, user.id, now);
    const link = `${appUrl.replace(/\/$/, "")}/invite/${token}`;
    const mail = await enqueueMail(tx, {
      to: applicant.email,
      kind: "agent-invitation",
      subject: `Welcome to the team, ${applicant.name.split(" ")[0]} — set your password`,
      body: [
        `Hi ${applicant.name.split(" ")[0]},`,
        "",
        `You're hired for "${opening.title}", starting ${input.startDate}. Your contract is ${input.weeklyMinHours}–${input.weeklyMaxHours} hours a week.`,
        "",
        "Choose your password and sign in with this link (it works once, for 7 days):",
        link,
        "",
        "See you soon!",
      ].join("\n"),
    });
    return { ok: true, agentId: agent.id, email: applicant.email, mailId: mail.id };
  });
  if (result.ok && result.mailId) await deliverSoon([result.mailId]);
  const { mailId: _, ...hire } = result;
  return hire;
}
