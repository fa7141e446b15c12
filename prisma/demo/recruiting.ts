// Demo recruiting: openings for the languages that are short, applicants at every stage with their history; `--applicants N` scales it to load-test size.
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@prisma/client";
import { utcHoursOfWeek, type Slot } from "../../app/models/availability";
import { LanguagesColumn, readJsonColumn } from "../../app/models/json-columns";
import { CONSENT_WORDING_VERSION, DEFAULT_STAGES } from "../../app/models/recruiting-vocabulary";
import { createRandom, type Random } from "./random";

type DemoOpening = {
  slug: string;
  title: string;
  description: string;
  status: "DRAFT" | "OPEN" | "PAUSED" | "CLOSED";
  languages: Array<{ language: string; level: string }>;
  channels: Array<"CHAT" | "PHONE" | "EMAIL">;
  cohorts: string[];
  countries: string[];
  headcountTarget: number;
  weeklyHoursMin: number;
  weeklyHoursMax: number;
};

const DEMO_OPENINGS: DemoOpening[] = [
  {
    slug: "finnish-chat-evenings",
    title: "Finnish chat agents — evenings and weekends",
    description:
      "Help Finnish customers with payment plans, disputes and worried questions the assistant hands over. Evenings and weekends from home; training is paid and online.",
    status: "OPEN",
    languages: [{ language: "fi", level: "C1" }],
    channels: ["CHAT"],
    cohorts: ["student", "loyal-customer"],
    countries: ["FI", "SE", "EE"],
    headcountTarget: 8,
    weeklyHoursMin: 8,
    weeklyHoursMax: 20,
  },
  {
    slug: "norwegian-chat-from-home",
    title: "Norwegian chat agents, daytime from home",
    description:
      "Weekday daytime chat with Norwegian customers: instalments, refunds and the occasional fraud scare. Part- or full-time, anywhere with good broadband.",
    status: "OPEN",
    languages: [{ language: "no", level: "C1" }],
    channels: ["CHAT"],
    cohorts: ["rural", "loyal-customer"],
    countries: ["NO", "SE"],
    headcountTarget: 6,
    weeklyHoursMin: 15,
    weeklyHoursMax: 37,
  },
  {
    slug: "german-chat-and-email",
    title: "German chat and email support (remote)",
    description: "Our fastest-growing market needs people who write clear, kind German. Chat during the day, email when it is quiet.",
    status: "OPEN",
    languages: [
      { language: "de", level: "C1" },
      { language: "en", level: "B2" },
    ],
    channels: ["CHAT", "EMAIL"],
    cohorts: ["student", "rural", "loyal-customer"],
    countries: ["DE", "SE", "FI", "DK", "PL"],
    headcountTarget: 10,
    weeklyHoursMin: 10,
    weeklyHoursMax: 37,
  },
  {
    slug: "danish-chat-students",
    title: "Danish chat agents — students",
    description: "Evening and weekend shifts that fit around lectures, with a term-time cap we respect. Aarhus and Copenhagen students especially welcome.",
    status: "OPEN",
    languages: [{ language: "da", level: "NATIVE" }],
    channels: ["CHAT"],
    cohorts: ["student"],
    countries: ["DK"],
    headcountTarget: 5,
    weeklyHoursMin: 8,
    weeklyHoursMax: 20,
  },
  {
    slug: "swedish-phone-norrland",
    title: "Swedish phone support — Norrland",
    description: "Phone calls with Swedish customers who prefer a voice. Weekday daytime from home in Norrland; headset provided.",
    status: "PAUSED",
    languages: [{ language: "sv", level: "NATIVE" }],
    channels: ["PHONE"],
    cohorts: ["rural"],
    countries: ["SE"],
    headcountTarget: 4,
    weeklyHoursMin: 20,
    weeklyHoursMax: 37,
  },
  {
    slug: "icelandic-chat-pilot",
    title: "Icelandic chat pilot",
    description: "A small team for our Icelandic launch next spring.",
    status: "DRAFT",
    languages: [{ language: "is", level: "NATIVE" }],
    channels: ["CHAT"],
    cohorts: ["rural", "loyal-customer"],
    countries: ["IS"],
    headcountTarget: 2,
    weeklyHoursMin: 10,
    weeklyHoursMax: 30,
  },
];

const NAMES: Record<string, { first: string[]; last: string[]; zone: string; places: string[]; schools: string[] }> = {
  SE: {
    first: [
      "Elin",
      "Johan",
      "Saga",
      "Linnea",
      "Viktor",
      "Ebba",
      "Axel",
      "Wilma",
      "Hugo",
      "Alva",
      "Isak",
      "Klara",
      "Nils",
      "Tove",
      "Filip",
      "Maja",
      "Emil",
      "Stina",
    ],
    last: ["Lindgren", "Johansson", "Berglund", "Eklund", "Forsberg", "Holm", "Sjöberg", "Nyström", "Wikström", "Lundqvist", "Engström", "Sandström", "Öberg"],
    zone: "Europe/Stockholm",
    places: ["Kiruna", "Arvidsjaur", "Sorsele", "Jokkmokk", "Storuman", "Överkalix", "Lycksele"],
    schools: ["Uppsala University", "Umeå University", "Luleå University of Technology"],
  },
  FI: {
    first: ["Aino", "Eero", "Venla", "Onni", "Helmi", "Leevi", "Sanni", "Lauri", "Iida", "Joonas", "Emmi", "Otto", "Kaisla", "Niilo", "Veera", "Aleksi"],
    last: [
      "Virtanen",
      "Korhonen",
      "Mäkinen",
      "Nieminen",
      "Heikkinen",
      "Laine",
      "Koskinen",
      "Järvinen",
      "Lehtonen",
      "Saarinen",
      "Salminen",
      "Hämäläinen",
      "Rantanen",
    ],
    zone: "Europe/Helsinki",
    places: ["Rovaniemi", "Inari", "Kemijärvi", "Sodankylä", "Kuusamo", "Kittilä"],
    schools: ["Tampere University", "University of Helsinki", "University of Oulu"],
  },
  NO: {
    first: ["Ingrid", "Sander", "Nora", "Magnus", "Sigrid", "Henrik", "Thea", "Jonas", "Ida", "Eirik", "Marte", "Even", "Solveig", "Tobias"],
    last: ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Berg", "Haugen", "Hagen", "Bakken", "Solberg", "Strand"],
    zone: "Europe/Oslo",
    places: ["Alta", "Vadsø", "Røros", "Lofoten", "Bodø", "Finnsnes", "Tynset"],
    schools: ["NTNU Trondheim", "University of Bergen", "UiT Tromsø"],
  },
  DK: {
    first: ["Freja", "Mikkel", "Ida", "Rasmus", "Sofie", "Frederik", "Laura", "Magnus", "Clara", "Oliver", "Emma", "Mathias", "Anna", "Jonas"],
    last: ["Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Madsen", "Kristensen"],
    zone: "Europe/Copenhagen",
    places: ["Thisted", "Skive", "Lemvig", "Ringkøbing", "Hjørring", "Tønder"],
    schools: ["Aarhus University", "University of Copenhagen", "Aalborg University"],
  },
  DE: {
    first: ["Lena", "Jonas", "Mia", "Felix", "Hannah", "Lukas", "Lea", "Paul", "Marie", "Leon", "Anna", "Finn", "Clara", "Moritz"],
    last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch", "Richter", "Klein"],
    zone: "Europe/Berlin",
    places: ["Uckermark", "Vorpommern", "Altmark", "Eifel", "Harz"],
    schools: ["Universität Hamburg", "Universität Greifswald", "Universität Kiel"],
  },
  EE: {
    first: ["Kadri", "Mart", "Liis", "Rasmus", "Kertu", "Karl", "Triin", "Markus"],
    last: ["Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves"],
    zone: "Europe/Tallinn",
    places: ["Võru", "Põlva", "Hiiumaa", "Saaremaa"],
    schools: ["University of Tartu", "Tallinn University"],
  },
  PL: {
    first: ["Zofia", "Jakub", "Julia", "Kacper", "Maja", "Szymon", "Hanna", "Antoni"],
    last: ["Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski", "Zielińska"],
    zone: "Europe/Warsaw",
    places: ["Podlasie", "Warmia", "Bieszczady"],
    schools: ["University of Warsaw", "Jagiellonian University"],
  },
  IS: {
    first: ["Guðrún", "Jón", "Sigríður", "Ólafur", "Anna", "Einar"],
    last: ["Jónsdóttir", "Sigurðsson", "Guðmundsdóttir", "Ólafsson"],
    zone: "Atlantic/Reykjavik",
    places: ["Ísafjörður", "Egilsstaðir", "Húsavík"],
    schools: ["University of Iceland"],
  },
};

const NATIVE_LANGUAGE: Record<string, string> = { SE: "sv", FI: "fi", NO: "no", DK: "da", DE: "de", EE: "et", PL: "pl", IS: "is" };
const SOURCE_WEIGHTS: Array<[string, number]> = [
  ["careers", 30],
  ["university", 14],
  ["referral", 12],
  ["customer-newsletter", 14],
  ["job-board", 14],
  ["linkedin", 8],
  ["employment-office", 8],
];
const REJECTION_REASONS = [
  "Language level below what the queue needs",
  "Availability does not match the opening's hours",
  "No quiet room for calls yet",
  "Took another job",
  "Did not reply to the screening message",
];

function weighted<T>(random: Random, items: Array<[T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random.next() * total;
  for (const [item, w] of items) if ((r -= w) < 0) return item;
  return items[items.length - 1][0];
}

function availabilityFor(cohort: string, random: Random): Slot[] {
  if (cohort === "student") {
    const evening = random.pick(["17:00", "18:00"]);
    const slots: Slot[] = [0, 1, 2, 3].filter(() => random.next() < 0.8).map((day) => ({ day, from: evening, to: random.pick(["21:00", "22:00", "23:00"]) }));
    if (random.next() < 0.8) slots.push({ day: 5, from: "10:00", to: "16:00" }, { day: 6, from: "12:00", to: "18:00" });
    return slots.length ? slots : [{ day: 6, from: "10:00", to: "18:00" }];
  }
  if (cohort === "rural") {
    const start = random.pick(["07:00", "08:00", "09:00"]);
    const end = random.pick(["15:00", "16:00", "17:00"]);
    return [0, 1, 2, 3, 4].filter(() => random.next() < 0.9).map((day) => ({ day, from: start, to: end }));
  }
  return [0, 1, 2, 3, 4, 5, 6]
    .filter(() => random.next() < 0.45)
    .map((day) => (random.next() < 0.5 ? { day, from: "09:00", to: "13:00" } : { day, from: "18:00", to: "21:00" }))
    .concat([{ day: 5, from: "10:00", to: "14:00" }]);
}

type OpeningRow = {
  id: string;
  cohorts: string[];
  countries: string[];
  languages: Array<{ language: string; level: string }>;
  weeklyHoursMax: number;
  retentionDays: number;
  stages: Array<{ id: string; kind: string; position: number }>;
};

/**
 * Where an application ends up: most stay early, some reach the end. `fate` is the index of the
 * active stage reached, then whether it closed there (rejected, withdrawn) or went on to hire.
 */
function fateFor(random: Random, activeCount: number): { reached: number; outcome: "open" | "REJECTED" | "WITHDRAWN" | "HIRED" } {
  let reached = 0;
  while (reached < activeCount - 1 && random.next() < 0.55) reached++;
  const r = random.next();
  if (reached === activeCount - 1 && r < 0.45) return { reached, outcome: "HIRED" };
  if (r < 0.3) return { reached, outcome: "REJECTED" };
  if (r < 0.36) return { reached, outcome: "WITHDRAWN" };
  return { reached, outcome: "open" };
}

type Rows = {
  applicants: Prisma.ApplicantCreateManyInput[];
  consents: Prisma.ConsentCreateManyInput[];
  applications: Prisma.ApplicationCreateManyInput[];
  changes: Prisma.StageChangeCreateManyInput[];
};

function generate(random: Random, openings: OpeningRow[], count: number, now: Date, recruiterIds: string[], emailPrefix: string): Rows {
  const rows: Rows = { applicants: [], consents: [], applications: [], changes: [] };
  const DAY = 24 * 3600_000;
  for (let i = 0; i < count; i++) {
    const opening = openings[i % openings.length];
    const cohort = random.pick(opening.cohorts);
    const country = random.pick(opening.countries.filter((c) => NAMES[c]).length ? opening.countries.filter((c) => NAMES[c]) : ["SE"]);
    const people = NAMES[country];
    const first = random.pick(people.first);
    const last = random.pick(people.last);
    const ascii = (s: string) =>
      s
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/ø/g, "o")
        .replace(/æ/g, "ae")
        .replace(/ð/g, "d")
        .replace(/ł/g, "l")
        .toLowerCase();
    const applicantId = randomUUID();
    const appliedAt = new Date(now.getTime() - Math.floor(random.next() * 120 + 1) * DAY - Math.floor(random.next() * 12 * 3600_000));
    const slots = availabilityFor(cohort, random);
    const languages = [{ language: NATIVE_LANGUAGE[country] ?? "sv", level: "NATIVE" }];
    for (const l of opening.languages)
      if (!languages.some((x) => x.language === l.language)) languages.push({ language: l.language, level: random.pick(["B2", "C1", "C1", "C2"]) });
    if (!languages.some((l) => l.language === "en")) languages.push({ language: "en", level: random.pick(["B1", "B2", "C1"]) });
    const cap = cohort === "student" ? random.pick([15, 18, 20, 20]) : null;
    const hoursWanted = Math.min(cap ?? 40, random.pick([10, 12, 15, 20, 25, 30, 37]));
    const retainUntil = new Date(appliedAt.getTime() + opening.retentionDays * DAY);
    rows.applicants.push({
      id: applicantId,
      email: `${ascii(first)}.${ascii(last)}.${emailPrefix}${i}@mail.example`,
      name: `${first} ${last}`,
      phone: `+${{ SE: "46", FI: "358", NO: "47", DK: "45", DE: "49", EE: "372", PL: "48", IS: "354" }[country] ?? "46"} ${String(700000000 + Math.floor(random.next() * 99999999)).replace(/(\d{2})(\d{3})(\d{2})(\d{2})/, "$1 $2 $3 $4")}`,
      country,
      region: cohort === "rural" ? random.pick(people.places) : null,
      timeZone: people.zone,
      languages,
      languageCodes: languages.map((l) => l.language),
      cohort,
      school: cohort === "student" ? random.pick(people.schools) : null,
      graduation: cohort === "student" ? `${now.getUTCFullYear() + 1 + Math.floor(random.next() * 3)}-06` : null,
      termTimeCapHours: cap,
      municipality: cohort === "rural" ? random.pick(people.places) : null,
      customerSince: cohort === "loyal-customer" ? String(2014 + Math.floor(random.next() * 11)) : null,
      customerId: cohort === "loyal-customer" && random.next() < 0.6 ? `C-${100000 + Math.floor(random.next() * 899999)}` : null,
      availability: slots,
      availableHours: utcHoursOfWeek(slots, people.zone, appliedAt),
      hoursWanted,
      quietRoom: random.next() < 0.85,
      headset: random.next() < 0.7,
      broadbandMbps: random.pick([50, 100, 100, 250, 500, 1000]),
      retainUntil,
      createdAt: appliedAt,
    });
    rows.consents.push({ id: randomUUID(), applicantId, wordingVersion: CONSENT_WORDING_VERSION, retentionDays: opening.retentionDays, givenAt: appliedAt });

    const active = opening.stages.filter((s) => s.kind === "ACTIVE").sort((a, b) => a.position - b.position);
    const fate = fateFor(random, active.length);
    const applicationId = randomUUID();
    let at = appliedAt;
    let from: string | null = null;
    const path = active.slice(0, fate.reached + 1).map((s) => ({ id: s.id, reason: null as string | null }));
    if (fate.outcome !== "open") {
      const end = opening.stages.find((s) => s.kind === fate.outcome)!;
      path.push({ id: end.id, reason: fate.outcome === "HIRED" ? null : fate.outcome === "WITHDRAWN" ? "Took another job" : random.pick(REJECTION_REASONS) });
    }
    for (const [step, stage] of path.entries()) {
      if (step > 0) at = new Date(Math.min(now.getTime() - 3600_000, at.getTime() + (1 + random.next() * 6) * DAY));
      rows.changes.push({
        id: randomUUID(),
        applicationId,
        fromStageId: from,
        toStageId: stage.id,
        byId: step === 0 ? null : random.pick(recruiterIds),
        reason: stage.reason,
        createdAt: at,
      });
      from = stage.id;
    }
    const last_ = path[path.length - 1];
    rows.applications.push({
      id: applicationId,
      applicantId,
      openingId: opening.id,
      stageId: last_.id,
      source: weighted(random, SOURCE_WEIGHTS),
      closedReason: last_.reason,
      stageEnteredAt: at,
      hiredAt: fate.outcome === "HIRED" ? at : null,
      createdAt: appliedAt,
    });
  }
  return rows;
}

async function insert(prisma: PrismaClient, rows: Rows) {
  const chunk = 2000;
  for (let i = 0; i < rows.applicants.length; i += chunk) await prisma.applicant.createMany({ data: rows.applicants.slice(i, i + chunk) });
  for (let i = 0; i < rows.consents.length; i += chunk) await prisma.consent.createMany({ data: rows.consents.slice(i, i + chunk) });
  for (let i = 0; i < rows.applications.length; i += chunk) await prisma.application.createMany({ data: rows.applications.slice(i, i + chunk) });
  for (let i = 0; i < rows.changes.length; i += chunk) await prisma.stageChange.createMany({ data: rows.changes.slice(i, i + chunk) });
}

async function createOpenings(prisma: PrismaClient, openings: DemoOpening[], createdAt: Date): Promise<OpeningRow[]> {
  const created: OpeningRow[] = [];
  for (const o of openings) {
    const row = await prisma.opening.create({
      data: {
        ...o,
        languageCodes: o.languages.map((l) => l.language),
        createdAt,
        stages: { create: DEFAULT_STAGES.map((s, position) => ({ ...s, position })) },
      },
      select: {
        id: true,
        cohorts: true,
        countries: true,
        languages: true,
        weeklyHoursMax: true,
        retentionDays: true,
        stages: { select: { id: true, kind: true, position: true } },
      },
    });
    created.push({ ...row, languages: readJsonColumn(LanguagesColumn, row.languages, "opening languages") });
  }
  return created;
}

const LARGE_LANGUAGES = [
  { language: "fi", country: "FI", name: "Finnish" },
  { language: "no", country: "NO", name: "Norwegian" },
  { language: "da", country: "DK", name: "Danish" },
  { language: "de", country: "DE", name: "German" },
  { language: "sv", country: "SE", name: "Swedish" },
];
const INTAKES = ["spring", "summer", "autumn", "winter"];

function largeOpenings(count: number): DemoOpening[] {
  return Array.from({ length: count }, (_, i) => {
    const lang = LARGE_LANGUAGES[i % LARGE_LANGUAGES.length];
    const channel = (["CHAT", "PHONE", "EMAIL"] as const)[Math.floor(i / 5) % 3];
    const intake = `${INTAKES[Math.floor(i / 15) % 4]} ${2024 + (Math.floor(i / 60) % 3)}`;
    return {
      slug: `intake-${i + 1}-${lang.language}-${channel.toLowerCase()}`,
      title: `${lang.name} ${channel.toLowerCase()} agents — ${intake} intake, team ${Math.floor(i / 15) + 1}`,
      description: `Remote ${channel.toLowerCase()} support for ${lang.name}-speaking customers, ${intake} intake.`,
      status: i % 7 === 0 ? "OPEN" : i % 3 === 0 ? "PAUSED" : "CLOSED",
      languages: [{ language: lang.language, level: "C1" }],
      channels: [channel],
      cohorts: ["student", "rural", "loyal-customer"],
      countries: [lang.country],
      headcountTarget: 5 + (i % 20),
      weeklyHoursMin: 10,
      weeklyHoursMax: 37,
    };
  });
}

export type RecruitingSeedSize = { applicants: number; openings: number };

/** `--applicants 50000` (or SEED_APPLICANTS=50000) grows the demo to that many applicants over 200 openings. */
export function recruitingSeedSize(argv: string[], environment: NodeJS.ProcessEnv): RecruitingSeedSize {
  const flag = argv.indexOf("--applicants");
  const requested = Number(flag >= 0 ? argv[flag + 1] : (environment.SEED_APPLICANTS ?? 0));
  return requested > 0 ? { applicants: Math.floor(requested), openings: 200 } : { applicants: 0, openings: 0 };
}

/** Idempotent: an opening that exists (by slug) is left as it is, with its applicants. */
export async function seedRecruiting(prisma: PrismaClient, size: RecruitingSeedSize, now = new Date()) {
  const random = createRandom(20261127);
  const recruiterIds = (await prisma.user.findMany({ where: { role: "RECRUITER" }, select: { id: true } })).map((u) => u.id);
  if (recruiterIds.length === 0) return { openings: 0, applicants: 0 };
  let openingsCreated = 0;
  let applicantsCreated = 0;

  const existing = new Set(
    (await prisma.opening.findMany({ where: { slug: { in: DEMO_OPENINGS.map((o) => o.slug) } }, select: { slug: true } })).map((o) => o.slug),
  );
  const missing = DEMO_OPENINGS.filter((o) => !existing.has(o.slug));
  if (missing.length) {
    const openings = await createOpenings(prisma, missing, new Date(now.getTime() - 130 * 24 * 3600_000));
    const withApplicants = openings.filter((_, i) => missing[i].status !== "DRAFT");
    const rows = generate(random, withApplicants, withApplicants.length * 30, now, recruiterIds, "d");
    await insert(prisma, rows);
    openingsCreated += openings.length;
    applicantsCreated += rows.applicants.length;
  }

  if (size.applicants > 0) {
    const specs = largeOpenings(size.openings - DEMO_OPENINGS.length);
    if (!(await prisma.opening.findUnique({ where: { slug: specs[0].slug }, select: { id: true } }))) {
      const openings = await createOpenings(prisma, specs, new Date(now.getTime() - 400 * 24 * 3600_000));
      const total = size.applicants - (await prisma.applicant.count());
      for (let done = 0; done < total; done += 10_000) {
        const rows = generate(random, openings, Math.min(10_000, total - done), now, recruiterIds, `l${done / 10_000}-`);
        await insert(prisma, rows);
        applicantsCreated += rows.applicants.length;
      }
      openingsCreated += openings.length;
    }
  }
  return { openings: openingsCreated, applicants: applicantsCreated };
}
