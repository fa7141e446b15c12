// Integration (real Postgres): the CSV import reports every bad line by its number in the file and writes nothing; export cells never run as formulas.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { checkImport, csvCell } from "./applicant-csv.server";
import { createOpening } from "./opening.server";

const stamp = `${Date.now()}`;
let slug: string;

beforeAll(async () => {
  const opening = await createOpening({
    title: `Danish chat students ${stamp}`,
    description: "Evenings and weekends around lectures.",
    status: "OPEN",
    languages: [{ language: "da", level: "NATIVE" }],
    channels: ["CHAT"],
    cohorts: ["student"],
    countries: ["DK"],
    headcountTarget: 4,
    weeklyHoursMin: 8,
    weeklyHoursMax: 20,
    retentionDays: 180,
  });
  slug = opening.slug;
});

afterAll(async () => {
  await prisma.opening.deleteMany({ where: { slug } });
});

describe("CSV import check", () => {
  it("lists every bad line with its reason, counts the good ones, and writes nothing", async () => {
    const header = "opening,name,email,country,time_zone,languages,cohort,school,graduation,term_time_cap_hours,availability,hours_wanted";
    const row = (email: string, extra = "") =>
      `${slug},Freja Dahl,${email},DK,Europe/Copenhagen,da:NATIVE,student,Aarhus University,2028-06,18,"Mon 17:00-21:00;Sat 10:00-14:00",15${extra}`;
    const csv = [
      header,
      row(`freja.${stamp}@mail.example`),
      "",
      row("not-an-email"),
      `${slug},Mads Holm,mads.${stamp}@mail.example,DK,Europe/Copenhagen,dk:EXPERT,student,Aarhus University,2028-06,18,Someday,15`,
      row(`freja.${stamp}@mail.example`),
    ].join("\n");
    const before = await prisma.applicant.count();
    const check = await checkImport(csv);
    expect(check.fileError).toBeNull();
    expect(check.rows.map((r) => r.line)).toEqual([2]);
    expect(check.errors.map((e) => e.line)).toEqual([4, 5, 6]);
    expect(check.errors[0].message).toMatch(/^email:/);
    expect(check.errors[1].message).toMatch(/languages/);
    expect(check.errors[1].message).toMatch(/availability/);
    expect(check.errors[2].message).toMatch(/line 2/);
    expect(await prisma.applicant.count()).toBe(before);
  });

  it("refuses a file without the needed columns, naming them", async () => {
    const check = await checkImport("name,email\nFreja Dahl,freja@mail.example\n");
    expect(check.fileError).toMatch(/missing opening, country, time_zone/);
  });
});

describe("CSV export cells", () => {
  it("neutralises cells a spreadsheet would run as formulas and quotes the rest", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    for (const risky of ["+46 70 123", "-1", "@SUM(A1)", "\tx"]) expect(csvCell(risky).startsWith(`"'`)).toBe(true);
    expect(csvCell("Åsa Öberg, Kiruna")).toBe(`"Åsa Öberg, Kiruna"`);
    expect(csvCell(null)).toBe(`""`);
  });
});
