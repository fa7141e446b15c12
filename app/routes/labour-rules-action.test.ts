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
  for (const [type, c] of Object.entries(f.byContract)) {
    for (const [k, v] of Object.entries(c)) if (typeof v === "string") body[`byContract.${type}.${k}`] = v;
    c.breaks.forEach((b, i) => {
      for (const [k, v] of Object.entries(b)) body[`byContract.${type}.breaks[${i}].${k}`] = v;
    });
  }
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

  it("gives a contract type its own lengths, rest and breaks, checked like the company's, and ignores them while it follows the company", async () => {
    const { version } = await currentRuleSet();
    const before = await stored();
    const students = {
      "byContract.student.own": "own",
      "byContract.student.shiftMinHours": "3",
      "byContract.student.shiftMaxHours": "5",
      "byContract.student.shiftStepHours": "1",
      "byContract.student.breaks[0].fromShiftHours": "4",
      "byContract.student.breaks[0].minutes": "15",
      "byContract.student.breaks[0].earliestAfterStartMinutes": "60",
      "byContract.student.breaks[0].latestBeforeEndMinutes": "60",
    };
    // A break as long as the shift, and breaks that fill a shift: field and form errors of the students' rules, in one round.
    const bad = await post(
      managerCookie,
      formFor(version, {
        ...students,
        "byContract.student.shiftMinHours": "1",
        "byContract.student.breaks[0].fromShiftHours": "1",
        "byContract.student.breaks[0].minutes": "60",
        "byContract.rural.own": "own",
        "byContract.rural.shiftMinHours": "2",
        "byContract.rural.shiftStepHours": "2",
        "byContract.rural.breaks[0].fromShiftHours": "2",
        "byContract.rural.breaks[0].minutes": "60",
        "byContract.rural.breaks[0].earliestAfterStartMinutes": "0",
        "byContract.rural.breaks[0].latestBeforeEndMinutes": "0",
        "byContract.rural.breaks[1].fromShiftHours": "2",
        "byContract.rural.breaks[1].minutes": "60",
        "byContract.rural.breaks[1].earliestAfterStartMinutes": "0",
        "byContract.rural.breaks[1].latestBeforeEndMinutes": "0",
        "byContract.rural.minRestHours": "",
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.result.error).toEqual({
      "byContract.student.breaks[0].minutes": ["A 1 h break is as long as the 1 h shift it applies to, or longer"],
      "byContract.rural.minRestHours": ["Enter the minimum rest"],
      "": ["Rural residents: The breaks of a 2 h shift add up to 2 h: no time left to work"],
    });
    expect(await stored()).toEqual(before);
    // Fields of a contract type on the company's rules are ignored, however they read.
    const ok = await post(managerCookie, formFor(version, { ...students, "byContract.rural.own": "same", "byContract.rural.shiftMinHours": "x" }));
    expect(ok.status).toBe(302);
    const now = await currentRuleSet();
    expect(now.rules.byContract).toEqual({
      student: {
        shifts: {
          shiftMinMinutes: 180,
          shiftMaxMinutes: 300,
          shiftStepMinutes: 60,
          minRestMinutes: 660,
          breaks: [{ fromShiftMinutes: 240, minutes: 15, earliestAfterStartMinutes: 60, latestBeforeEndMinutes: 60 }],
        },
      },
    });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { subjectType: "LabourRule", subjectId: now.id } });
    expect(entry.summary).toContain("Students: own shifts 3 h, 4 h, 5 h; rest 11 h; 15 min break from 4 h shifts");
    const page = await import("./_app.planning.rules").then((m) =>
      m.loader({ request: new Request(`http://localhost/planning/rules`, { headers: { Cookie: managerCookie } }), params: {}, context: {} }),
    );
    expect(page.shown.contracts.filter((c) => c.own).map((c) => c.type)).toEqual(["student"]);
    expect(page.shown.form.byContract.student).toMatchObject({ own: "own", shiftMinHours: "3", shiftMaxHours: "5" });
    expect(page.shown.form.byContract.rural).toMatchObject({ own: "same", shiftMinHours: "4", shiftMaxHours: "8" });
  });

  it("lets a recruiter change nothing", async () => {
    const { version } = await currentRuleSet();
    const r = await post(recruiterCookie, formFor(version, { minRestHours: "12" }));
    expect(r.status).toBe(403);
  });
});
