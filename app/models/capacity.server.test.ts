// Integration (real PostgreSQL): capacity inputs measured from seeded rows match values worked by hand; a cohort's
// overrides (band hours, ramp, costs) are validated, saved with who and when, audited and reset field by field;
// applying a plan to openings twice changes nothing the second time; a failing apply leaves every opening as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { measureLeadWeeks } from "../../jobs/planning/capacity-plan";
import { CohortSettingsSchema, cohortSettingOf } from "./capacity-form";
import {
  applyPlanToOpenings,
  effectiveCohorts,
  freezeOf,
  getPlanSettings,
  latestMeasurement,
  MEASUREMENT_MAX_AGE_MS,
  measureCohorts,
  resetCohortField,
  saveCohortSetting,
  savePlanSettings,
  SHORTFALL_COST_PER_HOUR,
} from "./capacity.server";
import { DEFAULT_STAGES } from "./recruiting-vocabulary";

const tag = `cap${Date.now().toString(36)}`;
const domain = `@${tag}.test`;
const now = new Date("2031-06-02T00:00:00Z");
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const scope = {
  agents: { user: { email: { endsWith: domain } } },
  applications: { applicant: { email: { endsWith: domain } } },
  applicants: { email: { endsWith: domain } },
};
const weekdays = (from: string, to: string) => [0, 1, 2, 3, 4].map((d) => ({ day: d, from, to }));

async function agent(
  name: string,
  startDate: string,
  leftAt: string | null,
  availability: { day: number; from: string; to: string }[],
  weeklyMaxMinutes: number,
) {
  await prisma.user.create({
    data: {
      email: `${name}${domain}`,
      name,
      role: "AGENT",
      passwordHash: "x",
      agent: {
        create: {
          cohort: "student",
          timeZone: "Europe/Helsinki",
          startDate: day(startDate),
          leftAt: leftAt ? day(leftAt) : null,
          active: !leftAt,
          weeklyMinMinutes: 0,
          weeklyMaxMinutes,
          availability,
        },
      },
    },
  });
}

async function opening(slug: string, language: string, status: "DRAFT" | "OPEN" | "CLOSED" = "OPEN") {
  return prisma.opening.create({
    data: {
      slug,
      title: `${tag} ${slug}`,
      description: "Integration opening",
      status,
      languages: [{ language, level: "C1" }],
      languageCodes: [language],
      channels: ["CHAT"],
      cohorts: ["student"],
      countries: ["FI"],
      headcountTarget: 2,
      weeklyHoursMin: 10,
      weeklyHoursMax: 20,
      stages: { create: DEFAULT_STAGES.map((s, position) => ({ ...s, position })) },
    },
    include: { stages: true },
  });
}

/** A finished run whose hires are given, with the context the page and apply read. */
async function runWith(name: string, hires: { skills: string[]; startWeek: number; count: number }[]) {
  const scenario = await prisma.capacityScenario.create({ data: { name: `${tag} ${name}` } });
  const result = {
    hires: hires.map((h) => ({ cohort: "student", skills: h.skills, week: h.startWeek - 4, startWeek: h.startWeek, count: h.count })),
    weeks: [],
    summary: {
      hires: hires.reduce((s, h) => s + h.count, 0),
      hireCost: 0,
      labourCost: 0,
      shortfallHours: 0,
      shortfallCost: 0,
      totalCost: 0,
      lowerBoundCost: 0,
      seconds: 1,
      status: "optimal",
      gap: 0,
    },
    context: {
      start: "2031-06-09",
      bands: ["weekday-day"],
      contacts: [],
      humanContacts: [],
      aiCost: 0,
      existingLabourCost: 0,
      hoursPerWeek: { student: 18 },
      trainingWeeks: { student: 1 },
      pipeline: [],
    },
  };
  return prisma.capacityRun.create({ data: { scenarioId: scenario.id, status: "SUCCEEDED", result } });
}

let actor = { id: "", name: "Maja Test" };

beforeAll(async () => {
  // Window: the 26 weeks before 2 June 2031, i.e. from 2 December 2030.
  await agent("anna", "2030-06-01", null, [...weekdays("17:00", "23:00"), { day: 5, from: "10:00", to: "20:00" }], 1200); // 26 weeks in the window
  await agent("bert", "2031-03-03", null, weekdays("08:00", "18:00"), 2400); // 13 weeks
  await agent("cleo", "2030-01-01", "2031-02-03", weekdays("17:00", "22:00"), 1200); // 9 weeks, left
  await agent("dani", "2031-04-28", "2031-05-26", weekdays("17:00", "22:00"), 1200); // 4 weeks, left
  const o = await opening(`${tag}-hist`, "fi", "CLOSED");
  const hired = o.stages.find((s) => s.kind === "HIRED")!;
  for (const [i, days] of [10, 20, 45].entries()) {
    const applicant = await prisma.applicant.create({
      data: {
        email: `hire${i}${domain}`,
        name: `Hire ${i}`,
        country: "FI",
        timeZone: "Europe/Helsinki",
        cohort: "student",
        hoursWanted: 20,
        retainUntil: day("2032-01-01"),
      },
    });
    const appliedAt = day("2031-01-05");
    await prisma.application.create({
      data: {
        applicantId: applicant.id,
        openingId: o.id,
        stageId: hired.id,
        source: "careers",
        createdAt: appliedAt,
        hiredAt: new Date(appliedAt.getTime() + days * 86_400_000),
      },
    });
  }
  const user = await prisma.user.create({ data: { email: `maja${domain}`, name: "Maja Test", role: "MANAGER", passwordHash: "x" } });
  actor = { id: user.id, name: user.name };
});

afterAll(async () => {
  await prisma.opening.deleteMany({ where: { title: { startsWith: tag } } });
  await prisma.opening.deleteMany({ where: { slug: { startsWith: "plan-z" } } });
  await prisma.capacityScenario.deleteMany({ where: { name: { startsWith: tag } } });
  await prisma.auditEntry.deleteMany({ where: { actorId: actor.id } });
  await prisma.applicant.deleteMany({ where: { email: { endsWith: domain } } });
  await prisma.user.deleteMany({ where: { email: { endsWith: domain } } });
});

describe("measured capacity inputs", () => {
  it("attrition = leavers ÷ agent-weeks in the window, worked by hand: 2 ÷ (26 + 13 + 9 + 4) = 2 ÷ 52", async () => {
    const student = (await measureCohorts(now, "2031-06-09", 4, scope)).find((c) => c.cohort === "student")!;
    expect(student.leavers).toBe(2);
    expect(student.agentWeeks).toBeCloseTo(52, 6);
    expect(student.attritionPerWeek).toBeCloseTo(2 / 52, 6);
    expect(student.agents).toBe(2);
  });

  it("lead time = median days to hire (10, 20, 45 → 20) in whole weeks (3) + training", async () => {
    const student = (await measureCohorts(now, "2031-06-09", 4, scope)).find((c) => c.cohort === "student")!;
    expect(student.hiresMeasured).toBe(3);
    expect(student.medianDaysToHire).toBe(20);
    expect(measureLeadWeeks([{ appliedAt: day("2031-01-01"), hiredAt: day("2031-01-21") }], 1).leadWeeks).toBe(4);
  });

  it("band hours = the mean of current agents' available hours per band, each day's capped at the longest shift, each person's at their weekly maximum", async () => {
    const student = (await measureCohorts(now, "2031-06-09", 4, scope)).find((c) => c.cohort === "student")!;
    // One shift a day of at most 8 h less its 30 min break: 7.5 h.
    // anna: evenings 5 × 6 h = 30 → capped 20, Saturday 10–20 = 10 → 7.5; bert: days to 17:00 5 × 9 h → 5 × 7.5 = 37.5, evenings 5 × 1 = 5.
    expect(student.dayCapHours).toBe(7.5);
    expect(student.bandHoursFrom).toBe("agents");
    expect(student.bandHours).toEqual({ "weekday-day": 18.8, "weekday-evening": 12.5, weekend: 3.8 });
    // No published schedule in the test world: hours a week are the contract maximum.
    expect(student.scheduled).toBeNull();
    expect(student.hoursPerWeek).toEqual([30, 30, 30, 30]);
  });
});

describe("the measurement the capacity page shows", () => {
  const later = (ms: number) => new Date(now.getTime() + ms);

  it("is kept while the roster stays as it was, and taken again when an agent changes or a new week begins", async () => {
    const first = await latestMeasurement(now);
    expect(await latestMeasurement(later(60_000))).toBe(first);
    // Anna's leaving reason is edited: the roster changed, so the next load measures again.
    await prisma.agent.updateMany({ where: { user: { email: `anna${domain}` } }, data: { leaveReason: null } });
    const afterEdit = await latestMeasurement(later(120_000));
    expect(afterEdit).not.toBe(first);
    expect(afterEdit.measuredAt).toEqual(later(120_000));
    expect(afterEdit.cohorts).toEqual(await measureCohorts(later(120_000)));
    // Monday 2 June 2031 + 7 days: week 0 of the plan moves, so the hours per week are measured again.
    const nextWeek = await latestMeasurement(later(7 * 86_400_000));
    expect(nextWeek.start).toBe("2031-06-16");
  });

  it("once older than its age limit, is shown while it is taken again in the background", async () => {
    const kept = await latestMeasurement(now);
    const stale = later(MEASUREMENT_MAX_AGE_MS + 1);
    expect(await latestMeasurement(stale)).toBe(kept);
    await expect.poll(async () => (await latestMeasurement(stale)).measuredAt).toEqual(stale);
  });
});

describe("apply a plan to openings", () => {
  it("sets targets and creates draft openings once; the second apply changes nothing", async () => {
    const existing = await opening(`${tag}-zy`, "zy");
    const run = await runWith("twice", [
      { skills: ["zy-chat"], startWeek: 6, count: 3 },
      { skills: ["zz-chat"], startWeek: 8, count: 2 },
    ]);
    const first = await applyPlanToOpenings(run.id, actor);
    expect(first).toEqual({ created: 1, changed: 1, unchanged: 0 });
    const after1 = await prisma.opening.findMany({
      where: { OR: [{ id: existing.id }, { slug: "plan-zz-chat-student" }] },
      include: { planTargets: true },
      orderBy: { slug: "asc" },
    });
    expect(after1.map((o) => [o.status, o.headcountTarget, o.planTargets[0]?.headcount, o.planTargets[0]?.hireBy.toISOString().slice(0, 10)])).toEqual([
      ["OPEN", 3, 3, "2031-07-14"],
      ["DRAFT", 2, 2, "2031-07-28"],
    ]);
    const audits1 = await prisma.auditEntry.count({ where: { subjectId: run.id } });
    expect(audits1).toBe(1);

    const second = await applyPlanToOpenings(run.id, actor);
    expect(second).toEqual({ created: 0, changed: 0, unchanged: 2 });
    const after2 = await prisma.opening.findMany({
      where: { OR: [{ id: existing.id }, { slug: "plan-zz-chat-student" }] },
      include: { planTargets: true },
      orderBy: { slug: "asc" },
    });
    expect(after2).toEqual(after1);
    expect(await prisma.auditEntry.count({ where: { subjectId: run.id } })).toBe(1);

    // A later plan that changes the target says what it was.
    const later = await runWith("later", [{ skills: ["zy-chat"], startWeek: 6, count: 5 }]);
    await applyPlanToOpenings(later.id, actor);
    const changed = await prisma.openingPlanTarget.findUnique({
      where: { openingId_queueKey_cohort: { openingId: existing.id, queueKey: "zy-chat", cohort: "student" } },
    });
    expect([changed?.headcount, changed?.previousHeadcount]).toEqual([5, 3]);
  });

  it("a failing apply leaves every opening as it was", async () => {
    const target = await opening(`${tag}-zt`, "zt");
    // The draft this plan would create has a slug that is taken: the create fails after the first opening was changed.
    await opening("plan-zw-chat-student", "zw", "CLOSED");
    const before = await prisma.opening.findMany({ where: { title: { startsWith: tag } }, include: { planTargets: true }, orderBy: { slug: "asc" } });
    const run = await runWith("failing", [
      { skills: ["zw-chat"], startWeek: 6, count: 4 },
      { skills: ["zt-chat"], startWeek: 6, count: 4 },
    ]);
    await expect(applyPlanToOpenings(run.id, actor)).rejects.toThrow();
    const after = await prisma.opening.findMany({ where: { title: { startsWith: tag } }, include: { planTargets: true }, orderBy: { slug: "asc" } });
    expect(after).toEqual(before);
    expect(after.find((o) => o.id === target.id)?.planTargets).toEqual([]);
    expect(await prisma.auditEntry.count({ where: { subjectId: run.id } })).toBe(0);
  });
});

describe("a scenario's hiring freeze", () => {
  it("freezes the decision weeks that begin before its date, the week holding the date too", () => {
    // Week 0 starts Monday 9 June 2031.
    expect(freezeOf("2031-06-09", "2031-06-23")).toEqual([{ fromWeek: 0, toWeek: 1 }]);
    expect(freezeOf("2031-06-09", "2031-06-25")).toEqual([{ fromWeek: 0, toWeek: 2 }]);
    expect(freezeOf("2031-06-09", "2031-06-09")).toEqual([]);
    expect(freezeOf("2031-06-09", "2031-05-01")).toEqual([]);
    expect(freezeOf("2031-06-09", undefined)).toEqual([]);
  });
});

describe("cohort inputs overridden on the card", () => {
  const form = (over: Record<string, string>) => ({ intent: "cohort", cohort: "loyal-customer", trainingWeeks: "1", ...over });
  const errorsOf = (input: Record<string, string>) => {
    const r = CohortSettingsSchema.safeParse(input);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it("names the field in every error: a ramp that falls, a band longer than the band, lead weeks shorter than training", () => {
    expect(errorsOf(form({ ramp: "80, 60" }))).toEqual({ ramp: "Ramp: values must rise week by week to 100 % (e.g. 50, 75)" });
    expect(errorsOf(form({ ramp: "50, 120" }))).toEqual({ ramp: "Ramp: each week's productivity from 1 to 100 %" });
    expect(errorsOf(form({ ramp: "half" }))).toEqual({ ramp: "Ramp: percentages for the first weeks, separated by commas (e.g. 50, 75)" });
    expect(errorsOf(form({ bandDay: "90" }))).toEqual({ bandDay: "Weekday days to 17:00: a number from 0 to 85 h (the band's length)" });
    expect(errorsOf(form({ leadWeeks: "2", trainingWeeks: "3" }))).toEqual({ leadWeeks: "Lead weeks: at least the 3 training weeks they include" });
    // In the same round as another field's error (a missing cohort, a bad ramp), not after it is fixed.
    expect(errorsOf(form({ leadWeeks: "2", trainingWeeks: "3", ramp: "half", cohort: "" }))).toEqual({
      cohort: "Cohort: one of student, rural, loyal-customer",
      ramp: "Ramp: percentages for the first weeks, separated by commas (e.g. 50, 75)",
      leadWeeks: "Lead weeks: at least the 3 training weeks they include",
    });
    // A training field that fails on its own is not compared.
    expect(errorsOf(form({ leadWeeks: "2", trainingWeeks: "13" }))).toEqual({ trainingWeeks: "Training weeks: a whole number from 0 to 12" });
    expect(errorsOf(form({ attritionPercent: "-1", hireCost: "abc" }))).toEqual({
      attritionPercent: "Attrition: a number from 0 to 20 % a week",
      hireCost: "Cost per hire: a number from 0 to 100,000 €",
    });
    const ok = CohortSettingsSchema.parse(form({ ramp: "40 %, 70 %, 90 %", bandEvening: "10", bandDay: "", costPerHour: "21.5" }));
    expect(cohortSettingOf(ok)).toEqual({
      hoursPerWeek: null,
      bandHours: { "weekday-evening": 10 },
      attritionPerWeek: null,
      leadWeeks: null,
      trainingWeeks: 1,
      ramp: [0.4, 0.7, 0.9],
      costPerHour: 21.5,
      hireCost: null,
    });
  });

  it("saves band hours, ramp and cost with who and when, audits the fields, and resets one field at a time", async () => {
    const cohort = "loyal-customer" as const;
    const before = await prisma.cohortSetting.findUnique({ where: { cohort } });
    try {
      await prisma.cohortSetting.deleteMany({ where: { cohort } });
      const measured = (await effectiveCohorts(now)).find((c) => c.cohort === cohort)!;
      const input = cohortSettingOf(CohortSettingsSchema.parse(form({ ramp: "40, 70, 90", bandEvening: "10", costPerHour: "21.5" })));
      expect(await saveCohortSetting(cohort, input, actor)).toEqual(["bandHours.weekday-evening", "ramp", "costPerHour"]);
      const saved = (await effectiveCohorts(now)).find((c) => c.cohort === cohort)!;
      expect(saved.bandHours).toEqual({ ...measured.bandHours, "weekday-evening": 10 });
      expect(saved.ramp).toEqual([0.4, 0.7, 0.9]);
      expect(saved.costPerHour).toBe(21.5);
      expect(saved.attritionPerWeek).toBe(measured.attritionPerWeek);
      expect(saved.overridden.sort()).toEqual(["bandHours.weekday-evening", "costPerHour", "ramp"]);
      expect(saved.updatedByName).toBe("Maja Test");
      expect(saved.updatedAt).toBeInstanceOf(Date);
      // Saving the same again changes nothing and writes no audit entry.
      expect(await saveCohortSetting(cohort, input, actor)).toEqual([]);
      const audits = await prisma.auditEntry.findMany({ where: { actorId: actor.id, subjectId: cohort }, orderBy: { at: "asc" } });
      expect(audits.map((a) => a.summary)).toEqual(["Maja Test changed weekday evenings from 17:00 hours, ramp, cost per hour for Loyal customer"]);

      expect(await resetCohortField(cohort, "bandHours.weekday-evening", actor)).toEqual(["bandHours.weekday-evening"]);
      expect(await resetCohortField(cohort, "ramp", actor)).toEqual(["ramp"]);
      const reset = (await effectiveCohorts(now)).find((c) => c.cohort === cohort)!;
      expect(reset.bandHours).toEqual(measured.bandHours);
      expect(reset.ramp).toEqual(measured.ramp);
      expect(reset.costPerHour).toBe(21.5);
      expect(reset.overridden).toEqual(["costPerHour"]);
      const row = await prisma.cohortSetting.findUnique({ where: { cohort } });
      expect([row?.bandHours, row?.ramp]).toEqual([null, null]);
      const after = await prisma.auditEntry.findMany({ where: { actorId: actor.id, subjectId: cohort }, orderBy: { at: "asc" } });
      expect(after.slice(1).map((a) => a.summary)).toEqual([
        "Maja Test reset to measured: weekday evenings from 17:00 hours for Loyal customer",
        "Maja Test reset to measured: ramp for Loyal customer",
      ]);
    } finally {
      await prisma.cohortSetting.deleteMany({ where: { cohort } });
      if (before) await prisma.cohortSetting.create({ data: { ...before, bandHours: before.bandHours ?? undefined, ramp: before.ramp ?? undefined } });
    }
  });

  it("the cost of an hour short is a plan-wide override, audited, and resets to the default", async () => {
    const before = await prisma.capacitySetting.findUnique({ where: { id: "plan" } });
    try {
      await prisma.capacitySetting.deleteMany({});
      expect((await getPlanSettings()).shortfallCostPerHour).toBe(SHORTFALL_COST_PER_HOUR);
      expect(await savePlanSettings({ shortfallCostPerHour: 200 }, actor)).toBe(true);
      expect(await getPlanSettings()).toMatchObject({ shortfallCostPerHour: 200, overridden: true, updatedByName: "Maja Test" });
      expect(await savePlanSettings({ shortfallCostPerHour: 200 }, actor)).toBe(false);
      await savePlanSettings({ shortfallCostPerHour: null }, actor);
      expect(await getPlanSettings()).toMatchObject({ shortfallCostPerHour: SHORTFALL_COST_PER_HOUR, overridden: false });
      const audits = await prisma.auditEntry.findMany({ where: { actorId: actor.id, subjectId: "plan" }, orderBy: { at: "asc" } });
      expect(audits.map((a) => a.summary)).toEqual([
        `Maja Test changed the cost of an hour short: the default €${SHORTFALL_COST_PER_HOUR} → €200`,
        `Maja Test changed the cost of an hour short: €200 → the default €${SHORTFALL_COST_PER_HOUR}`,
      ]);
    } finally {
      await prisma.capacitySetting.deleteMany({});
      if (before) await prisma.capacitySetting.create({ data: before });
    }
  });
});
