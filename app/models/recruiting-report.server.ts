// Recruiting reports: funnels per opening and cohort, time in stage, time to hire, source effectiveness; aggregated in SQL so they stay quick at volume.
import { prisma } from "~/utils/db.server";
import { DEFAULT_STAGES } from "./recruiting-vocabulary";

type FurthestRow = { openingId: string; cohort: string; source: string; rank: number; hired: boolean; n: number };

/**
 * How far each application got, as the rank of the furthest pipeline step it ever entered (0 = the
 * first active stage; Hired is the last). Closed applications count for every step they passed.
 */
function furthestSteps(openingId: string | null) {
  return prisma.$queryRaw<FurthestRow[]>`
    WITH ranked AS (
      SELECT id, (ROW_NUMBER() OVER (PARTITION BY "openingId" ORDER BY position) - 1)::int AS rank
      FROM "Stage" WHERE kind IN ('ACTIVE', 'HIRED')
    ), furthest AS (
      SELECT sc."applicationId", MAX(r.rank) AS rank
      FROM "StageChange" sc JOIN ranked r ON r.id = sc."toStageId"
      GROUP BY sc."applicationId"
    )
    SELECT a."openingId", ap.cohort, a.source, f.rank::int AS rank, (a."hiredAt" IS NOT NULL) AS hired, COUNT(*)::int AS n
    FROM "Application" a
    JOIN "Applicant" ap ON ap.id = a."applicantId"
    JOIN furthest f ON f."applicationId" = a.id
    WHERE ${openingId}::text IS NULL OR a."openingId" = ${openingId}
    GROUP BY 1, 2, 3, 4, 5`;
}

export type FunnelStep = { name: string; reached: number; passThrough: number | null; medianDays: number | null };

function funnel(rows: FurthestRow[], names: string[], medians: Map<string, number>): FunnelStep[] {
  return names.map((name, rank) => {
    const reached = rows.filter((r) => r.rank >= rank).reduce((n, r) => n + r.n, 0);
    const previous = rank === 0 ? null : rows.filter((r) => r.rank >= rank - 1).reduce((n, r) => n + r.n, 0);
    return { name, reached, passThrough: previous ? reached / previous : null, medianDays: medians.get(name) ?? null };
  });
}

async function medianDaysInStage(openingId: string | null) {
  const rows = await prisma.$queryRaw<Array<{ name: string; days: number }>>`
    WITH seq AS (
      SELECT sc."toStageId", sc."createdAt",
             LEAD(sc."createdAt") OVER (PARTITION BY sc."applicationId" ORDER BY sc."createdAt", sc.id) AS left_at
      FROM "StageChange" sc JOIN "Application" a ON a.id = sc."applicationId"
      WHERE ${openingId}::text IS NULL OR a."openingId" = ${openingId}
    )
    SELECT s.name, (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (seq.left_at - seq."createdAt"))) / 86400)::float8 AS days
    FROM seq JOIN "Stage" s ON s.id = seq."toStageId"
    WHERE seq.left_at IS NOT NULL AND s.kind = 'ACTIVE'
    GROUP BY s.name`;
  return new Map(rows.map((r) => [r.name, r.days]));
}

async function medianDaysToHire(openingId: string | null) {
  const [row] = await prisma.$queryRaw<Array<{ days: number | null; hires: number }>>`
    SELECT (percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("hiredAt" - "createdAt"))) / 86400)::float8 AS days, COUNT(*)::int AS hires
    FROM "Application" WHERE "hiredAt" IS NOT NULL AND (${openingId}::text IS NULL OR "openingId" = ${openingId})`;
  return row ?? { days: null, hires: 0 };
}

export async function recruitingReport(openingId: string | null) {
  const [rows, medians, toHire, stages, openings] = await Promise.all([
    furthestSteps(openingId),
    medianDaysInStage(openingId),
    medianDaysToHire(openingId),
    openingId
      ? prisma.stage.findMany({ where: { openingId, kind: { in: ["ACTIVE", "HIRED"] } }, orderBy: { position: "asc" }, select: { name: true } })
      : Promise.resolve(DEFAULT_STAGES.filter((s) => s.kind !== "REJECTED" && s.kind !== "WITHDRAWN").map((s) => ({ name: s.name as string }))),
    prisma.opening.findMany({
      where: openingId ? { id: openingId } : { status: { in: ["OPEN", "PAUSED"] } },
      orderBy: { title: "asc" },
      select: { id: true, title: true, headcountTarget: true, _count: { select: { applications: { where: { hiredAt: { not: null } } } } } },
      take: 40,
    }),
  ]);
  const names = stages.map((s) => s.name);
  const applications = rows.reduce((n, r) => n + r.n, 0);
  const interviewRank = Math.max(
    0,
    names.findIndex((n) => n === "Interview"),
  );

  const byKey = (key: "cohort" | "source") => {
    const groups = new Map<string, FurthestRow[]>();
    for (const r of rows) groups.set(r[key], [...(groups.get(r[key]) ?? []), r]);
    return [...groups.entries()].map(([value, group]) => {
      const total = group.reduce((n, r) => n + r.n, 0);
      const hires = group.filter((r) => r.hired).reduce((n, r) => n + r.n, 0);
      const interviewed = group.filter((r) => r.rank >= interviewRank).reduce((n, r) => n + r.n, 0);
      return { value, total, hires, interviewed, hireRate: total ? hires / total : 0, funnel: funnel(group, names, new Map()) };
    });
  };

  return {
    applications,
    hires: toHire.hires,
    medianDaysToHire: toHire.days,
    funnel: funnel(rows, names, medians),
    cohorts: byKey("cohort").sort((a, b) => b.total - a.total),
    sources: byKey("source").sort((a, b) => b.hireRate - a.hireRate || b.total - a.total),
    targets: openings.map((o) => ({ id: o.id, title: o.title, target: o.headcountTarget, hired: o._count.applications })),
  };
}

export type RecruitingReport = Awaited<ReturnType<typeof recruitingReport>>;
