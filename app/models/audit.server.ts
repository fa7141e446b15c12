// Audit entries: who did what to which record (minimal; the accounts branch brings the full model).
import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";

export type AuditInput = { actorId: string | null; action: string; subjectType: string; subjectId: string; summary: string; detail?: Prisma.InputJsonValue };

/** Records one entry, inside the caller's transaction when one is given, so the entry commits with the change. */
export function recordAudit(entry: AuditInput, tx: Prisma.TransactionClient = prisma) {
  return tx.auditEntry.create({ data: { ...entry, detail: entry.detail ?? {} } });
}

export function listAudit(subjectType: string, subjectId?: string, take = 20) {
  return prisma.auditEntry.findMany({ where: { subjectType, ...(subjectId ? { subjectId } : {}) }, orderBy: { at: "desc" }, take });
}
