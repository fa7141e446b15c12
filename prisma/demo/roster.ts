// The demo company's agents: students (evenings and weekends, term-time caps near 20 h), rural
// residents (weekday days, full- and part-time) and loyal customers (flexible), per language.
import { createRandom } from "./random";

export type Availability = { day: number; from: string; to: string }[];

export type DemoAgent = {
  name: string;
  email: string;
  cohort: "student" | "rural" | "loyal-customer";
  timeZone: string;
  /** Queue keys the agent is qualified for. */
  skills: string[];
  weeklyMinMinutes: number;
  weeklyMaxMinutes: number;
  maxShiftsPerWeek: number;
  availability: Availability;
  place: string;
};

type Market = {
  language: string;
  timeZone: string;
  places: { student: string[]; rural: string[]; loyal: string[] };
  first: string[];
  last: string[];
  queues: string[];
  count: number;
};

const MARKETS: Market[] = [
  {
    language: "sv",
    timeZone: "Europe/Stockholm",
    count: 38,
    queues: ["sv-chat", "sv-phone"],
    places: { student: ["Uppsala", "Lund", "Umeå"], rural: ["Arvidsjaur", "Sollefteå", "Jokkmokk", "Storuman"], loyal: ["Göteborg", "Malmö", "Örebro"] },
    first: [
      "Elsa",
      "Oskar",
      "Maja",
      "Linnea",
      "Viktor",
      "Alva",
      "Hugo",
      "Ebba",
      "Axel",
      "Wilma",
      "Albin",
      "Saga",
      "Filip",
      "Tilde",
      "Emil",
      "Klara",
      "Nils",
      "Agnes",
      "Lukas",
      "Freja",
    ],
    last: [
      "Nordström",
      "Lundgren",
      "Holm",
      "Sundberg",
      "Eklund",
      "Bergqvist",
      "Lindberg",
      "Forsberg",
      "Sjöberg",
      "Wallin",
      "Engström",
      "Dahl",
      "Hedlund",
      "Nyberg",
    ],
  },
  {
    language: "fi",
    timeZone: "Europe/Helsinki",
    count: 20,
    queues: ["fi-chat"],
    places: { student: ["Tampere", "Jyväskylä"], rural: ["Rovaniemi", "Kemijärvi", "Sodankylä"], loyal: ["Oulu", "Turku"] },
    first: ["Aino", "Eero", "Lotta", "Veeti", "Helmi", "Onni", "Siiri", "Leevi", "Iida", "Elias", "Venla", "Aleksi"],
    last: ["Virtanen", "Mäkelä", "Korhonen", "Nieminen", "Heikkinen", "Laine", "Koskinen", "Järvinen", "Lehtonen", "Salo"],
  },
  {
    language: "da",
    timeZone: "Europe/Copenhagen",
    count: 14,
    queues: ["da-chat"],
    places: { student: ["Aarhus", "Odense"], rural: ["Thisted", "Skive", "Lemvig"], loyal: ["Aalborg", "Vejle"] },
    first: ["Mikkel", "Sofie", "Frederik", "Ida", "Mathias", "Emma", "Rasmus", "Clara", "Magnus", "Laura"],
    last: ["Kristensen", "Andersen", "Jensen", "Nielsen", "Pedersen", "Møller", "Larsen", "Sørensen"],
  },
  {
    language: "no",
    timeZone: "Europe/Oslo",
    count: 14,
    queues: ["no-chat"],
    places: { student: ["Trondheim", "Bergen"], rural: ["Alta", "Røros", "Bodø"], loyal: ["Stavanger", "Drammen"] },
    first: ["Ingrid", "Jonas", "Nora", "Sander", "Thea", "Henrik", "Ingeborg", "Sindre", "Marte", "Eirik"],
    last: ["Solheim", "Haugen", "Berg", "Johansen", "Bakken", "Hansen", "Lie", "Strand"],
  },
  {
    language: "de",
    timeZone: "Europe/Berlin",
    count: 16,
    queues: ["de-chat"],
    places: { student: ["Kiel", "Flensburg"], rural: ["Husum", "Aurich"], loyal: ["Hamburg", "Lübeck"] },
    first: ["Lena", "Jonas", "Mia", "Paul", "Hannah", "Felix", "Lea", "Moritz", "Sophie", "Tim"],
    last: ["Schmidt", "Petersen", "Hansen", "Wagner", "Becker", "Jansen", "Meier", "Koch"],
  },
];

const WEEKDAYS = [0, 1, 2, 3, 4];
const range = (days: number[], from: string, to: string): Availability => days.map((day) => ({ day, from, to }));

function cohortShape(cohort: DemoAgent["cohort"], r: ReturnType<typeof createRandom>) {
  if (cohort === "student") {
    // Evenings on weekdays, long stretches at weekends; term-time cap near 20 h.
    const evenings = range(WEEKDAYS, r.pick(["16:00", "17:00"]), "23:00");
    const weekend = range([5, 6], r.pick(["09:00", "10:00"]), "22:00");
    return { availability: [...evenings, ...weekend], min: 600, max: r.pick([1080, 1200]), maxShifts: 5 };
  }
  if (cohort === "rural") {
    const full = r.next() < 0.6;
    return {
      availability: range(WEEKDAYS, r.pick(["07:00", "08:00"]), r.pick(["17:00", "18:00"])),
      min: full ? 2100 : 1200,
      max: full ? 2400 : 1500,
      maxShifts: 5,
    };
  }
  const days = [0, 1, 2, 3, 4, 5, 6].filter(() => r.next() < 0.7);
  return {
    availability: range(days.length >= 3 ? days : [0, 2, 4, 5], r.pick(["08:00", "10:00", "12:00"]), r.pick(["20:00", "22:00", "23:00"])),
    min: 480,
    max: r.pick([960, 1200, 1440]),
    maxShifts: 4,
  };
}

function ascii(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ø/g, "o")
    .replace(/æ/g, "ae")
    .replace(/å/g, "a")
    .toLowerCase();
}

/** The agents whose sign-ins the demo hands out (Aino is the agent demo login). */
const NAMED: DemoAgent[] = [
  {
    name: "Aino Virtanen",
    email: "aino.virtanen@handoff.example",
    cohort: "student",
    timeZone: "Europe/Helsinki",
    skills: ["fi-chat", "en-chat"],
    weeklyMinMinutes: 600,
    weeklyMaxMinutes: 1200,
    maxShiftsPerWeek: 5,
    availability: [...range(WEEKDAYS, "16:00", "23:00"), ...range([5, 6], "10:00", "20:00")],
    place: "Tampere",
  },
  {
    name: "Elsa Nordström",
    email: "elsa.nordstrom@handoff.example",
    cohort: "rural",
    timeZone: "Europe/Stockholm",
    skills: ["sv-chat", "sv-phone"],
    weeklyMinMinutes: 2100,
    weeklyMaxMinutes: 2400,
    maxShiftsPerWeek: 5,
    availability: range(WEEKDAYS, "07:00", "18:00"),
    place: "Arvidsjaur",
  },
  {
    name: "Mikkel Kristensen",
    email: "mikkel.kristensen@handoff.example",
    cohort: "student",
    timeZone: "Europe/Copenhagen",
    skills: ["da-chat"],
    weeklyMinMinutes: 600,
    weeklyMaxMinutes: 1200,
    maxShiftsPerWeek: 5,
    availability: [...range(WEEKDAYS, "17:00", "23:00"), ...range([5, 6], "09:00", "22:00")],
    place: "Aarhus",
  },
  {
    name: "Sofie Andersen",
    email: "sofie.andersen@handoff.example",
    cohort: "rural",
    timeZone: "Europe/Copenhagen",
    skills: ["da-chat", "en-chat"],
    weeklyMinMinutes: 1200,
    weeklyMaxMinutes: 1500,
    maxShiftsPerWeek: 5,
    availability: range(WEEKDAYS, "08:00", "17:00"),
    place: "Thisted",
  },
  {
    name: "Oskar Lundgren",
    email: "oskar.lundgren@handoff.example",
    cohort: "loyal-customer",
    timeZone: "Europe/Stockholm",
    skills: ["sv-chat"],
    weeklyMinMinutes: 480,
    weeklyMaxMinutes: 1200,
    maxShiftsPerWeek: 4,
    availability: range([0, 2, 4, 5, 6], "10:00", "22:00"),
    place: "Örebro",
  },
  {
    name: "Lotta Mäkelä",
    email: "lotta.makela@handoff.example",
    cohort: "rural",
    timeZone: "Europe/Helsinki",
    skills: ["fi-chat"],
    weeklyMinMinutes: 2100,
    weeklyMaxMinutes: 2400,
    maxShiftsPerWeek: 5,
    availability: range(WEEKDAYS, "07:00", "17:00"),
    place: "Kemijärvi",
  },
];

/**
 * About 100 agents whose hours roughly match the demo's human overflow. Deterministic. `size` (the
 * benchmark's SEED_AGENTS=2000) grows every market in proportion; past the market's first × last
 * names, people get a middle initial.
 */
export function demoRoster(seed = 11, size?: number): DemoAgent[] {
  const r = createRandom(seed);
  const agents: DemoAgent[] = [...NAMED];
  const used = new Set<string>(NAMED.map((a) => a.name));
  const defaultSize = NAMED.length + MARKETS.reduce((n, m) => n + m.count, 0);
  const scale = size && size > defaultSize ? (size - NAMED.length) / (defaultSize - NAMED.length) : 1;
  for (const market of MARKETS) {
    const count = Math.round(market.count * scale);
    for (let i = 0; i < count; i++) {
      const roll = r.next();
      const cohort: DemoAgent["cohort"] = roll < 0.4 ? "student" : roll < 0.75 ? "rural" : "loyal-customer";
      let name = "";
      for (let tries = 0; name === "" || used.has(name); tries++) {
        const initial = tries < 20 ? "" : ` ${String.fromCharCode(65 + Math.floor(r.next() * 26))}.`;
        name = `${r.pick(market.first)}${initial} ${r.pick(market.last)}`;
        if (tries > 200) name = `${name} ${i}`;
      }
      used.add(name);
      const shape = cohortShape(cohort, r);
      // English chat is staffed by agents of every market who write it well.
      const skills = [...market.queues.filter((q) => q !== "sv-phone" || r.next() < 0.45), ...(r.next() < 0.3 ? ["en-chat"] : [])];
      if (skills.length === 0) skills.push(market.queues[0]);
      const places = cohort === "student" ? market.places.student : cohort === "rural" ? market.places.rural : market.places.loyal;
      agents.push({
        name,
        email: `${ascii(name).replace(/\./g, "").replace(/ /g, ".")}@agents.handoff.example`,
        cohort,
        timeZone: market.timeZone,
        skills,
        weeklyMinMinutes: shape.min,
        weeklyMaxMinutes: shape.max,
        maxShiftsPerWeek: shape.maxShifts,
        availability: shape.availability,
        place: r.pick(places),
      });
    }
  }
  return agents;
}

export type DemoLeaver = {
  name: string;
  email: string;
  cohort: DemoAgent["cohort"];
  timeZone: string;
  skills: string[];
  startedWeeksAgo: number;
  leftWeeksAgo: number;
  reason: string;
};

/** Agents who left in the last half year, so attrition is measured: students leave most (studies end), rural residents least. */
export const DEMO_LEAVERS: DemoLeaver[] = [
  {
    name: "Ella Sandberg",
    email: "ella.sandberg@former.handoff.example",
    cohort: "student",
    timeZone: "Europe/Stockholm",
    skills: ["sv-chat"],
    startedWeeksAgo: 40,
    leftWeeksAgo: 22,
    reason: "studies",
  },
  {
    name: "Anton Rask",
    email: "anton.rask@former.handoff.example",
    cohort: "student",
    timeZone: "Europe/Stockholm",
    skills: ["sv-chat", "en-chat"],
    startedWeeksAgo: 30,
    leftWeeksAgo: 15,
    reason: "moved",
  },
  {
    name: "Juho Kallio",
    email: "juho.kallio@former.handoff.example",
    cohort: "student",
    timeZone: "Europe/Helsinki",
    skills: ["fi-chat"],
    startedWeeksAgo: 34,
    leftWeeksAgo: 9,
    reason: "studies",
  },
  {
    name: "Emilia Peltonen",
    email: "emilia.peltonen@former.handoff.example",
    cohort: "student",
    timeZone: "Europe/Helsinki",
    skills: ["fi-chat"],
    startedWeeksAgo: 28,
    leftWeeksAgo: 4,
    reason: "other-job",
  },
  {
    name: "Jonas Vik",
    email: "jonas.vik@former.handoff.example",
    cohort: "student",
    timeZone: "Europe/Oslo",
    skills: ["no-chat"],
    startedWeeksAgo: 45,
    leftWeeksAgo: 12,
    reason: "studies",
  },
  {
    name: "Karla Winther",
    email: "karla.winther@former.handoff.example",
    cohort: "student",
    timeZone: "Europe/Copenhagen",
    skills: ["da-chat"],
    startedWeeksAgo: 38,
    leftWeeksAgo: 6,
    reason: "moved",
  },
  {
    name: "Greta Wolff",
    email: "greta.wolff@former.handoff.example",
    cohort: "student",
    timeZone: "Europe/Berlin",
    skills: ["de-chat"],
    startedWeeksAgo: 36,
    leftWeeksAgo: 2,
    reason: "studies",
  },
  {
    name: "Per Norling",
    email: "per.norling@former.handoff.example",
    cohort: "rural",
    timeZone: "Europe/Stockholm",
    skills: ["sv-phone"],
    startedWeeksAgo: 60,
    leftWeeksAgo: 18,
    reason: "other-job",
  },
  {
    name: "Tuula Hiltunen",
    email: "tuula.hiltunen@former.handoff.example",
    cohort: "rural",
    timeZone: "Europe/Helsinki",
    skills: ["fi-chat"],
    startedWeeksAgo: 52,
    leftWeeksAgo: 7,
    reason: "personal",
  },
  {
    name: "Birgit Holt",
    email: "birgit.holt@former.handoff.example",
    cohort: "loyal-customer",
    timeZone: "Europe/Oslo",
    skills: ["no-chat"],
    startedWeeksAgo: 32,
    leftWeeksAgo: 20,
    reason: "personal",
  },
  {
    name: "Lars Bech",
    email: "lars.bech@former.handoff.example",
    cohort: "loyal-customer",
    timeZone: "Europe/Copenhagen",
    skills: ["da-chat", "en-chat"],
    startedWeeksAgo: 26,
    leftWeeksAgo: 10,
    reason: "other-job",
  },
  {
    name: "Svea Lund",
    email: "svea.lund@former.handoff.example",
    cohort: "loyal-customer",
    timeZone: "Europe/Stockholm",
    skills: ["sv-chat"],
    startedWeeksAgo: 24,
    leftWeeksAgo: 3,
    reason: "personal",
  },
];
