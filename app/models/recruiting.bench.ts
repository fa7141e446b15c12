// Benchmark of the recruiting pages at volume (seed with `tsx prisma/seed.ts --applicants 50000` first):
//   DATABASE_URL=… npx tsx app/models/recruiting.bench.ts                  server work per page, in process
//   DATABASE_URL=… BENCH_URL=http://localhost:3400 SESSION_SECRET=… …     plus the full HTTP round trip of a running server
// Prints the median and worst of several runs per page; a measurement, not a pass/fail test.
import { performance } from "node:perf_hooks";
import { prisma } from "~/utils/db.server";
import { getApplicantDetail } from "./applicant.server";
import { getKanban, listApplications } from "./application.server";
import { listOpeningsSummary } from "./opening.server";
import { recruitingReport } from "./recruiting-report.server";

const RUNS = 7;

async function time(label: string, run: () => Promise<unknown>) {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} median ${samples[Math.floor(RUNS / 2)].toFixed(0).padStart(5)} ms   worst ${samples[RUNS - 1].toFixed(0).padStart(5)} ms`);
}

async function main() {
  const [applicants, applications, openings] = await Promise.all([prisma.applicant.count(), prisma.application.count(), prisma.opening.count()]);
  console.log(`${applicants} applicants, ${applications} applications, ${openings} openings\n`);
  const recruiter = await prisma.user.findFirstOrThrow({ where: { role: "RECRUITER" }, select: { id: true, timeZone: true } });
  const zone = recruiter.timeZone;
  const [biggest] = await prisma.application.groupBy({ by: ["openingId"], _count: { _all: true }, orderBy: { _count: { openingId: "desc" } }, take: 1 });
  const someone = await prisma.application.findFirstOrThrow({ where: { openingId: biggest.openingId }, select: { applicantId: true } });

  console.log("In process (the loaders' data work):");
  await time("recruiting home (all openings with stage counts)", () => listOpeningsSummary());
  await time("list, page 1, no filter", () => listApplications({}, zone, 1));
  await time("list, page 500, no filter", () => listApplications({}, zone, 500));
  await time("list, language + cohort + weekday 18–20 availability", () =>
    listApplications({ language: "fi", cohort: "student", availDays: "weekdays", availFrom: "18:00", availTo: "20:00" }, zone, 1),
  );
  await time("list, search by name", () => listApplications({ q: "virtanen" }, zone, 1));
  await time("list, one opening + stage", () => listApplications({ openingId: biggest.openingId, stage: "Screening" }, zone, 1));
  await time(`kanban of the largest opening (${biggest._count._all} applications)`, () => getKanban(biggest.openingId));
  await time("applicant page", () => getApplicantDetail(someone.applicantId));
  await time("reports, all openings", () => recruitingReport(null));
  await time("reports, one opening", () => recruitingReport(biggest.openingId));

  const base = process.env.BENCH_URL;
  if (base) {
    const { createSession } = await import("~/utils/auth.server");
    const cookie = (await createSession(recruiter.id, "bench")).split(";")[0];
    const get = (path: string) => async () => {
      const response = await fetch(base + path, { headers: { Cookie: cookie } });
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      await response.arrayBuffer();
    };
    console.log(`\nOver HTTP (${base}, server-rendered HTML):`);
    await time("GET /recruiting", get("/recruiting"));
    await time("GET /recruiting/applicants", get("/recruiting/applicants"));
    await time("GET /recruiting/applicants?page=500", get("/recruiting/applicants?page=500"));
    await time(
      "GET /recruiting/applicants?language=fi&cohort=student&avail…",
      get("/recruiting/applicants?language=fi&cohort=student&availDays=weekdays&availFrom=18:00&availTo=20:00"),
    );
    await time("GET /recruiting/openings/<largest> (kanban)", get(`/recruiting/openings/${biggest.openingId}`));
    await time("GET /recruiting/applicants/<id>", get(`/recruiting/applicants/${someone.applicantId}`));
    await time("GET /recruiting/reports", get("/recruiting/reports"));
  }
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
