// Openings and their pipeline stages: listing, creating with the default stages, editing, and renaming/adding/reordering stages.
import type { OpeningStatus, Prisma } from "@prisma/client";
import { prisma } from "~/utils/db.server";
import { LanguagesColumn, readJsonColumn, type LanguageLevel } from "./json-columns";
import type { OpeningInput } from "./opening-form";
import { DEFAULT_STAGES } from "./recruiting-vocabulary";

export { OpeningSchema } from "./opening-form";
import type { StageEdit } from "./opening-form";

export type OpeningLanguage = LanguageLevel;

/** An opening row with its languages column read through its schema. */
function withLanguages<T extends { languages: unknown }>(row: T): Omit<T, "languages"> & { languages: OpeningLanguage[] } {
  return { ...row, languages: readJsonColumn(LanguagesColumn, row.languages, "opening languages") };
}

function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

async function uniqueSlug(title: string, tx: Prisma.TransactionClient): Promise<string> {
  const base = slugify(title) || "opening";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.opening.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}

function openingData(input: OpeningInput) {
  return { ...input, languageCodes: input.languages.map((l) => l.language) };
}

export async function createOpening(input: OpeningInput) {
  return prisma.$transaction(async (tx) => {
    const slug = await uniqueSlug(input.title, tx);
    return tx.opening.create({
      data: { ...openingData(input), slug, stages: { create: DEFAULT_STAGES.map((s, position) => ({ ...s, position })) } },
      select: { id: true, slug: true },
    });
  });
}

export async function updateOpening(id: string, input: OpeningInput) {
  return prisma.opening.update({ where: { id }, data: openingData(input), select: { id: true } });
}

export async function getOpeningForEdit(id: string) {
  const opening = await prisma.opening.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      status: true,
      languages: true,
      channels: true,
      cohorts: true,
      countries: true,
      headcountTarget: true,
      weeklyHoursMin: true,
      weeklyHoursMax: true,
      retentionDays: true,
      stages: { orderBy: { position: "asc" }, select: { id: true, name: true, kind: true, position: true, _count: { select: { applications: true } } } },
    },
  });
  return opening ? withLanguages(opening) : null;
}

/** Openings with applicants per stage kind and hires, for the recruiting home and the openings list. */
export async function listOpeningsSummary(status?: OpeningStatus[]) {
  const openings = await prisma.opening.findMany({
    where: status ? { status: { in: status } } : undefined,
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      languageCodes: true,
      channels: true,
      cohorts: true,
      headcountTarget: true,
      stages: { orderBy: { position: "asc" }, select: { id: true, name: true, kind: true } },
    },
  });
  const counts = await prisma.application.groupBy({
    by: ["stageId"],
    where: { openingId: { in: openings.map((o) => o.id) } },
    _count: { _all: true },
  });
  const byStage = new Map(counts.map((c) => [c.stageId, c._count._all]));
  const rank = { OPEN: 0, PAUSED: 1, DRAFT: 2, CLOSED: 3 } as const;
  openings.sort((a, b) => rank[a.status] - rank[b.status]);
  return openings.map(({ stages, ...o }) => {
    const perStage = stages.map((s) => ({ ...s, count: byStage.get(s.id) ?? 0 }));
    return {
      ...o,
      stages: perStage,
      active: perStage.filter((s) => s.kind === "ACTIVE").reduce((n, s) => n + s.count, 0),
      hired: perStage.filter((s) => s.kind === "HIRED").reduce((n, s) => n + s.count, 0),
    };
  });
}

export async function listOpeningOptions() {
  return prisma.opening.findMany({ orderBy: [{ status: "asc" }, { title: "asc" }], select: { id: true, title: true, status: true } });
}

/** What the careers pages show of an opening. */
const PUBLIC_OPENING_SELECT = {
  slug: true,
  title: true,
  description: true,
  languages: true,
  channels: true,
  cohorts: true,
  countries: true,
  weeklyHoursMin: true,
  weeklyHoursMax: true,
} as const;

/** Open openings for the public careers page; only what an applicant should see. */
export async function listOpenOpenings(language?: string) {
  const openings = await prisma.opening.findMany({
    where: { status: "OPEN", ...(language ? { languageCodes: { has: language } } : {}) },
    orderBy: { createdAt: "desc" },
    select: PUBLIC_OPENING_SELECT,
  });
  return openings.map(withLanguages);
}

export async function getOpenOpeningBySlug(slug: string) {
  const opening = await prisma.opening.findFirst({
    where: { slug, status: "OPEN" },
    select: { ...PUBLIC_OPENING_SELECT, id: true, retentionDays: true },
  });
  return opening ? withLanguages(opening) : null;
}

/** Stage edits keep the terminal stages (Hired, Rejected, Withdrawn) after every active one. */
export async function editStages(openingId: string, edit: StageEdit): Promise<string | null> {
  return prisma.$transaction(async (tx) => {
    const stages = await tx.stage.findMany({ where: { openingId }, orderBy: { position: "asc" }, select: { id: true, name: true, kind: true } });
    const taken = (name: string, except?: string) => stages.some((s) => s.id !== except && s.name.toLowerCase() === name.toLowerCase());
    if (edit.intent === "rename-stage") {
      if (!stages.some((s) => s.id === edit.stageId)) return "That stage is not part of this opening";
      if (taken(edit.name, edit.stageId)) return `There is already a stage called ${edit.name}`;
      await tx.stage.update({ where: { id: edit.stageId }, data: { name: edit.name } });
      return null;
    }
    const order = stages.map((s) => s.id);
    if (edit.intent === "add-stage") {
      if (taken(edit.name)) return `There is already a stage called ${edit.name}`;
      const after = stages.findIndex((s) => s.id === edit.afterStageId);
      if (after < 0 || stages[after].kind !== "ACTIVE") return "New stages go after an active stage";
      const created = await tx.stage.create({ data: { openingId, name: edit.name, kind: "ACTIVE", position: stages.length }, select: { id: true } });
      order.splice(after + 1, 0, created.id);
    } else {
      const index = stages.findIndex((s) => s.id === edit.stageId);
      const target = edit.direction === "up" ? index - 1 : index + 1;
      if (index < 0 || stages[index].kind !== "ACTIVE" || !stages[target] || stages[target].kind !== "ACTIVE")
        return "Only active stages move, and only among themselves";
      [order[index], order[target]] = [order[target], order[index]];
    }
    for (const [position, id] of order.entries()) await tx.stage.update({ where: { id }, data: { position } });
    return null;
  });
}
