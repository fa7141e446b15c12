// Integration (real Postgres): applying is deduplicated by email, stage moves are recorded, hiring creates the agent and a one-time invitation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import type { ApplicationInput } from "./application-form";
import { eraseApplicant, getApplicantDetail, submitApplication } from "./applicant.server";
import { bulkReject, moveApplication } from "./application.server";
import { hireApplicant } from "./hire.server";
import { acceptInvitation } from "./invitation.server";
import { createOpening } from "./opening.server";

const stamp = `${Date.now()}`;
const consent = { wordingVersion: "test-v1", retentionDays: 180 };
let openingA: string;
let openingB: string;
let recruiterId: string;

function applicant(overrides: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    name: "Venla Korhonen",
    email: `venla.${stamp}@mail.example`,
    country: "FI",
    timeZone: "Europe/Helsinki",
    languages: [{ language: "fi", level: "NATIVE" }],
    cohort: "student",
    school: "Tampere University",
    graduation: "2028-06",
    termTimeCapHours: 20,
    availability: [{ day: 0, from: "17:00", to: "21:00" }],
    hoursWanted: 15,
    quietRoom: true,
    headset: true,
    source: "careers",
    ...overrides,
  };
}

async function stagesOf(openingId: string) {
  const stages = await prisma.stage.findMany({ where: { openingId }, select: { id: true, name: true } });
  return Object.fromEntries(stages.map((s) => [s.name, s.id]));
}

beforeAll(async () => {
  const base = {
    description: "Evenings from home with Finnish customers.",
    status: "OPEN" as const,
    languages: [{ language: "fi", level: "C1" as const }],
    channels: ["CHAT" as const],
    cohorts: ["student" as const],
    countries: ["FI"],
    headcountTarget: 3,
    weeklyHoursMin: 8,
    weeklyHoursMax: 20,
    retentionDays: 180,
  };
  openingA = (await createOpening({ ...base, title: `Finnish chat ${stamp} A` })).id;
  openingB = (await createOpening({ ...base, title: `Finnish chat ${stamp} B` })).id;
  recruiterId = (
    await prisma.user.create({
      data: { email: `recruiter.${stamp}@handoff.example`, name: "Ingrid Solheim", role: "RECRUITER", passwordHash: "x" },
      select: { id: true },
    })
  ).id;
  await prisma.queue.upsert({ where: { key: "fi-chat" }, create: { key: "fi-chat", language: "fi", channel: "CHAT", name: "Finnish chat" }, update: {} });
});

afterAll(async () => {
  await prisma.application.deleteMany({ where: { openingId: { in: [openingA, openingB] } } });
  await prisma.opening.deleteMany({ where: { id: { in: [openingA, openingB] } } });
  await prisma.applicant.deleteMany({ where: { email: { contains: stamp } } });
  await prisma.user.deleteMany({ where: { email: { contains: stamp } } });
});

describe("applying", () => {
  it("updates the first application when the same email applies to the same opening, and links a second opening to the same applicant", async () => {
    const first = await submitApplication(openingA, applicant(), { consent });
    const again = await submitApplication(
      openingA,
      applicant({ name: "Venla Korhonen-Laine", email: `VENLA.${stamp}@mail.example`.toLowerCase(), hoursWanted: 18 }),
      { consent },
    );
    expect(again).toEqual({ applicantId: first.applicantId, applicationId: first.applicationId, created: false });
    expect(await prisma.application.count({ where: { applicantId: first.applicantId } })).toBe(1);
    const stored = await prisma.applicant.findUniqueOrThrow({
      where: { id: first.applicantId },
      select: { name: true, hoursWanted: true, _count: { select: { consents: true } } },
    });
    expect(stored).toEqual({ name: "Venla Korhonen-Laine", hoursWanted: 18, _count: { consents: 2 } });
    // The timeline says the applicant applied again and what changed; the same form again changes nothing.
    await submitApplication(openingA, applicant({ name: "Venla Korhonen-Laine", hoursWanted: 18 }), { consent });
    const detail = await getApplicantDetail(first.applicantId);
    const timeline = detail!.applications.find((a) => a.id === first.applicationId)!.reapplications;
    expect(timeline.map((r) => r.changes)).toEqual([["name", "hours wanted 15 → 18 h"], []]);

    // The same new email submitted twice at once still ends as one applicant with one application.
    const twin = `twin.${stamp}@mail.example`;
    const [a, b] = await Promise.all([
      submitApplication(openingA, applicant({ email: twin }), { consent }),
      submitApplication(openingA, applicant({ email: twin }), { consent }),
    ]);
    expect(a.applicationId).toBe(b.applicationId);
    expect(await prisma.application.count({ where: { applicant: { email: twin } } })).toBe(1);

    const other = await submitApplication(openingB, applicant(), { consent });
    expect(other.applicantId).toBe(first.applicantId);
    expect(other.created).toBe(true);
    expect(await prisma.application.count({ where: { applicantId: first.applicantId } })).toBe(2);
    // One "applied" history row per application, not per submission.
    expect(await prisma.stageChange.count({ where: { application: { applicantId: first.applicantId } } })).toBe(2);
  });
});

describe("stage history", () => {
  it("records who moved an application, from where, to where and why", async () => {
    const { applicationId } = await submitApplication(openingA, applicant({ email: `eero.${stamp}@mail.example`, name: "Eero Mäkinen" }), { consent });
    const stages = await stagesOf(openingA);
    expect(await moveApplication(applicationId, stages.Screening, recruiterId)).toEqual({ ok: true, changed: true });
    expect(await moveApplication(applicationId, stages.Screening, recruiterId)).toEqual({ ok: true, changed: false });
    expect(await moveApplication(applicationId, stages.Hired, recruiterId)).toMatchObject({ ok: false });
    expect(await moveApplication(applicationId, stages.Rejected, recruiterId)).toMatchObject({ ok: false, error: expect.stringContaining("reason") });
    const otherOpeningStage = (await stagesOf(openingB)).Interview;
    expect(await moveApplication(applicationId, otherOpeningStage, recruiterId)).toMatchObject({ ok: false });
    expect(await bulkReject([applicationId], "Availability does not match", recruiterId)).toEqual({ moved: 1, errors: [] });

    const history = await prisma.stageChange.findMany({
      where: { applicationId },
      orderBy: { createdAt: "asc" },
      select: { fromStage: { select: { name: true } }, toStage: { select: { name: true } }, byId: true, reason: true },
    });
    expect(history).toEqual([
      { fromStage: null, toStage: { name: "Applied" }, byId: null, reason: null },
      { fromStage: { name: "Applied" }, toStage: { name: "Screening" }, byId: recruiterId, reason: null },
      { fromStage: { name: "Screening" }, toStage: { name: "Rejected" }, byId: recruiterId, reason: "Availability does not match" },
    ]);
  });
});

describe("hiring", () => {
  it("respects a student's term-time cap, then creates the agent, its skills, the Hired move and a one-time invitation in the outbox", async () => {
    const email = `oona.${stamp}@mail.example`;
    const { applicantId, applicationId } = await submitApplication(openingA, applicant({ email, name: "Oona Laine" }), { consent });
    const queue = await prisma.queue.findUniqueOrThrow({ where: { key: "fi-chat" }, select: { id: true } });
    const input = { intent: "hire" as const, applicationId, startDate: "2027-01-11", weeklyMinHours: 8, weeklyMaxHours: 24, queueIds: [queue.id] };

    expect(await hireApplicant(applicantId, input, recruiterId, "https://handoff.example")).toMatchObject({ ok: false, field: "weeklyMaxHours" });
    expect(await prisma.user.count({ where: { email } })).toBe(0);

    const hired = await hireApplicant(applicantId, { ...input, weeklyMaxHours: 20 }, recruiterId, "https://handoff.example");
    expect(hired).toMatchObject({ ok: true, email });
    const agent = await prisma.agent.findUniqueOrThrow({
      where: { applicantId },
      select: {
        cohort: true,
        weeklyMaxMinutes: true,
        timeZone: true,
        availability: true,
        user: { select: { role: true, id: true } },
        skills: { select: { queueId: true } },
      },
    });
    expect(agent).toMatchObject({
      cohort: "student",
      weeklyMaxMinutes: 1200,
      timeZone: "Europe/Helsinki",
      user: { role: "AGENT" },
      skills: [{ queueId: queue.id }],
    });
    expect(agent.availability).toEqual([{ day: 0, from: "17:00", to: "21:00" }]);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: applicationId }, select: { stage: { select: { kind: true } } } })).stage.kind).toBe(
      "HIRED",
    );

    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.body)?.[1];
    expect(token).toBeTruthy();
    expect(await acceptInvitation(token!, "aurora-borealis-42")).toMatchObject({ id: agent.user.id });
    expect(await acceptInvitation(token!, "a-second-try-1234")).toBeNull();
    expect(await eraseApplicant(applicantId)).toBe("hired");
    await prisma.outboxMessage.deleteMany({ where: { to: email } });
  });
});
