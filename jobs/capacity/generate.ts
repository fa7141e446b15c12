// Seeded capacity plans for the bench and the tests: students, rural residents and loyal customers over languages whose AI share keeps rising.
import { seededRandom } from "../schedule/random";
import type { Cohort, Plan } from "./model";

export interface GenerateOptions {
  queues: number;
  weeks: number;
  seed: number;
  /** Existing groups (default 20). */
  groups?: number;
  /** Hireable profiles (default 25). */
  profiles?: number;
  start?: string;
}

const LANGUAGES = ["sv-chat", "fi-chat", "no-chat", "da-chat", "de-chat", "en-chat", "sv-phone", "nl-chat", "fr-chat", "es-chat", "it-chat", "pl-chat"];
export const BANDS = ["weekday-day", "weekday-evening", "weekend"];

export function generatePlan(options: GenerateOptions): Plan {
  const random = seededRandom(options.seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const round1 = (v: number) => Math.round(v * 10) / 10;
  const W = options.weeks;
  const queueIds = Array.from({ length: options.queues }, (_, i) => (i < LANGUAGES.length ? LANGUAGES[i] : `q${i}-chat`));

  // Students: term time 20 h, exam weeks 10 h, summer 30 h (weeks counted from a late-April start).
  const studentHours = Array.from({ length: W }, (_, w) => {
    const y = w % 52;
    if ((y >= 9 && y < 12) || (y >= 36 && y < 38)) return 10;
    if (y >= 21 && y < 34) return 30;
    return 20;
  });
  const cohorts: Cohort[] = [
    {
      id: "student",
      hoursPerWeek: studentHours,
      bandHours: { "weekday-day": 4, "weekday-evening": 15, weekend: 12 },
      attritionPerWeek: 0.012,
      leadWeeks: 3,
      ramp: [0.5, 0.75],
      costPerHour: 17,
      hireCost: 900,
    },
    {
      id: "rural",
      hoursPerWeek: 37.5,
      bandHours: { "weekday-day": 37.5, "weekday-evening": 6 },
      attritionPerWeek: 0.004,
      leadWeeks: 4,
      ramp: [0.4, 0.6, 0.8],
      costPerHour: 21,
      hireCost: 1500,
    },
    {
      id: "loyal",
      hoursPerWeek: 15,
      bandHours: { "weekday-day": 8, "weekday-evening": 10, weekend: 8 },
      attritionPerWeek: 0.008,
      leadWeeks: 2,
      ramp: [0.6],
      costPerHour: 19,
      hireCost: 600,
    },
  ];

  // Demand: volume growing, containment rising (human share falling), a sale spike, mild yearly season.
  const spike = Math.floor(between(4, Math.max(5, W - 4)));
  const queues = queueIds.map((id) => {
    const base = between(150, 900);
    const share = [between(0.5, 0.6), between(0.26, 0.32)];
    const split = [share[0], share[1], 1 - share[0] - share[1]];
    const growth = between(0.0, 0.004);
    const fall = between(0.25, 0.5); // share of human demand the rising containment takes away by the end of a year
    const required = Array.from({ length: W }, (_, w) => {
      const trend = Math.pow(1 + growth, w) * (1 - (fall * Math.min(w, 52)) / 52);
      const season = 1 + 0.06 * Math.sin((2 * Math.PI * w) / 52);
      const sale = w === spike || w === spike + 1 ? 1.3 : 1;
      return split.map((s) => round1(base * s * trend * season * sale * between(0.95, 1.05)));
    });
    return { id, required, base };
  });

  // Existing groups: cohorts cycled over queues, sized so that week 0 is staffed at 60–85 %; some also speak English.
  const groupCount = options.groups ?? 20;
  const agents: Plan["agents"] = [];
  const perQueue = Math.max(1, Math.round(groupCount / options.queues));
  for (let g = 0; g < groupCount; g++) {
    const q = g % options.queues;
    const cohort = cohorts[(g + Math.floor(g / options.queues)) % cohorts.length];
    const hours = typeof cohort.hoursPerWeek === "number" ? cohort.hoursPerWeek : cohort.hoursPerWeek[0];
    const target = (queues[q].base * between(0.6, 0.85)) / perQueue;
    const skills = [queueIds[q]];
    const en = queueIds.indexOf("en-chat");
    if (en >= 0 && q !== en && random() < 0.25) skills.push("en-chat");
    agents.push({ cohort: cohort.id, skills, count: Math.max(1, Math.round(target / hours)) });
  }

  // Hireable profiles: every (queue, cohort) pair in turn, then a few bilingual ones.
  const profileCount = options.profiles ?? 25;
  const hireable: Plan["hireable"] = [];
  for (let p = 0; p < profileCount; p++) {
    const single = options.queues * cohorts.length;
    if (p < single && p < profileCount - 2) {
      const q = p % options.queues;
      const cohort = cohorts[Math.floor(p / options.queues) % cohorts.length];
      hireable.push({ cohort: cohort.id, skills: [queueIds[q]], maxPerWeek: Math.floor(between(2, 6)) });
    } else {
      const cohort = cohorts[p % cohorts.length].id;
      const first = Math.floor(random() * options.queues);
      for (let i = 0; i < options.queues; i++) {
        const q = (first + i) % options.queues;
        const other = queueIds.includes("en-chat") && queueIds[q] !== "en-chat" ? "en-chat" : queueIds[(q + 1) % options.queues];
        const skills = [...new Set([queueIds[q], other])];
        if (hireable.some((h) => h.cohort === cohort && h.skills.join() === skills.join())) continue;
        hireable.push({ cohort, skills, maxPerWeek: 2 });
        break;
      }
    }
  }
  return {
    start: options.start ?? "2027-04-26",
    weeks: W,
    bands: [...BANDS],
    queues: queues.map(({ id, required }) => ({ id, required })),
    cohorts,
    agents,
    hireable,
    shortfallCostPerHour: 120,
  };
}
