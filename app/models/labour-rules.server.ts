// Labour rule sets: versions of the company's rules. Saving writes a new version with its audit entry in one
// transaction; schedule runs take the current version and remember it; older versions stay readable.
import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { DEFAULT_LABOUR_RULES, describeChanges, LabourRulesColumn, type LabourRules } from "./labour-rules";
import { readJsonColumn } from "./json-columns";

export type RuleSet = { id: string; version: number; rules: LabourRules; createdByName: string; createdAt: Date };

const SELECT = { id: true, version: true, rules: true, createdByName: true, createdAt: true } as const;

function toRuleSet(row: { id: string; version: number; rules: unknown; createdByName: string; createdAt: Date }): RuleSet {
  return { ...row, rules: readJsonColumn(LabourRulesColumn, row.rules, `labour rules v${row.version}`) };
}

/** The rules as a JSON column value (optional fields left out rather than undefined). */
function asJson(rules: LabourRules): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(rules)) as Prisma.InputJsonObject;
}

/** Version 1 (the rules that were constants in code) when no version exists yet; idempotent and safe to race. */
export async function ensureRuleSet(db: Prisma.TransactionClient | typeof prisma = prisma) {
  return db.labourRuleSet.upsert({
    where: { version: 1 },
    create: { version: 1, rules: asJson(DEFAULT_LABOUR_RULES), createdByName: "Handoff (the original rules)" },
    update: {},
    select: { id: true },
  });
}

/** The rules the next schedule run uses: the newest version. */
export async function currentRuleSet(): Promise<RuleSet> {
  const row = await prisma.labourRuleSet.findFirst({ orderBy: { version: "desc" }, select: SELECT });
  if (row) return toRuleSet(row);
  await ensureRuleSet();
  return currentRuleSet();
}

export async function ruleSetByVersion(version: number): Promise<RuleSet | null> {
  const row = await prisma.labourRuleSet.findUnique({ where: { version }, select: SELECT });
  return row ? toRuleSet(row) : null;
}

/** The rules a schedule was built with; a schedule built before rules were versioned is checked against the current ones. */
export async function ruleSetForSchedule(ruleSetId: string | null): Promise<RuleSet> {
  const row = ruleSetId ? await prisma.labourRuleSet.findUnique({ where: { id: ruleSetId }, select: SELECT }) : null;
  return row ? toRuleSet(row) : currentRuleSet();
}

/** Which version a schedule was built with, and the current one, for the schedule page's line about its rules. */
export async function ruleSetLabel(ruleSetId: string | null) {
  const [built, current] = await Promise.all([
    ruleSetId ? prisma.labourRuleSet.findUnique({ where: { id: ruleSetId }, select: { version: true, createdByName: true, createdAt: true } }) : null,
    prisma.labourRuleSet.findFirst({ orderBy: { version: "desc" }, select: { version: true } }),
  ]);
  return { built, currentVersion: current?.version ?? null };
}

/** Every version, newest first, each with what it changed from the one before. */
export async function ruleSetHistory(take = 30) {
  const rows = await prisma.labourRuleSet.findMany({ orderBy: { version: "desc" }, take: take + 1, select: SELECT });
  const sets = rows.map(toRuleSet);
  return sets.slice(0, take).map((set, i) => {
    const previous = sets[i + 1];
    return { ...set, changes: previous ? describeChanges(previous.rules, set.rules) : [] };
  });
}

export type SaveRulesResult = { ok: true; version: number; changes: string[] } | { ok: false; conflict: string };

/**
 * Saves `rules` as the next version if the current one is still `baseVersion` (two managers saving at
 * once: the second is told to reload instead of overwriting what they did not see). Saving rules equal to
 * the current ones writes nothing.
 */
export async function saveRuleSet(rules: LabourRules, baseVersion: number, actor: { id: string; name: string }, now = new Date()): Promise<SaveRulesResult> {
  try {
    return await prisma.$transaction(async (tx) => {
      await ensureRuleSet(tx);
      const current = toRuleSet(await tx.labourRuleSet.findFirstOrThrow({ orderBy: { version: "desc" }, select: SELECT }));
      if (current.version !== baseVersion)
        return {
          ok: false as const,
          conflict: `Someone saved version ${current.version} since you opened this page. Reload to see it, then make your change.`,
        };
      const changes = describeChanges(current.rules, rules);
      if (changes.length === 0) return { ok: true as const, version: current.version, changes };
      const version = current.version + 1;
      const created = await tx.labourRuleSet.create({
        data: { version, rules: asJson(rules), createdById: actor.id, createdByName: actor.name, createdAt: now },
        select: { id: true },
      });
      await recordAudit(
        tx,
        {
          actorId: actor.id,
          action: "labour_rule.updated",
          subject: { type: "LabourRule", id: created.id },
          summary: `${actor.name} saved labour rules version ${version}: ${changes.join("; ")}`,
          detail: { version, from: asJson(current.rules), to: asJson(rules) },
        },
        now,
      );
      return { ok: true as const, version, changes };
    });
  } catch (error) {
    // Two saves from the same base at once: the unique version lets one through.
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, conflict: "Someone saved the rules at the same moment. Reload to see their version, then make your change." };
    throw error;
  }
}
