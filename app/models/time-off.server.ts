// Time off: agents request it, managers decide (the agent is told), approved time off is kept free by the scheduler.
import { prisma } from "~/utils/db.server";
import { deliverSoon, enqueueMail } from "./outbox.server";

export function requestTimeOff(agentId: string, input: { start: Date; end: Date; reason: string }) {
  return prisma.timeOffRequest.create({ data: { agentId, ...input } });
}

export function listTimeOff(agentId: string) {
  return prisma.timeOffRequest.findMany({ where: { agentId }, orderBy: { start: "desc" }, take: 30 });
}

export async function cancelTimeOff(agentId: string, id: string) {
  const result = await prisma.timeOffRequest.updateMany({ where: { id, agentId, status: "PENDING" }, data: { status: "CANCELLED" } });
  return result.count === 1;
}

export function pendingTimeOff() {
  return prisma.timeOffRequest.findMany({
    where: { status: "PENDING" },
    orderBy: { start: "asc" },
    select: { id: true, start: true, end: true, reason: true, createdAt: true, agent: { select: { timeZone: true, user: { select: { name: true } } } } },
  });
}

export async function decideTimeOff(id: string, decision: "APPROVED" | "DECLINED", managerName: string) {
  const mailId = await prisma.$transaction(async (tx) => {
    const updated = await tx.timeOffRequest.updateMany({
      where: { id, status: "PENDING" },
      data: { status: decision, decidedBy: managerName, decidedAt: new Date() },
    });
    if (updated.count === 0) return null;
    const request = await tx.timeOffRequest.findUniqueOrThrow({
      where: { id },
      select: { start: true, end: true, agent: { select: { user: { select: { email: true, name: true } } } } },
    });
    const mail = await enqueueMail(tx, {
      to: request.agent.user.email,
      kind: "time-off-decided",
      subject: `Time off ${decision === "APPROVED" ? "approved" : "declined"}`,
      body: `Hi ${request.agent.user.name.split(" ")[0]},\n\nyour time off from ${request.start.toISOString().slice(0, 16).replace("T", " ")} UTC to ${request.end.toISOString().slice(0, 16).replace("T", " ")} UTC was ${decision === "APPROVED" ? "approved; the next schedule run keeps you free then" : "declined"}.\n`,
    });
    return mail.id;
  });
  if (!mailId) return false;
  await deliverSoon([mailId]);
  return true;
}
