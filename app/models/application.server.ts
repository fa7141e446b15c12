// Applications: stage moves with their history (one, bulk, reject), the filtered list, its CSV iteration, and the kanban board.
import type { Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { AVAILABILITY_DAY_OPTIONS, PAGE_SIZE } from "./applicant-filters";
import { utcHoursForRange, type Slot } from "./availability";
import { AvailabilityColumn, LanguagesColumn, readJsonColumn, type LanguageLevel } from "./json-columns";

type Tx = Prisma.TransactionClient;

export type MoveResult = { ok: true; changed: boolean } | { ok: false; error: string };

/**
 * Moves one application and records who moved it, from where to where. The update is conditional on
 * the stage it was read in, so two recruiters moving the same card at once never lose a history row.
 */
export async function moveApplication(
  applicationId: string,
  toStageId: string,
  byId: string | null,
  options: { reason?: string; allowHire?: boolean; now?: Date } = {},
  tx?: Tx,
): Promise<MoveResult> {
  const run = async (db: Tx): Promise<MoveResult> => {
    const now = options.now ?? new Date();
    const application = await db.application.findUnique({
      where: { id: applicationId },
      select: { stageId: true, openingId: true, applicant: { select: { anonymizedAt: true } } },
    });
    if (!application || application.applicant.anonymizedAt) return { ok: false, error: "That application no longer exists" };
    const to = await db.stage.findFirst({ where: { id: toStageId, openingId: application.openingId }, select: { id: true, kind: true, name: true } });
    if (!to) return { ok: false, error: "That stage is not part of this opening" };
    if (application.stageId === to.id) return { ok: true, changed: false };
    if (to.kind === "HIRED" && !options.allowHire) return { ok: false, error: "Hire from the applicant's page: hiring needs a start date and contract hours" };
    const closing = to.kind === "REJECTED" || to.kind === "WITHDRAWN";
    if (closing && !options.reason?.trim()) return { ok: false, error: `Give a reason when moving to ${to.name}` };
    const updated = await db.application.updateMany({
      where: { id: applicationId, stageId: application.stageId },
      data: { stageId: to.id, stageEnteredAt: now, closedReason: closing ? options.reason!.trim() : null, hiredAt: to.kind === "HIRED" ? now : null },
    });
    if (updated.count === 0) return { ok: false, error: "Someone moved this application a moment ago; reload to see where it is" };
    await db.stageChange.create({
      data: { applicationId, fromStageId: application.stageId, toStageId: to.id, byId, reason: closing ? options.reason!.trim() : null, createdAt: now },
    });
    return { ok: true, changed: true };
  };
  return tx ? run(tx) : prisma.$transaction(run);
}

/** Moves several applications of one opening; returns how many moved and why the others did not. */
export async function bulkMove(applicationIds: string[], toStageId: string, byId: string) {
  return prisma.$transaction(async (tx) => {
    const results = [];
    for (const id of applicationIds) results.push(await moveApplication(id, toStageId, byId, {}, tx));
    return summarize(results);
  });
}

/** Rejects each application into its own opening's Rejected stage, with one reason. */
export async function bulkReject(applicationIds: string[], reason: string, byId: string) {
  return prisma.$transaction(async (tx) => {
    const applications = await tx.application.findMany({
      where: { id: { in: applicationIds } },
      select: { id: true, opening: { select: { stages: { where: { kind: "REJECTED" }, select: { id: true }, take: 1 } } } },
    });
    const results = [];
    for (const a of applications) {
      const rejected = a.opening.stages[0];
      results.push(rejected ? await moveApplication(a.id, rejected.id, byId, { reason }, tx) : ({ ok: false, error: "No Rejected stage" } as const));
    }
    return summarize(results);
  });
}

function summarize(results: MoveResult[]) {
  return {
    moved: results.filter((r) => r.ok && r.changed).length,
    errors: [...new Set(results.flatMap((r) => (r.ok ? [] : [r.error])))],
  };
}

export type ApplicationFilters = {
  q?: string;
  openingId?: string;
  stage?: string;
  language?: string;
  cohort?: string;
  country?: string;
  source?: string;
  appliedFrom?: string;
  appliedTo?: string;
  availDays?: string;
  availFrom?: string;
  availTo?: string;
};

/** The Prisma filter for the list, the CSV export and bulk selections; availability ranges are read in the viewer's zone. */
export function applicationWhere(filters: ApplicationFilters, viewerTimeZone: string): Prisma.ApplicationWhereInput {
  const applicant: Prisma.ApplicantWhereInput = { anonymizedAt: null };
  if (filters.cohort) applicant.cohort = filters.cohort;
  if (filters.country) applicant.country = filters.country;
  if (filters.language) applicant.languageCodes = { has: filters.language };
  if (filters.q?.trim()) {
    const q = filters.q.trim();
    applicant.OR = [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q.toLowerCase() } }];
  }
  if (filters.availFrom && filters.availTo) {
    const days = AVAILABILITY_DAY_OPTIONS[filters.availDays ?? "any"]?.days ?? AVAILABILITY_DAY_OPTIONS.any.days;
    applicant.availableHours = { hasSome: utcHoursForRange(days, filters.availFrom, filters.availTo, viewerTimeZone) };
  }
  const where: Prisma.ApplicationWhereInput = { applicant };
  if (filters.openingId) where.openingId = filters.openingId;
  if (filters.stage) where.stage = { name: filters.stage };
  if (filters.source) where.source = filters.source;
  if (filters.appliedFrom || filters.appliedTo) {
    where.createdAt = {
      ...(filters.appliedFrom ? { gte: new Date(`${filters.appliedFrom}T00:00:00Z`) } : {}),
      ...(filters.appliedTo ? { lt: new Date(new Date(`${filters.appliedTo}T00:00:00Z`).getTime() + 24 * 3600_000) } : {}),
    };
  }
  return where;
}

const ROW_SELECT = {
  id: true,
  createdAt: true,
  source: true,
  stageEnteredAt: true,
  stage: { select: { id: true, name: true, kind: true } },
  opening: { select: { id: true, title: true } },
  applicant: {
    select: { id: true, name: true, email: true, cohort: true, country: true, languages: true, availability: true, hoursWanted: true, timeZone: true },
  },
} satisfies Prisma.ApplicationSelect;

/**
 * Counting "every application whose applicant is not erased" by joining scans all applicants; when no
 * filter touches the applicant, count the applications alone and subtract the (few, indexed) erased ones.
 */
async function countApplications(filters: ApplicationFilters, where: Prisma.ApplicationWhereInput) {
  const applicantFilter = filters.q || filters.cohort || filters.country || filters.language || (filters.availFrom && filters.availTo);
  if (applicantFilter) return prisma.application.count({ where });
  const { applicant: _, ...own } = where;
  const [all, erased] = await Promise.all([
    prisma.application.count({ where: own }),
    prisma.application.count({ where: { ...own, applicant: { anonymizedAt: { not: null } } } }),
  ]);
  return all - erased;
}

export async function listApplications(filters: ApplicationFilters, viewerTimeZone: string, page: number) {
  const where = applicationWhere(filters, viewerTimeZone);
  const [total, rows] = await Promise.all([
    countApplications(filters, where),
    prisma.application.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: ROW_SELECT }),
  ]);
  return { total, rows: rows.map(toRow) };
}

type WithSlots<T extends { applicant: { availability: unknown; languages: unknown } }> = Omit<T, "applicant"> & {
  applicant: Omit<T["applicant"], "availability" | "languages"> & { availability: Slot[]; languages: LanguageLevel[] };
};

function toRow<T extends { applicant: { availability: unknown; languages: unknown } }>(row: T): WithSlots<T> {
  const { applicant } = row;
  return {
    ...row,
    applicant: {
      ...applicant,
      availability: readJsonColumn(AvailabilityColumn, applicant.availability, "applicant availability"),
      languages: readJsonColumn(LanguagesColumn, applicant.languages, "applicant languages"),
    },
  } as WithSlots<T>;
}

/** All rows matching the filters, streamed in pages, for the CSV export. */
export async function* iterateApplications(filters: ApplicationFilters, viewerTimeZone: string) {
  const where = applicationWhere(filters, viewerTimeZone);
  let cursor: string | undefined;
  for (;;) {
    const batch = await prisma.application.findMany({
      where,
      orderBy: { id: "asc" },
      take: 1000,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: { ...ROW_SELECT, applicant: { select: { ...ROW_SELECT.applicant.select, phone: true, region: true } } },
    });
    if (batch.length === 0) return;
    for (const row of batch) yield toRow(row);
    cursor = batch[batch.length - 1].id;
  }
}

export const KANBAN_CARDS_PER_STAGE = 40;

/** One opening's board: each stage's count and its longest-waiting cards first, so the board stays small at any volume. */
export async function getKanban(openingId: string) {
  const opening = await prisma.opening.findUnique({
    where: { id: openingId },
    select: {
      id: true,
      title: true,
      status: true,
      headcountTarget: true,
      stages: { orderBy: { position: "asc" }, select: { id: true, name: true, kind: true } },
    },
  });
  if (!opening) return null;
  const active = opening.stages.filter((s) => s.kind === "ACTIVE").map((s) => s.id);
  // Three queries whatever the number of stages: counts per stage, the ids of each active stage's
  // longest-waiting cards (ranked in SQL), and those cards.
  const [counts, ranked] = await Promise.all([
    prisma.application.groupBy({ by: ["stageId"], where: { openingId, applicant: { anonymizedAt: null } }, _count: { _all: true } }),
    active.length
      ? prisma.$queryRaw<{ id: string }[]>`
          SELECT id FROM (
            SELECT a.id, row_number() OVER (PARTITION BY a."stageId" ORDER BY a."stageEnteredAt", a.id) AS rank
            FROM "Application" a JOIN "Applicant" p ON p.id = a."applicantId"
            WHERE a."openingId" = ${openingId} AND a."stageId" = ANY(${active}) AND p."anonymizedAt" IS NULL
          ) ranked
          WHERE rank <= ${KANBAN_CARDS_PER_STAGE}`
      : [],
  ]);
  const cards = ranked.length
    ? await prisma.application.findMany({
        where: { id: { in: ranked.map((r) => r.id) } },
        orderBy: [{ stageEnteredAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          stageId: true,
          stageEnteredAt: true,
          applicant: { select: { id: true, name: true, cohort: true, languages: true, hoursWanted: true, availability: true } },
        },
      })
    : [];
  const countOf = new Map(counts.map((c) => [c.stageId, c._count._all]));
  const columns = opening.stages.map((stage) => ({
    ...stage,
    count: countOf.get(stage.id) ?? 0,
    // Closed stages show only their count; their cards are in the list view.
    cards: cards.filter((c) => c.stageId === stage.id).map(({ stageId: _, ...card }) => toRow(card)),
  }));
  return { ...opening, columns };
}

/** The application only when it belongs to this applicant: ids from a form are never trusted on their own. */
export async function findApplicationOf(applicantId: string, applicationId: string) {
  return prisma.application.findFirst({
    where: { id: applicationId, applicantId, applicant: { anonymizedAt: null } },
    select: { id: true, openingId: true, stage: { select: { kind: true } } },
  });
}
