// Seeded schedule instances: "classic" weeks shaped like our operation (supply ≈ demand everywhere) and "varied" ones that do not flatter the engine.
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
  /**
   * "classic" (default): three cohorts, 1–3 skills round a home queue, demand shaped alike in every
   * queue and scaled so supply ≈ demand. "varied": see generateVaried.
   */
  style?: "classic" | "varied";
}

const LANGUAGES = ["sv", "en", "fi", "no", "da", "de"];
const CHANNELS = ["chat", "phone"];

function pick<T>(items: readonly T[], random: Random): T {
  return items[Math.floor(random() * items.length)];
}

/** A smooth bump centred on `hour` with spread `width` hours. */
const bump = (hour: number, centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2));

export function generateInstance(options: GenerateOptions): Instance {
  if (options.style === "varied") return generateVaried(options);
  const random = seededRandom(options.seed);
  const iv = options.intervalMinutes ?? 15;
  const days = options.days ?? 7;
  const perDay = (24 * 60) / iv;
  const T = days * perDay;
  const at = (day: number, hour: number) => day * perDay + Math.round((hour * 60) / iv);
  const queueIds = Array.from(
    { length: options.queues },
    (_, q) => `${LANGUAGES[Math.floor(q / 2) % LANGUAGES.length]}-${CHANNELS[q % 2]}${q >= 12 ? `-${Math.floor(q / 12)}` : ""}`,
  );

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

/** A log-normal draw: very uneven sizes from one seed. */
const logNormal = (random: Random, sigma: number) => Math.exp(sigma * Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random()));

/**
 * Weeks the engine was not tuned on: very uneven queue sizes; supply above demand in some queues and
 * short in others (agents' home queues are drawn with a per-queue bias unrelated to demand);
 * single-skill specialists beside wide multi-skill agents; fragmented availability (two short
 * windows a day) beside day and evening workers; many agents sharing a contract template (as
 * recruited cohorts do) and the rest individual; demand shapes differing per queue (some peak in the
 * morning, some in the evening, some flat, some with weekend peaks).
 */
export function generateVaried(options: GenerateOptions): Instance {
  const random = seededRandom(options.seed * 7919 + 17);
  const iv = options.intervalMinutes ?? 15;
  const days = options.days ?? 7;
  const perDay = (24 * 60) / iv;
  const T = days * perDay;
  const at = (day: number, hour: number) => Math.min(T, day * perDay + Math.round((hour * 60) / iv));
  const Q = options.queues;
  const queueIds = Array.from({ length: Q }, (_, q) => `q${q + 1}-${LANGUAGES[q % LANGUAGES.length]}`);
  // Demand size per queue (log-normal: the largest is often 10–20 × the smallest) and a supply bias
  // that decides which queues end up over- and under-staffed.
  const size = queueIds.map(() => logNormal(random, 0.9));
  const bias = queueIds.map(() => 0.45 + 1.2 * random());
  const homeWeight = size.map((s, q) => s * bias[q]);
  const drawQueue = () => {
    let x = random() * homeWeight.reduce((a, b) => a + b, 0);
    for (let q = 0; q < Q; q++) if ((x -= homeWeight[q]) <= 0) return q;
    return Q - 1;
  };

  type Template = { availability: [number, number][]; minMinutes: number; maxMinutes: number; maxShifts: number };
  const dayWorker = (): Template => {
    const from = pick([6, 7, 8, 9], random);
    const to = from + pick([8, 9, 10], random);
    const off = new Set([pick([5, 6], random), random() < 0.5 ? pick([0, 1, 2, 3, 4], random) : -1]);
    const availability: [number, number][] = [];
    for (let d = 0; d < days; d++) if (!off.has(d % 7)) availability.push([at(d, from), at(d, to)]);
    return { availability, minMinutes: pick([1200, 1800, 2100], random) * (days / 7), maxMinutes: 2400 * (days / 7), maxShifts: 5 * Math.ceil(days / 7) };
  };
  const fragmented = (): Template => {
    // Two short windows a day (school run, second job): 4-hour shifts fit, longer ones do not.
    const morning = pick([6, 7, 8], random);
    const evening = pick([16, 17, 18], random);
    const availability: [number, number][] = [];
    for (let d = 0; d < days; d++) {
      if (random() < 0.2) continue;
      availability.push([at(d, morning), at(d, morning + pick([4, 4.5, 5], random))]);
      availability.push([at(d, evening), at(d, Math.min(24, evening + pick([4, 5], random)))]);
    }
    return { availability, minMinutes: 0, maxMinutes: pick([960, 1200, 1440], random) * (days / 7), maxShifts: 6 * Math.ceil(days / 7) };
  };
  const evening = (): Template => {
    const availability: [number, number][] = [];
    for (let d = 0; d < days; d++) {
      const weekend = d % 7 >= 5;
      if (weekend ? random() < 0.85 : random() < 0.5)
        availability.push(
          weekend ? [at(d, pick([8, 10], random)), at(d, pick([20, 22], random))] : [at(d, pick([16, 17], random)), at(d, pick([22, 23, 24], random))],
        );
    }
    return { availability, minMinutes: pick([0, 480], random), maxMinutes: pick([960, 1200], random) * (days / 7), maxShifts: 5 * Math.ceil(days / 7) };
  };
  const wide = (): Template => {
    const availability: [number, number][] = [];
    for (let d = 0; d < days; d++) if (random() < 0.8) availability.push([at(d, pick([6, 8, 10], random)), at(d, pick([18, 21, 24], random))]);
    return {
      availability,
      minMinutes: pick([0, 900, 1500], random) * (days / 7),
      maxMinutes: pick([1800, 2400], random) * (days / 7),
      maxShifts: 5 * Math.ceil(days / 7),
    };
  };
  const makers = [dayWorker, fragmented, evening, wide];
  // Cohort templates: about half the agents share one of a few contracts per kind.
  const templates = makers.map((make) => Array.from({ length: 3 }, () => make()));

  const agents: Agent[] = [];
  for (let i = 0; i < options.agents; i++) {
    const roll = random();
    const kind = roll < 0.35 ? 0 : roll < 0.6 ? 1 : roll < 0.8 ? 2 : 3;
    const template = random() < 0.5 ? pick(templates[kind], random) : makers[kind]();
    const home = drawQueue();
    const skills = new Set([home]);
    // Specialists (single skill) beside wide agents who serve up to all queues.
    const roll2 = random();
    const extra = roll2 < 0.45 ? 0 : roll2 < 0.8 ? 1 + Math.floor(random() * 2) : Math.max(2, Math.floor(Q * (0.5 + 0.5 * random())));
    for (let k = 0; k < extra; k++) skills.add(drawQueue());
    agents.push({
      id: `v${i + 1}`,
      skills: [...skills].sort((a, b) => a - b).map((q) => queueIds[q]),
      minMinutes: Math.round(template.minMinutes / 60) * 60,
      maxMinutes: Math.round(template.maxMinutes / 60) * 60,
      maxShifts: template.maxShifts,
      availability: template.availability.map(([a, b]) => [a, b] as [number, number]),
    });
  }

  const shapes = queueIds.map(() => ({
    morning: random(),
    evening: random() * 1.2,
    flat: 0.15 + 0.5 * random(),
    open: pick([7, 8], random),
    close: pick([20, 22, 24], random),
    weekend: pick([0.3, 0.6, 1.2], random),
    monday: 1 + 0.3 * random(),
  }));
  const raw = queueIds.map((_, q) => {
    const sh = shapes[q];
    return Array.from({ length: T }, (_, t) => {
      const day = Math.floor(t / perDay);
      const hour = ((t % perDay) * iv) / 60;
      if (hour < sh.open || hour >= sh.close) return 0;
      const wd = day % 7;
      const dayFactor = wd >= 5 ? sh.weekend : wd === 0 ? sh.monday : 1;
      const intraday = sh.flat + sh.morning * bump(hour, 10, 2) + 0.7 * bump(hour, 14, 2.5) + sh.evening * bump(hour, 20, 1.5);
      return size[q] * dayFactor * intraday;
    });
  });
  const capacity = agents.reduce((sum, a) => sum + a.maxMinutes / iv, 0);
  const total = raw.reduce((sum, row) => sum + row.reduce((s, x) => s + x, 0), 0);
  const scale = ((options.load ?? 0.95) * capacity) / total;
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
        { minShiftMinutes: 420, minutes: iv === 30 ? 30 : 15, earliestAfterStartMinutes: 60, latestBeforeEndMinutes: 60 },
      ],
    },
    agents,
  };
}
