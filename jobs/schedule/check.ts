// The independent rule checker of wfm-cli.md §3 (shares no code with the solver) and the coverage totals of a schedule.
import { agentRules, type Instance, type Shift } from "./instance";

export type Rule = "shape" | "agent" | "queue" | "skill" | "horizon" | "length" | "breaks" | "availability" | "overlap" | "rest" | "maxShifts" | "maxMinutes";

export interface Violation {
  rule: Rule;
  agent?: string;
  /** Index of the offending shift in the checked list. */
  shift?: number;
  message: string;
}

export interface CoverageTotals {
  requiredAgentIntervals: number;
  coveredAgentIntervals: number;
  underCoverage: number;
  overCoverage: number;
  minMinutesShortfall: number;
}

function clock(instance: Instance, interval: number): string {
  const ms = Date.parse(instance.start) + interval * instance.intervalMinutes * 60_000;
  return new Date(ms).toISOString().slice(0, 16) + "Z";
}

function span(instance: Instance, from: number, to: number): string {
  return `${clock(instance, from)}–${clock(instance, to)}`;
}

function hours(minutes: number): string {
  const h = minutes / 60;
  return Number.isInteger(h) ? `${h} h` : `${minutes} min`;
}

const isInterval = (x: unknown): x is number => typeof x === "number" && Number.isInteger(x);

/** Does some assignment of the breaks to the rules (one each) satisfy every rule's duration and window? */
function matchBreaks(
  breaks: [number, number][],
  rules: Instance["rules"]["breaks"],
  fits: (b: [number, number], rule: Instance["rules"]["breaks"][number]) => boolean,
): boolean {
  const ruleOfBreak = new Array<number>(breaks.length).fill(-1);
  const breakOfRule = new Array<number>(rules.length).fill(-1);
  const augment = (b: number, seen: boolean[]): boolean => {
    for (let r = 0; r < rules.length; r++) {
      if (seen[r] || !fits(breaks[b], rules[r])) continue;
      seen[r] = true;
      if (breakOfRule[r] < 0 || augment(breakOfRule[r], seen)) {
        breakOfRule[r] = b;
        ruleOfBreak[b] = r;
        return true;
      }
    }
    return false;
  };
  return breaks.every((_, b) => augment(b, new Array<boolean>(rules.length).fill(false)));
}

/** Every broken hard rule of `shifts` against `instance`, with a sentence a planner can act on. */
export function checkSchedule(instance: Instance, shifts: readonly Shift[]): Violation[] {
  const iv = instance.intervalMinutes;
  const violations: Violation[] = [];
  const agents = new Map(instance.agents.map((a) => [a.id, a]));
  const queues = new Set(instance.queues.map((q) => q.id));
  const byAgent = new Map<string, { shift: Shift; index: number }[]>();
  shifts.forEach((shift, index) => {
    const add = (rule: Rule, message: string) => violations.push({ rule, agent: shift?.agent, shift: index, message });
    if (
      !shift ||
      typeof shift.agent !== "string" ||
      typeof shift.queue !== "string" ||
      !isInterval(shift.start) ||
      !isInterval(shift.end) ||
      !Array.isArray(shift.breaks)
    ) {
      add("shape", `shift ${index}: needs agent, queue, whole-interval start and end, and a breaks list`);
      return;
    }
    const who = shift.agent;
    const agent = agents.get(who);
    if (!agent) return add("agent", `shift ${index}: agent "${who}" is not in the instance`);
    if (!queues.has(shift.queue)) return add("queue", `${who}: shift ${index} is on "${shift.queue}", which is not a queue`);
    if (!agent.skills.includes(shift.queue))
      add("skill", `${who}: shift ${index} is on ${shift.queue}, which is not among the agent's skills (${agent.skills.join(", ") || "none"})`);
    if (shift.start < 0 || shift.end > instance.intervals || shift.start >= shift.end) {
      return add("horizon", `${who}: shift ${index} [${shift.start}, ${shift.end}) is empty or outside the horizon [0, ${instance.intervals})`);
    }
    const when = span(instance, shift.start, shift.end);
    const lengthMinutes = (shift.end - shift.start) * iv;
    // The agent's own rules where it has them (decision 075), else the instance's.
    const own = agentRules(instance, agent);
    if (!own.shiftLengthsMinutes.includes(lengthMinutes)) {
      add("length", `${who}: shift ${when} lasts ${lengthMinutes} min; allowed lengths are ${own.shiftLengthsMinutes.join(", ")} min`);
    }
    const rules = own.breaks.filter((r) => lengthMinutes >= r.minShiftMinutes);
    const breaks = shift.breaks;
    const wellFormed = breaks.every((b) => Array.isArray(b) && b.length === 2 && isInterval(b[0]) && isInterval(b[1]) && b[0] < b[1]);
    if (!wellFormed) {
      add("breaks", `${who}: shift ${when} has a break that is not a [start, end) pair of whole intervals`);
    } else {
      const sorted = [...breaks].sort((a, b) => a[0] - b[0]);
      const overlapping = sorted.some((b, i) => i > 0 && b[0] < sorted[i - 1][1]);
      if (breaks.length !== rules.length) {
        add(
          "breaks",
          `${who}: shift ${when} (${lengthMinutes} min) has ${breaks.length} break(s); the rules require ${rules.length} (${rules.map((r) => `${r.minutes} min`).join(", ") || "none"})`,
        );
      } else if (overlapping) {
        add("breaks", `${who}: shift ${when} has overlapping breaks`);
      } else {
        const fits = (b: [number, number], r: (typeof rules)[number]) =>
          (b[1] - b[0]) * iv === r.minutes && (b[0] - shift.start) * iv >= r.earliestAfterStartMinutes && (shift.end - b[1]) * iv >= r.latestBeforeEndMinutes;
        if (!matchBreaks(breaks, rules, fits)) {
          const shown = breaks.map((b) => span(instance, b[0], b[1])).join(", ");
          const wanted = rules
            .map((r) => `${r.minutes} min, from ${r.earliestAfterStartMinutes} min after start to ${r.latestBeforeEndMinutes} min before end`)
            .join("; ");
          add("breaks", `${who}: shift ${when} has breaks ${shown}, which do not fit the break rules (${wanted})`);
        }
      }
    }
    if (!agent.availability.some(([from, to]) => from <= shift.start && shift.end <= to)) {
      add(
        "availability",
        `${who}: shift ${when} is not inside one availability range (${agent.availability.map(([a, b]) => span(instance, a, b)).join(", ") || "none"})`,
      );
    }
    let list = byAgent.get(who);
    if (!list) byAgent.set(who, (list = []));
    list.push({ shift, index });
  });
  for (const [who, list] of byAgent) {
    const agent = agents.get(who)!;
    const { minRestMinutes } = agentRules(instance, agent);
    list.sort((a, b) => a.shift.start - b.shift.start);
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1].shift;
      const cur = list[i].shift;
      const gap = (cur.start - prev.end) * iv;
      if (cur.start < prev.end) {
        violations.push({
          rule: "overlap",
          agent: who,
          shift: list[i].index,
          message: `${who}: shift ${span(instance, cur.start, cur.end)} overlaps shift ${span(instance, prev.start, prev.end)}`,
        });
      } else if (gap < minRestMinutes) {
        violations.push({
          rule: "rest",
          agent: who,
          shift: list[i].index,
          message: `${who}: rest between shift ending ${clock(instance, prev.end)} and next start ${clock(instance, cur.start)} is ${hours(gap)}, minimum ${hours(minRestMinutes)}`,
        });
      }
    }
    if (list.length > agent.maxShifts) {
      violations.push({ rule: "maxShifts", agent: who, message: `${who}: ${list.length} shifts, maximum ${agent.maxShifts}` });
    }
    const worked = list.reduce((sum, { shift }) => sum + workedMinutes(instance, shift), 0);
    if (worked > agent.maxMinutes) {
      violations.push({ rule: "maxMinutes", agent: who, message: `${who}: ${worked} worked minutes (shifts minus breaks), maximum ${agent.maxMinutes}` });
    }
  }
  return violations;
}

export function workedMinutes(instance: Instance, shift: Shift): number {
  const breakIntervals = shift.breaks.reduce((sum, [a, b]) => sum + (b - a), 0);
  return (shift.end - shift.start - breakIntervals) * instance.intervalMinutes;
}

/** Staffed agents per queue and interval: on a shift of that queue and not on a break. */
export function staffing(instance: Instance, shifts: readonly Shift[]): Map<string, Float64Array> {
  const staffed = new Map(instance.queues.map((q) => [q.id, new Float64Array(instance.intervals)]));
  for (const shift of shifts) {
    const row = staffed.get(shift.queue);
    if (!row) continue;
    for (let t = Math.max(0, shift.start); t < Math.min(instance.intervals, shift.end); t++) {
      if (!shift.breaks.some(([a, b]) => a <= t && t < b)) row[t] += 1;
    }
  }
  return staffed;
}

/** The objective's totals for a schedule; covered + under = required for every schedule. */
export function coverageTotals(instance: Instance, shifts: readonly Shift[]): CoverageTotals {
  const staffed = staffing(instance, shifts);
  let required = 0;
  let under = 0;
  let over = 0;
  for (const queue of instance.queues) {
    const row = staffed.get(queue.id)!;
    queue.required.forEach((r, t) => {
      required += r;
      under += Math.max(0, r - row[t]);
      over += Math.max(0, row[t] - r);
    });
  }
  const worked = new Map<string, number>();
  for (const shift of shifts) worked.set(shift.agent, (worked.get(shift.agent) ?? 0) + workedMinutes(instance, shift));
  const shortfall = instance.agents.reduce((sum, a) => sum + Math.max(0, a.minMinutes - (worked.get(a.id) ?? 0)), 0);
  return {
    requiredAgentIntervals: round(required),
    coveredAgentIntervals: round(required - under),
    underCoverage: round(under),
    overCoverage: round(over),
    minMinutesShortfall: round(shortfall),
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
