// Integration (real Postgres and Redis): the retention job anonymises expired, never-hired applicants once, and its daily scheduler is registered once.
import { QueueEvents, Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitApplication } from "../../app/models/applicant.server";
import { createOpening } from "../../app/models/opening.server";
import { prisma } from "../../app/utils/db.server";
import { env } from "../../app/utils/env.server";
import { createRedis } from "../../app/utils/redis.server";
import { enqueue, getQueue, registerRepeats } from "../queues";
import { processApplicantRetention } from "./applicant-retention";

const prefix = env().BULLMQ_PREFIX;
const worker = new Worker("applicant-retention", processApplicantRetention, { connection: createRedis("worker"), prefix, autorun: true });
const events = new QueueEvents("applicant-retention", { connection: createRedis("worker"), prefix });
const stamp = `${Date.now()}`;
// Applications from 2020 with 180 days' retention: expired by 2021, long before any demo or other test data.
const appliedAt = new Date("2020-03-02T10:00:00Z");
const asOf = "2021-01-01T00:00:00.000Z";
let openingId: string;
const created: string[] = [];

function person(name: string, email: string) {
  return {
    name,
    email,
    country: "SE",
    timeZone: "Europe/Stockholm",
    languages: [{ language: "sv", level: "NATIVE" as const }],
    cohort: "rural" as const,
    municipality: "Arvidsjaur",
    availability: [{ day: 1, from: "08:00", to: "16:00" }],
    hoursWanted: 30,
    quietRoom: true,
    headset: true,
    source: "employment-office",
  };
}

beforeAll(async () => {
  openingId = (
    await createOpening({
      title: `Swedish phone ${stamp}`,
      description: "Phone calls from home in Norrland.",
      status: "OPEN",
      languages: [{ language: "sv", level: "NATIVE" }],
      channels: ["PHONE"],
      cohorts: ["rural"],
      countries: ["SE"],
      headcountTarget: 2,
      weeklyHoursMin: 20,
      weeklyHoursMax: 37,
      retentionDays: 180,
    })
  ).id;
  await events.waitUntilReady();
});

afterAll(async () => {
  await prisma.application.deleteMany({ where: { openingId } });
  await prisma.opening.deleteMany({ where: { id: openingId } });
  await prisma.applicant.deleteMany({ where: { id: { in: created } } });
  await getQueue("applicant-retention").removeJobScheduler("applicant-retention-daily");
  await worker.close();
  await events.close();
  await getQueue("applicant-retention").close();
});

describe("applicant-retention job", () => {
  it("anonymises expired applicants who were not hired, keeps the hired one and the counts, and a second run finds nobody", async () => {
    const consent = { wordingVersion: "test-v1", retentionDays: 180 };
    const gone = await submitApplication(openingId, person("Maj-Britt Öhman", `majbritt.${stamp}@mail.example`), { consent, now: appliedAt });
    const kept = await submitApplication(openingId, person("Tor Lidström", `tor.${stamp}@mail.example`), { consent, now: appliedAt });
    created.push(gone.applicantId, kept.applicantId);
    const hired = await prisma.stage.findFirstOrThrow({ where: { openingId, kind: "HIRED" }, select: { id: true } });
    await prisma.application.update({ where: { id: kept.applicationId }, data: { stageId: hired.id } });
    await prisma.note.create({ data: { applicantId: gone.applicantId, body: "Maj-Britt can start in March." } });

    const first = await enqueue("applicant-retention", { requestedBy: "vitest", asOf });
    expect(await first.waitUntilFinished(events, 30_000)).toMatchObject({ anonymized: 1 });

    const erased = await prisma.applicant.findUniqueOrThrow({
      where: { id: gone.applicantId },
      select: {
        name: true,
        email: true,
        phone: true,
        municipality: true,
        anonymizedAt: true,
        cohort: true,
        _count: { select: { notes: true, applications: true } },
      },
    });
    expect(erased).toMatchObject({ name: "Erased applicant", phone: null, municipality: null, cohort: "rural", _count: { notes: 0, applications: 1 } });
    expect(erased.email).not.toContain("majbritt");
    expect(erased.anonymizedAt).not.toBeNull();
    expect((await prisma.applicant.findUniqueOrThrow({ where: { id: kept.applicantId }, select: { name: true } })).name).toBe("Tor Lidström");
    expect(await prisma.stageChange.count({ where: { application: { applicantId: gone.applicantId } } })).toBe(1);

    const second = await enqueue("applicant-retention", { requestedBy: "vitest", asOf });
    expect(await second.waitUntilFinished(events, 30_000)).toMatchObject({ anonymized: 0 });
  });

  it("registers the daily scheduler once however often the worker starts", async () => {
    await registerRepeats();
    await registerRepeats();
    const schedulers = await getQueue("applicant-retention").getJobSchedulers();
    expect(schedulers.filter((s) => s.key === "applicant-retention-daily")).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ pattern: "0 3 * * *", tz: "Europe/Stockholm" });
  });
});
