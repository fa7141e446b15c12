// Applicants in and out as CSV: the import (parsed with csv-parse, every row checked against the application schema) and the export of a filtered list.
import { parse } from "csv-parse/sync";
import { prisma } from "~/utils/db.server";
import { ApplicationSchema, type ApplicationInput } from "./application-form";
import { submitApplication } from "./applicant.server";
import { iterateApplications, type ApplicationFilters } from "./application.server";
import { DAY_SHORT, summarizeAvailability } from "./availability";
import { CONSENT_WORDING_VERSION } from "./recruiting-vocabulary";

export const IMPORT_COLUMNS = [
  "opening",
  "name",
  "email",
  "phone",
  "country",
  "region",
  "time_zone",
  "languages",
  "cohort",
  "school",
  "graduation",
  "term_time_cap_hours",
  "municipality",
  "customer_since",
  "customer_id",
  "availability",
  "hours_wanted",
  "quiet_room",
  "headset",
  "broadband_mbps",
  "source",
] as const;
const REQUIRED_COLUMNS = ["opening", "name", "email", "country", "time_zone", "languages", "cohort", "availability", "hours_wanted"];
export const MAX_IMPORT_BYTES = 2_000_000;

export type ImportRow = { line: number; openingId: string; openingTitle: string; retentionDays: number; input: ApplicationInput };
export type ImportError = { line: number; message: string };
export type ImportCheck = { rows: ImportRow[]; errors: ImportError[]; fileError: string | null };

const FIELD_BY_KEY: Record<string, string> = {
  timeZone: "time_zone",
  termTimeCapHours: "term_time_cap_hours",
  customerSince: "customer_since",
  customerId: "customer_id",
  hoursWanted: "hours_wanted",
  quietRoom: "quiet_room",
  broadbandMbps: "broadband_mbps",
};

const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
const yes = (v: string | undefined) => /^(yes|y|true|1|ja|kyllä)$/i.test(v?.trim() ?? "");

/** "fi:NATIVE; en:C1" → [{ language: "fi", level: "NATIVE" }, …]; anything unreadable is left for zod to reject. */
function readLanguages(value: string | undefined) {
  return (value ?? "")
    .split(/[;|]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [language, level] = p.split(":").map((x) => x?.trim());
      return { language: language?.toLowerCase(), level: level?.toUpperCase() };
    });
}

/** "Mon 17:00-21:00; Sat 10:00-16:00" → slots. */
function readAvailability(value: string | undefined) {
  return (value ?? "")
    .split(/[;|]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const match = /^([A-Za-z]{3})\w*\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(p);
      if (!match) return { day: -1, from: p, to: "" };
      const day = DAY_SHORT.findIndex((d) => d.toLowerCase() === match[1].toLowerCase());
      const pad = (t: string) => t.padStart(5, "0");
      return { day, from: pad(match[2]), to: pad(match[3]) };
    });
}

/**
 * Checks a whole file without writing anything. Line numbers are the file's own (the header is line 1),
 * so a recruiter can find each bad row in their spreadsheet.
 */
export async function checkImport(text: string): Promise<ImportCheck> {
  if (text.includes("\0")) return { rows: [], errors: [], fileError: "The file contains NUL characters; save it again as plain CSV text (UTF-8)." };
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: false,
    });
  } catch (error) {
    return { rows: [], errors: [], fileError: `The file could not be read as CSV: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (records.length === 0) return { rows: [], errors: [], fileError: "The file has no rows under the header." };
  const missing = REQUIRED_COLUMNS.filter((c) => !(c in records[0].record));
  if (missing.length)
    return { rows: [], errors: [], fileError: `The header is missing ${missing.join(", ")}. Expected columns: ${IMPORT_COLUMNS.join(", ")}.` };

  const openings = new Map(
    (
      await prisma.opening.findMany({
        where: { slug: { in: [...new Set(records.map((r) => r.record.opening))] } },
        select: { id: true, slug: true, title: true, status: true, retentionDays: true },
      })
    ).map((o) => [o.slug, o]),
  );
  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const line = info.lines;
    const problems: string[] = [];
    const opening = openings.get(record.opening);
    if (!opening) problems.push(`opening: no opening has the id "${record.opening ?? ""}"`);
    else if (opening.status === "CLOSED") problems.push(`opening: ${opening.title} is closed`);
    const parsed = ApplicationSchema.safeParse({
      name: record.name,
      email: record.email,
      phone: blank(record.phone),
      country: record.country?.toUpperCase(),
      region: blank(record.region),
      timeZone: record.time_zone,
      languages: readLanguages(record.languages),
      cohort: record.cohort?.toLowerCase(),
      school: blank(record.school),
      graduation: blank(record.graduation),
      termTimeCapHours: blank(record.term_time_cap_hours),
      municipality: blank(record.municipality),
      customerSince: blank(record.customer_since),
      customerId: blank(record.customer_id),
      availability: readAvailability(record.availability),
      hoursWanted: record.hours_wanted,
      quietRoom: yes(record.quiet_room),
      headset: yes(record.headset),
      broadbandMbps: blank(record.broadband_mbps),
      source: blank(record.source) ?? "import",
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "row");
        problems.push(`${FIELD_BY_KEY[key] ?? key}: ${issue.message}`);
      }
    }
    const email = record.email?.trim().toLowerCase();
    const duplicateKey = `${record.opening}|${email}`;
    if (email && seen.has(duplicateKey)) problems.push(`email: the same person applies to the same opening on line ${seen.get(duplicateKey)}`);
    else if (email) seen.set(duplicateKey, line);
    if (problems.length) errors.push({ line, message: [...new Set(problems)].join("; ") });
    else if (opening && parsed.success)
      rows.push({ line, openingId: opening.id, openingTitle: opening.title, retentionDays: opening.retentionDays, input: parsed.data });
  }
  return { rows, errors, fileError: null };
}

/** Files the checked rows as applications (deduplicated like the careers form) in one transaction. */
export async function importRows(rows: ImportRow[], byId: string) {
  return prisma.$transaction(
    async (tx) => {
      let created = 0;
      for (const row of rows) {
        const result = await submitApplication(
          row.openingId,
          row.input,
          { byId, consent: { wordingVersion: `import:${CONSENT_WORDING_VERSION}`, retentionDays: row.retentionDays } },
          tx,
        );
        if (result.created) created++;
      }
      return { created, updated: rows.length - created };
    },
    { timeout: 120_000 },
  );
}

/** A spreadsheet must not run a cell as a formula: cells starting with = + - @ (or tab, CR) get a leading apostrophe. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const EXPORT_HEADER = [
  "name",
  "email",
  "phone",
  "country",
  "region",
  "cohort",
  "languages",
  "availability",
  "time_zone",
  "hours_wanted",
  "opening",
  "stage",
  "source",
  "applied_at",
];

/** The filtered list as CSV lines, produced page by page so a large export never sits in memory whole. */
export async function* exportCsv(filters: ApplicationFilters, viewerTimeZone: string) {
  yield EXPORT_HEADER.map(csvCell).join(",") + "\r\n";
  for await (const r of iterateApplications(filters, viewerTimeZone)) {
    yield (
      [
        r.applicant.name,
        r.applicant.email,
        r.applicant.phone,
        r.applicant.country,
        r.applicant.region,
        r.applicant.cohort,
        r.applicant.languages.map((l) => `${l.language}:${l.level}`).join(";"),
        summarizeAvailability(r.applicant.availability),
        r.applicant.timeZone,
        r.applicant.hoursWanted,
        r.opening.title,
        r.stage.name,
        r.source,
        r.createdAt.toISOString(),
      ]
        .map(csvCell)
        .join(",") + "\r\n"
    );
  }
}
