// Builds the schedule engine's instance for one week from queues' requirements and agents' contracts,
// availability (in each agent's own time zone) and approved time off.
import type { Instance } from "../schedule";
import { runs, weeklyMask, type WeeklyRanges } from "./calendar";
import { DEFAULT_LABOUR_RULES, engineRules, maxShiftsFor, type LabourRules } from "./labour-rules";

export type PlanningAgent = {
  id: string;
  /** The contract type (cohort), for labour rules that differ per contract type. */
  cohort: string;
  timeZone: string;
  skills: string[];
  weeklyMinMinutes: number;
  weeklyMaxMinutes: number;
  maxShiftsPerWeek: number;
  availability: WeeklyRanges;
  /** Lower weekly caps for periods such as exams: applied when the period overlaps the week. */
  capPeriods: { from: string; to: string; maxMinutes: number }[];
  timeOff: { start: Date; end: Date }[];
};

export type WeekInput = {
  weekStart: Date;
  intervalMinutes: number;
  queues: { key: string; required: number[] }[];
  agents: PlanningAgent[];
  /** The labour rule set the week is built with (a saved version; the defaults when none is given). */
  rules?: LabourRules;
};

function weekCap(agent: PlanningAgent, weekStart: Date, weekEnd: Date): number {
  let cap = agent.weeklyMaxMinutes;
  for (const period of agent.capPeriods) {
    const from = Date.parse(`${period.from}T00:00:00Z`);
    const to = Date.parse(`${period.to}T23:59:59Z`);
    if (from < weekEnd.getTime() && to >= weekStart.getTime()) cap = Math.min(cap, period.maxMinutes);
  }
  return cap;
}

export function buildWeekInstance(input: WeekInput): Instance {
  const intervals = (7 * 24 * 60) / input.intervalMinutes;
  const start = input.weekStart.getTime();
  const weekEnd = new Date(start + 7 * 86_400_000);
  const queueKeys = new Set(input.queues.map((q) => q.key));
  const slotMs = input.intervalMinutes * 60_000;
  const rules = input.rules ?? DEFAULT_LABOUR_RULES;
  return {
    start: input.weekStart.toISOString(),
    intervalMinutes: input.intervalMinutes,
    intervals,
    queues: input.queues.map((q) => ({ id: q.key, required: q.required })),
    rules: engineRules(rules),
    agents: input.agents
      .map((agent) => {
        const mask = weeklyMask(start, intervals, input.intervalMinutes, agent.timeZone, agent.availability);
        // Approved time off blocks every interval it touches.
        for (const off of agent.timeOff) {
          const a = Math.max(0, Math.floor((off.start.getTime() - start) / slotMs));
          const b = Math.min(intervals, Math.ceil((off.end.getTime() - start) / slotMs));
          for (let t = a; t < b; t++) mask[t] = false;
        }
        const maxMinutes = weekCap(agent, input.weekStart, weekEnd);
        // A contract type with its own lengths, rest and breaks gives its agents those (the engine's per-agent rules, 075).
        const own = rules.byContract[agent.cohort]?.shifts;
        return {
          id: agent.id,
          skills: agent.skills.filter((s) => queueKeys.has(s)),
          minMinutes: Math.min(agent.weeklyMinMinutes, maxMinutes),
          maxMinutes,
          maxShifts: Math.min(agent.maxShiftsPerWeek, maxShiftsFor(rules, agent.cohort)),
          availability: runs(mask),
          ...(own ? { rules: engineRules(own) } : {}),
        };
      })
      .filter((a) => a.skills.length > 0 && a.availability.length > 0),
  };
}
