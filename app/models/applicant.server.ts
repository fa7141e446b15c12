// Applicants: applying (deduplicated by email), everything the applicant page shows, the data export, and erasure (by hand or after retention).
import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import type { ApplicationInput } from "./application-form";
import { utcHoursOfWeek } from "./availability";
import { AvailabilityColumn, LanguagesColumn, readJsonColumn, sameJson } from "./json-columns";

type Tx = Prisma.TransactionClient;

type ApplicantFields = Record<string, unknown> & { hoursWanted: number; cohort: string; country: string; timeZone: string };

/** Fields a repeat application can change, in the words the timeline uses. */
const CHANGE_LABELS: Record<string, string> = {
  name: "name",
  phone: "phone",
  country: "country",
  region: "region",
  timeZone: "time zone",
  cohort: "cohort",
  school: "school",
  graduation: "graduation",
  termTimeCapHours: "term-time hours",
  municipality: "municipality",
  customerSince: "customer since",
  customerId: "customer number",
  hoursWanted: "hours wanted",
  quietRoom: "quiet room",
  headset: "headset",
  broadbandMbps: "broadband",
  languages: "languages",
  availability: "availability",
};
/** Shown with their old and new values; the rest (personal details such as the phone) by name only. */
const SHOWN_VALUES = new Set(["country", "timeZone", "cohort", "hoursWanted"]);

/** What a repeat application changed: ["hours wanted 20 → 30 h", "availability"]. */
function describeApplicantChanges(before: Record<string, unknown>, after: ApplicantFields): string[] {
  const out: string[] = [];
  for (const [field, label] of Object.entries(CHANGE_LABELS)) {
    const was = before[field] ?? null;
    const now = after[field] ?? null;
    if (sameJson(was, now)) continue;
    if (!SHOWN_VALUES.has(field)) out.push(label);
    else if (field === "hoursWanted") out.push(`${label} ${String(was)} → ${String(now)} h`);
    else out.push(`${label} ${String(was)} → ${String(now)}`);
  }
  return out;
}

export type SubmitOptions = {
  source?: string;
  consent: { wordingVersion: string; retentionDays: number };
  byId?: string | null;
  now?: Date;
};

/**
 * Files an application. The applicant is found by email: a repeat application to the same opening
 * updates the first (its stage is kept), one to another opening is linked to the same applicant.
 */
export async function submitApplication(openingId: string, input: ApplicationInput, options: SubmitOptions, tx?: Tx) {
  const run = async (db: Tx) => {
    const now = options.now ?? new Date();
    const retainUntil = new Date(now.getTime() + options.consent.retentionDays * 24 * 3600_000);
    const { availability, languages, source, ...personal } = input;
    const fields = {
      ...personal,
      phone: personal.phone ?? null,
      region: personal.region ?? null,
      school: personal.cohort === "student" ? (personal.school ?? null) : null,
      graduation: personal.cohort === "student" ? (personal.graduation ?? null) : null,
      termTimeCapHours: personal.cohort === "student" ? (personal.termTimeCapHours ?? null) : null,
      municipality: personal.cohort === "rural" ? (personal.municipality ?? null) : null,
      customerSince: personal.cohort === "loyal-customer" ? (personal.customerSince ?? null) : null,
      customerId: personal.cohort === "loyal-customer" ? (personal.customerId ?? null) : null,
      broadbandMbps: personal.broadbandMbps ?? null,
      languages,
      languageCodes: languages.map((l) => l.language),
      availability,
      availableHours: utcHoursOfWeek(availability, personal.timeZone, now),
    };
    const existing = await db.applicant.findUnique({
      where: { email: input.email },
      select: { id: true, retainUntil: true, ...Object.fromEntries(Object.keys(CHANGE_LABELS).map((f) => [f, true])) },
    });
    const applicant = existing
      ? await db.applicant.update({
          where: { id: existing.id },
          data: { ...fields, retainUntil: existing.retainUntil > retainUntil ? existing.retainUntil : retainUntil },
          select: { id: true },
        })
      : await db.applicant.create({ data: { ...fields, retainUntil, createdAt: now }, select: { id: true } });
    await db.consent.create({ data: { applicantId: applicant.id, ...options.consent, givenAt: now } });

    const previous = await db.application.findUnique({ where: { applicantId_openingId: { applicantId: applicant.id, openingId } }, select: { id: true } });
    if (previous) {
      // The timeline says so, with what changed (the stage is kept).
      const changes = existing ? describeApplicantChanges(existing as Record<string, unknown>, fields) : [];
      await db.application.update({ where: { id: previous.id }, data: { updatedAt: now, reapplications: { create: { changes, createdAt: now } } } });
      return { applicantId: applicant.id, applicationId: previous.id, created: false };
    }
    const first = await db.stage.findFirst({ where: { openingId, kind: "ACTIVE" }, orderBy: { position: "asc" }, select: { id: true } });
    if (!first) throw new Error(`Opening ${openingId} has no active stage`);
    const application = await db.application.create({
      data: {
        applicantId: applicant.id,
        openingId,
        stageId: first.id,
        source: options.source ?? source,
        createdAt: now,
        stageEnteredAt: now,
        stageChanges: { create: { toStageId: first.id, byId: options.byId ?? null, createdAt: now } },
      },
      select: { id: true },
    });
    return { applicantId: applicant.id, applicationId: application.id, created: true };
  };
  if (tx) return run(tx);
  try {
    return await prisma.$transaction(run);
  } catch (error) {
    // Two submissions with the same new email at once: the loser hits the unique index; the retry finds the winner.
    if ((error as { code?: string }).code === "P2002") return prisma.$transaction(run);
    throw error;
  }
}

/** Everything the applicant page shows; `null` when the id is unknown or the applicant was erased. */
export async function getApplicantDetail(applicantId: string) {
  const applicant = await prisma.applicant.findFirst({
    where: { id: applicantId, anonymizedAt: null },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      country: true,
      region: true,
      timeZone: true,
      languages: true,
      cohort: true,
      school: true,
      graduation: true,
      termTimeCapHours: true,
      municipality: true,
      customerSince: true,
      customerId: true,
      availability: true,
      hoursWanted: true,
      quietRoom: true,
      headset: true,
      broadbandMbps: true,
      retainUntil: true,
      createdAt: true,
      consents: { orderBy: { givenAt: "desc" }, take: 1, select: { wordingVersion: true, givenAt: true, retentionDays: true } },
      notes: { orderBy: { createdAt: "desc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
      applications: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          source: true,
          createdAt: true,
          closedReason: true,
          hiredAt: true,
          stage: { select: { id: true, name: true, kind: true } },
          opening: {
            select: {
              id: true,
              title: true,
              channels: true,
              languageCodes: true,
              weeklyHoursMin: true,
              weeklyHoursMax: true,
              stages: { orderBy: { position: "asc" }, select: { id: true, name: true, kind: true } },
            },
          },
          reapplications: { orderBy: { createdAt: "asc" }, select: { id: true, createdAt: true, changes: true } },
          stageChanges: {
            orderBy: { createdAt: "asc" },
            select: {
              id: true,
              createdAt: true,
              reason: true,
              fromStage: { select: { name: true } },
              toStage: { select: { name: true } },
              by: { select: { name: true } },
            },
          },
          interviews: {
            orderBy: { startsAt: "asc" },
            select: { id: true, startsAt: true, durationMinutes: true, link: true, interviewer: { select: { name: true } } },
          },
          scorecards: {
            orderBy: { createdAt: "desc" },
            select: {
              id: true,
              fluency: true,
              empathy: true,
              writtenClarity: true,
              problemSolving: true,
              recommendation: true,
              comment: true,
              createdAt: true,
              author: { select: { name: true } },
            },
          },
        },
      },
    },
  });
  if (!applicant) return null;
  const agent = await prisma.agent.findUnique({ where: { applicantId }, select: { id: true, startDate: true, user: { select: { email: true } } } });
  return {
    ...applicant,
    languages: readJsonColumn(LanguagesColumn, applicant.languages, "applicant languages"),
    availability: readJsonColumn(AvailabilityColumn, applicant.availability, "applicant availability"),
    agent,
  };
}

export type ApplicantDetail = NonNullable<Awaited<ReturnType<typeof getApplicantDetail>>>;

export type ApplicationDetail = ApplicantDetail["applications"][number];

/** One applicant's data as stored, for a subject-access request. */
export async function exportApplicantData(applicantId: string) {
  return prisma.applicant.findFirst({
    where: { id: applicantId, anonymizedAt: null },
    include: {
      consents: { omit: { applicantId: true } },
      notes: { select: { body: true, createdAt: true, author: { select: { name: true } } } },
      applications: {
        select: {
          createdAt: true,
          source: true,
          closedReason: true,
          opening: { select: { title: true } },
          stage: { select: { name: true } },
          stageChanges: {
            orderBy: { createdAt: "asc" },
            select: { createdAt: true, reason: true, fromStage: { select: { name: true } }, toStage: { select: { name: true } } },
          },
          interviews: { select: { startsAt: true, durationMinutes: true, link: true } },
          scorecards: {
            select: { fluency: true, empathy: true, writtenClarity: true, problemSolving: true, recommendation: true, comment: true, createdAt: true },
          },
        },
      },
    },
  });
}

export const ERASED_NAME = "Erased applicant";

/**
 * Blanks every personal field and free text about the person; what is left (cohort, country,
 * languages, stages and their dates) keeps the funnel counts and report figures right.
 */
export async function anonymizeApplicant(applicantId: string, now: Date, tx: Tx) {
  await tx.applicant.update({
    where: { id: applicantId },
    data: {
      name: ERASED_NAME,
      email: `erased-${applicantId}@erased.invalid`,
      phone: null,
      region: null,
      school: null,
      graduation: null,
      municipality: null,
      customerSince: null,
      customerId: null,
      availability: [],
      availableHours: [],
      broadbandMbps: null,
      anonymizedAt: now,
    },
  });
  await tx.note.deleteMany({ where: { applicantId } });
  await tx.scorecard.updateMany({ where: { application: { applicantId } }, data: { comment: null } });
  await tx.interview.updateMany({ where: { application: { applicantId } }, data: { link: null } });
  await tx.stageChange.updateMany({ where: { application: { applicantId } }, data: { reason: null } });
  await tx.application.updateMany({ where: { applicantId }, data: { closedReason: null } });
}

export async function isHired(applicantId: string, db: Tx | typeof prisma = prisma) {
  // Sequential: inside a transaction both queries share one connection.
  const agent = await db.agent.findUnique({ where: { applicantId }, select: { id: true } });
  return Boolean(agent) || (await db.application.count({ where: { applicantId, stage: { kind: "HIRED" } } })) > 0;
}

export async function eraseApplicant(applicantId: string, now = new Date()): Promise<"erased" | "not-found" | "hired"> {
  return prisma.$transaction(async (tx) => {
    const applicant = await tx.applicant.findFirst({ where: { id: applicantId, anonymizedAt: null }, select: { id: true } });
    if (!applicant) return "not-found";
    if (await isHired(applicantId, tx)) return "hired";
    await anonymizeApplicant(applicantId, now, tx);
    return "erased";
  });
}

/**
 * Anonymises applicants whose retention ran out and who were never hired, in batches; safe to run
 * twice (the second run finds nobody). Returns how many were anonymised.
 */
export async function anonymizeExpiredApplicants(now: Date, onBatch?: (done: number, total: number) => Promise<void> | void): Promise<number> {
  // Agents can be linked to an applicant without a Hired application (added by an admin); they stay too.
  const agentApplicants = (await prisma.agent.findMany({ where: { applicantId: { not: null } }, select: { applicantId: true } })).map((a) => a.applicantId!);
  const expired = {
    anonymizedAt: null,
    retainUntil: { lt: now },
    applications: { none: { stage: { kind: "HIRED" as const } } },
    id: { notIn: agentApplicants },
  };
  const total = await prisma.applicant.count({ where: expired });
  let done = 0;
  for (;;) {
    const batch = await prisma.applicant.findMany({
      where: expired,
      select: { id: true },
      take: 200,
    });
    if (batch.length === 0) return done;
    for (const { id } of batch) await prisma.$transaction((tx) => anonymizeApplicant(id, now, tx));
    done += batch.length;
    await onBatch?.(done, total);
  }
}
