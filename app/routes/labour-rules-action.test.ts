// Integration: the labour rules form refuses an invalid rule set with field errors and stores nothing; a
// valid one becomes the next version with its audit entry; a stale form and a recruiter are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LABOUR_RULES, rulesFormDefaults } from "~/models/labour-rules";
import { currentRuleSet, saveRuleSet } from "~/models/labour-rules.server";
import { createSession } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { runAction } from "~/utils/route-action.testing";

const stamp = `${Date.now()}`;
let managerCookie = "";
let recruiterCookie = "";
let managerId = "";

/** The form as the page posts it for `rules`, with `changes` typed over it. */
function formFor(baseVersion: number, changes: Record<string, string> = {}) {
  const f = rulesFormDefaults(DEFAULT_LABOUR_RULES);
  const body: Record<string, string> = {
    baseVersion: String(baseVersion),
    shiftMinHours: f.shiftMinHours,
    shiftMaxHours: f.shiftMaxHours,
    shiftStepHours: f.shiftStepHours,
    minRestHours: f.minRestHours,
    maxShiftsPerWeek: f.maxShiftsPerWeek,
  };
  f.breaks.forEach((b, i) => {
    for (const [k, v] of Object.entries(b)) body[`breaks[${i}].${k}`] = v;
  });
  for (const [type, v] of Object.entries(f.byContract)) body[`byContract.${type}.maxShiftsPerWeek`] = v;
  return { ...body, ...changes };
}

async function post(cookie: string, body: Record<string, string>) {
  const route = await import("./_app.planning.rules");
  const request = new Request("http://localhost/planning/rules", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body).toString(),
  });
  return runAction(route.action, request);
}

const stored = async () => ({ versions: await prisma.labourRuleSet.count(), audit: await prisma.auditEntry.count({ where: { subjectType: "LabourRule" } }) });

beforeAll(async () => {
  const manager = await prisma.user.create({
    data: { email: `rules-manager.${stamp}@handoff.example`, name: "Mona Rules", role: "MANAGER", passwordHash: "x" },
  });
  const recruiter = await prisma.user.create({
    data: { email: `rules-recruiter.${stamp}@handoff.example`, name: "Rita Rules", role: "RECRUITER", passwordHash: "x" },
  });
  managerId = manager.id;
  managerCookie = (await createSession(manager.id, "test")).split(";")[0]!;
  recruiterCookie = (await createSession(recruiter.id, "test")).split(";")[0]!;
});

afterAll(async () => {
  const now = await currentRuleSet();
  await saveRuleSet(DEFAULT_LABOUR_RULES, now.version, { id: managerId, name: "vitest" });
  await prisma.user.deleteMany({ where: { email: { contains: `.${stamp}@` } } });
});

describe("labour rules action (/planning/rules)", () => {
  it("refuses an invalid rule set with an error on each bad field, and stores nothing", async () => {
    const { version } = await currentRuleSet();
    const before = await stored();
    const r = await post(
      managerCookie,
      formFor(version, { shiftMinHours: "9", minRestHours: "eleven", "breaks[0].minutes": "7", "byContract.student.maxShiftsPerWeek": "9" }),
    );
    expect(r.status).toBe(400);
    // Every problem in one round: the fields wrong on their own and the rules that contradict each other.
    expect(Object.keys(r.data.result.error).sort()).toEqual(["breaks[0].minutes", "byContract.student.maxShiftsPerWeek", "minRestHours", "shiftMinHours"]);
    expect(r.data.result.error.minRestHours).toEqual([expect.stringMatching(/number of hours/)]);
    // Rules checked against each other: the shortest shift above the longest, and a break as long as its shift.
    const minMax = await post(managerCookie, formFor(version, { shiftMinHours: "9" }));
    expect(minMax.status).toBe(400);
    expect(minMax.data.result.error).toEqual({ shiftMinHours: ["The shortest shift (9 h) is longer than the longest (8 h)"] });
    const longBreak = await post(
      managerCookie,
      formFor(version, { shiftMinHours: "1", "breaks[0].fromShiftHours": "1", "breaks[0].minutes": "60", "breaks[0].earliestAfterStartMinutes": "0" }),
    );
    expect(longBreak.data.result.error).toEqual({ "breaks[0].minutes": ["A 1 h break is as long as the 1 h shift it applies to, or longer"] });
    expect(await stored()).toEqual(before);
  });

  it("saves a valid change as the next version with its audit entry, and refuses a form opened before it", async () => {
    const { version } = await currentRuleSet();
    const before = await stored();
    const r = await post(managerCookie, formFor(version, { minRestHours: "12", "byContract.student.maxShiftsPerWeek": "4" }));
    expect(r.status).toBe(302);
    const now = await currentRuleSet();
    expect(now).toMatchObject({ version: version + 1, createdByName: "Mona Rules" });
    expect(now.rules).toMatchObject({ minRestMinutes: 720, byContract: { student: { maxShiftsPerWeek: 4 } } });
    expect(await stored()).toEqual({ versions: before.versions + 1, audit: before.audit + 1 });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { subjectType: "LabourRule", subjectId: now.id } });
    expect(entry.summary).toBe(`Mona Rules saved labour rules version ${version + 1}: minimum rest 11 h → 12 h; Students: shifts a week company rule → 4`);
    // The older version stays readable as it was.
    const older = await import("./_app.planning.rules").then((m) =>
      m.loader({ request: new Request(`http://localhost/planning/rules?version=${version}`, { headers: { Cookie: managerCookie } }), params: {}, context: {} }),
    );
    expect(older.shown).toMatchObject({ version, form: { minRestHours: String(DEFAULT_LABOUR_RULES.minRestMinutes / 60) } });
    expect(older.isCurrent).toBe(false);
    // A second manager who opened the page at the old version is told to reload, and nothing is stored.
    const stale = await post(managerCookie, formFor(version, { minRestHours: "13" }));
    expect(stale.status).toBe(409);
    expect(await stored()).toEqual({ versions: before.versions + 1, audit: before.audit + 1 });
  });

  it("lets a recruiter change nothing", async () => {
    const { version } = await currentRuleSet();
    const r = await post(recruiterCookie, formFor(version, { minRestHours: "12" }));
    expect(r.status).toBe(403);
  });
});
