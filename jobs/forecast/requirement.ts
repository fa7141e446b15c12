// From forecast human demand per interval to agents required per interval, the input of the schedule step.
import { staffing, type StaffingParams, type StaffingResult } from "./erlang";

/** A queue's service parameters; the same for every interval of the horizon. */
export type QueueServiceParams = Omit<StaffingParams, "arrivals" | "intervalMinutes">;

export interface IntervalRequirement {
  /** Agents on the queue (before shrinkage). */
  agents: number;
  /** Agents to schedule: ceil(agents / (1 − shrinkage)). */
  scheduledAgents: number;
  serviceLevel: number;
  occupancy: number;
}

/**
 * Agents required per interval for a series of human demand (contacts per interval, e.g. the
 * forecast's `human` column). Identical demands are solved once, so a horizon with many closed or
 * quiet intervals costs little.
 */
export function requiredAgents(demand: readonly number[], intervalMinutes: number, params: QueueServiceParams): IntervalRequirement[] {
  const cache = new Map<number, StaffingResult>();
  return demand.map((arrivals) => {
    let r = cache.get(arrivals);
    if (!r) {
      r = staffing({ ...params, arrivals, intervalMinutes });
      cache.set(arrivals, r);
    }
    return { agents: r.agents, scheduledAgents: r.scheduledAgents, serviceLevel: r.serviceLevel, occupancy: r.occupancy };
  });
}
