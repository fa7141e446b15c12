// The audit log: who changed which account, role, rule or plan, and when. Entries are written inside the
// transaction of the change they describe (recordAudit takes the caller's `tx`) and never edited.
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { prisma } from "~/utils/db.server";

import { AUDIT_SUBJECTS, type AuditSubjectType } from "./audit-subjects";
import { AuditDetailColumn, readJsonColumn } from "./json-columns";

export { AUDIT_SUBJECTS, type AuditSubjectType };

export interface AuditInput {
  /** The signed-in user who made the change; null when the system did (a job, the seed). */
  actorId: string | null;
  /** A dotted verb: "account.invited", "account.role_changed", "labour_rule.updated". */
  action: string;
  subject: { type: AuditSubjectType; id: string };
  /** One line a person reads in the log: "Maja Lindqvist: Recruiter → Planning manager". */
  summary: string;
  /** The change itself, e.g. `{ from: "RECRUITER", to: "MANAGER" }`; never secrets (passwords, tokens). */
  detail?: Prisma.InputJsonObject;
}

const AuditInputSchema = z.object({
  action: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/, "an action is a dotted lower-case verb such as account.role_changed"),
  summary: z.string().min(1).max(500),
});

/**
 * Records one change inside the caller's transaction, so the entry exists exactly when the change does:
 *
 *     await prisma.$transaction(async (tx) => {
 *       const rule = await tx.labourRule.update(...);
 *       await recordAudit(tx, { actorId: user.id, action: "labour_rule.updated", subject: { type: "LabourRule", id: rule.id }, summary: "…", detail: { from, to } });
 *     });
 */
export async function recordAudit(tx: Prisma.TransactionClient, input: AuditInput, at = new Date()) {
  AuditInputSchema.parse(input);
  return tx.auditEntry.create({
    data: {
      at,
      actorId: input.actorId,
      action: input.action,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      summary: input.summary,
      detail: input.detail ?? {},
    },
    select: { id: true },
  });
}

export const AuditFilterSchema = z.object({
  subject: z.enum(AUDIT_SUBJECTS).optional().catch(undefined),
  /** An entry id: the page shows entries older than it (keyset pagination, newest first). */
  before: z.string().max(40).optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

/** A page of the log, newest first, with the actor's name; `next` is the cursor for the following page. */
export async function listAudit(filter: AuditFilter, take = 50) {
  const cursor = filter.before ? await prisma.auditEntry.findUnique({ where: { id: filter.before }, select: { at: true, id: true } }) : null;
  const rows = await prisma.auditEntry.findMany({
    where: {
      ...(filter.subject ? { subjectType: filter.subject } : {}),
      ...(cursor ? { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: take + 1,
    select: {
      id: true,
      at: true,
      action: true,
      subjectType: true,
      subjectId: true,
      summary: true,
      detail: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const entries = rows.slice(0, take).map((row) => ({ ...row, detail: readJsonColumn(AuditDetailColumn, row.detail, `detail of audit entry ${row.id}`) }));
  return { entries, next: rows.length > take ? rows[take - 1]!.id : null };
}

/** The latest entries about one subject (an account's history on its row). */
export function auditOf(subject: { type: AuditSubjectType; id: string }, take = 20) {
  return prisma.auditEntry.findMany({
    where: { subjectType: subject.type, subjectId: subject.id },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    select: { id: true, at: true, action: true, summary: true, actor: { select: { name: true } } },
  });
}
