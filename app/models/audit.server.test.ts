// Integration (real Postgres): an audit entry is written with the change's transaction and rolls back with it.
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { listAudit, recordAudit } from "./audit.server";

const subjectId = `audit-test-${Date.now()}`;

afterAll(async () => {
  await prisma.auditEntry.deleteMany({ where: { subjectId: { startsWith: subjectId } } });
});

describe("recordAudit", () => {
  it("writes an entry that the log lists, newest first", async () => {
    await prisma.$transaction((tx) =>
      recordAudit(tx, {
        actorId: null,
        action: "labour_rule.updated",
        subject: { type: "LabourRule", id: subjectId },
        summary: "Rest between shifts: 11 h → 12 h",
        detail: { from: 11, to: 12 },
      }),
    );
    await prisma.$transaction((tx) =>
      recordAudit(tx, {
        actorId: null,
        action: "labour_rule.updated",
        subject: { type: "LabourRule", id: subjectId },
        summary: "Rest between shifts: 12 h → 10 h",
      }),
    );
    const { entries } = await listAudit({ subject: "LabourRule" });
    const mine = entries.filter((e) => e.subjectId === subjectId);
    expect(mine.map((e) => e.summary)).toEqual(["Rest between shifts: 12 h → 10 h", "Rest between shifts: 11 h → 12 h"]);
    expect(mine[1]!.detail).toEqual({ from: 11, to: 12 });
  });

  it("disappears with a transaction that fails after it", async () => {
    const id = `${subjectId}-rolled-back`;
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAudit(tx, { actorId: null, action: "capacity_plan.created", subject: { type: "CapacityPlan", id }, summary: "Plan Q1" });
        throw new Error("the change itself failed");
      }),
    ).rejects.toThrow("the change itself failed");
    expect(await prisma.auditEntry.count({ where: { subjectId: id } })).toBe(0);
  });

  it("refuses an action that is not a dotted verb", async () => {
    await expect(
      prisma.$transaction((tx) => recordAudit(tx, { actorId: null, action: "Updated!", subject: { type: "User", id: subjectId }, summary: "x" })),
    ).rejects.toThrow(/dotted/);
  });

  it("pages with a cursor", async () => {
    for (let i = 0; i < 3; i++) {
      await prisma.$transaction((tx) =>
        recordAudit(
          tx,
          { actorId: null, action: "capacity_plan.updated", subject: { type: "CapacityPlan", id: `${subjectId}-page` }, summary: `Edit ${i}` },
          new Date(Date.UTC(2020, 0, 1, 0, i)),
        ),
      );
    }
    const first = await listAudit({ subject: "CapacityPlan" }, 2);
    const all = [...first.entries];
    let next = first.next;
    while (next) {
      const page = await listAudit({ subject: "CapacityPlan", before: next }, 2);
      all.push(...page.entries);
      next = page.next;
    }
    expect(all.filter((e) => e.subjectId === `${subjectId}-page`).map((e) => e.summary)).toEqual(["Edit 2", "Edit 1", "Edit 0"]);
  });
});
