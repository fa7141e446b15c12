// Seeded schedule instances shaped like our operation: double-peaked weekday demand and three agent cohorts, supply ≈ demand.
import type { Agent, Instance } from "./instance";
import { seededRandom, type Random } from "./random";

export interface GenerateOptions {
  agents: number;
  queues: number;
  seed: number;
  /** Days in the horizon (7 = one week). */
  days?: number;
  intervalMinutes?: number;
  /** Required agent-intervals divided by the agents' summed maximum worked intervals. */
  load?: number;
}

const LANGUAGES = ["sv", "en", "fi", "no", "da", "de"];
const CHANNELS = ["chat", "phone"];

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)];
}

/** A smooth bump centred on `hour` with spread `width` hours. */
const bump = (hour: number, centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2));

export function generateInstance(options: GenerateOptions): Instance {
  const random = seededRandom(options.seed);
  const iv = options.intervalMinutes ?? 15;
  const days = options.days ?? 7;
  const perDay = (24 * 60) / iv;
  const T = days * perDay;
  const at = (day: number, hour: number) => day * perDay + Math.round((hour * 60) / iv);
  const queueIds = Array.from({ length: options.queues }, (_, q) => `${LANGUAGES[Math.floor(q / 2) % LANGUAGES.length]}-${CHANNELS[q % 2]}${q >= 12 ? `-${Math.floor(q / 12)}` : ""}`);

  const agents: Agent[] = [];
  for (let i = 0; i < options.agents; i++) {
    const roll = random();
    const home = Math.floor(random() * options.queues);
    const skills = new Set([home]);
    const extra = roll < 0.4 ? (random() < 0.5 ? 1 : 0) : Math.floor(random() * 3);
    for (let k = 0; k < extra; k++) skills.add(Math.floor(random() * options.queues));
    const availability: [number, number][] = [];
    let minMinutes: number;
    let maxMinutes: number;
    if (roll < 0.4) {
      // Students: weekday evenings on some days, long weekend days; capped near 20 h.
      for (let d = 0; d < days; d++) {
        const weekend = d % 7 >= 5;
        if (weekend && random() < 0.8) availability.push([at(d, pick([8, 9, 10], random)), at(d, pick([18, 20, 22], random))]);
        if (!weekend && random() < 0.6) availability.push([at(d, pick([15, 16, 17], random)), at(d, pick([22, 23], random))]);
      }
      maxMinutes = pick([1080, 1200, 1200], random);
      minMinutes = pick([0, 480, 600], random);
    } else if (roll < 0.75) {
      // Rural full-timers: weekday days.
      const from = pick([7, 7.5, 8], random);
      const to = pick([16, 17, 18], random);
      for (let d = 0; d < days; d++) if (d % 7 < 5) availability.push([at(d, from), at(d, to)]);
      maxMinutes = 2400;
      minMinutes = pick([1800, 2100, 2280], random);
    } else {
      // Flexible loyal customers: most days, wide hours.
      for (let d = 0; d < days; d++) {
        if (random() < 0.75) availability.push([at(d, pick([7, 8, 10, 12], random)), at(d, pick([17, 20, 22, 23], random))]);
      }
      maxMinutes = pick([1440, 1800, 2400], random);
      minMinutes = pick([0, 600, 1200], random);
    }
    agents.push({
      id: `a${i + 1}`,
      skills: [...skills].map((q) => queueIds[q]),
      minMinutes,
      maxMinutes,
      maxShifts: 5,
      availability,
    });
  }

  // Demand: weekday pattern × intraday double peak, chat leaning to the evening; scaled so supply ≈ demand.
  const weekday = [1.15, 1.05, 1.0, 0.98, 0.95, 0.7, 0.6];
  const shapes = queueIds.map((id, q) => ({
    weight: 0.5 + random(),
    evening: id.includes("chat") ? 0.7 : 0.35,
    skew: (q % 3) * 0.5,
  }));
  const raw = queueIds.map((_, q) => {
    const { weight, evening, skew } = shapes[q];
    return Array.from({ length: T }, (_, t) => {
      const day = Math.floor(t / perDay);
      const hour = ((t % perDay) * iv) / 60;
      if (hour < 7 || hour >= 23) return 0;
      const intraday = 0.25 + bump(hour, 10 + skew, 1.8) + 0.8 * bump(hour, 14 + skew, 2) + evening * bump(hour, 20, 1.6);
      return weight * weekday[day % 7] * intraday;
    });
  });
  const capacity = agents.reduce((sum, a) => sum + a.maxMinutes / iv, 0);
  const total = raw.reduce((sum, row) => sum + row.reduce((s, x) => s + x, 0), 0);
  const scale = ((options.load ?? 1) * capacity) / total;
  const queues = queueIds.map((id, q) => ({
    id,
    required: raw[q].map((x) => Math.max(0, Math.round(x * scale + (random() - 0.5) * 0.8))),
  }));

  return {
    start: "2026-12-07T00:00:00Z",
    intervalMinutes: iv,
    intervals: T,
    queues,
    rules: {
      shiftLengthsMinutes: [240, 360, 480],
      minRestMinutes: 660,
      breaks: [
        { minShiftMinutes: 300, minutes: 30, earliestAfterStartMinutes: 120, latestBeforeEndMinutes: 120 },
        { minShiftMinutes: 420, minutes: 15, earliestAfterStartMinutes: 60, latestBeforeEndMinutes: 60 },
      ],
    },
    agents,
  };
}
