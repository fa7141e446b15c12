// The relaxation's primal side, recovered from the bound's ascent: each agent class's best weeks over
// the latest rounds (an ergodic average of the subproblem solutions approximates the LP's mix of
// weeks), and schedules rounded from that mix. See docs/decisions/087-rounding-the-relaxation.md.
import type { CompiledInstance } from "./rules";
import type { Random } from "./random";
import type { PlacedShift } from "./solver";

/** Per agent class: its distinct best weeks over some rounds, and in how many of them each was best. */
export interface PlanMix {
  /** Rounds the mix spans; a class idles in the rounds none of its weeks counts. */
  rounds: number;
  classes: { key: string; plans: PlacedShift[][]; counts: number[] }[];
}

const planKey = (plan: PlacedShift[]) => plan.map((s) => `${s.start}.${s.kind}.${s.queue}.${s.breaks.join("/")}`).join("|");

/** Every class's best week per round of the ascent, kept compactly (distinct weeks once, rounds as ids). */
export class PlanPool {
  private readonly classes = new Map<string, { ids: Map<string, number>; plans: PlacedShift[][]; rounds: number[]; chosen: number[] }>();
  rounds = 0;

  /** Records that `plan` was the class's best week in round `round` (rounds numbered from 1, ascending). */
  add(key: string, plan: PlacedShift[], round: number): void {
    this.rounds = Math.max(this.rounds, round);
    let entry = this.classes.get(key);
    if (!entry) this.classes.set(key, (entry = { ids: new Map(), plans: [], rounds: [], chosen: [] }));
    const k = planKey(plan);
    let id = entry.ids.get(k);
    if (id === undefined) {
      id = entry.plans.length;
      entry.ids.set(k, id);
      entry.plans.push(plan);
    }
    entry.rounds.push(round);
    entry.chosen.push(id);
  }

  /** The mix over the latest `share` of the rounds so far (at least one round). */
  mix(share: number): PlanMix {
    const from = this.rounds - Math.max(1, Math.ceil(this.rounds * share));
    const classes: PlanMix["classes"] = [];
    for (const [key, entry] of this.classes) {
      const counts = new Map<number, number>();
      for (let i = entry.rounds.length - 1; i >= 0 && entry.rounds[i] > from; i--) counts.set(entry.chosen[i], (counts.get(entry.chosen[i]) ?? 0) + 1);
      if (counts.size === 0) continue;
      const ids = [...counts.keys()].sort((a, b) => a - b);
      classes.push({ key, plans: ids.map((id) => entry.plans[id]), counts: ids.map((id) => counts.get(id)!) });
    }
    return { rounds: this.rounds - from, classes };
  }
}

/**
 * One week per agent drawn from the mix: each class's members are spread over its weeks in proportion
 * to the rounds each was best (systematic sampling from a random offset, so the counts match the mix
 * to within one member), the rounds where the class idled leaving members idle. The result is a
 * start, not a schedule to keep as is: weeks of different classes overlap where the relaxation split
 * them, and the caller improves it under the exact objective.
 */
export function roundMix(model: CompiledInstance, mix: PlanMix, random: Random): PlacedShift[][] {
  const plans: PlacedShift[][] = model.agents.map(() => []);
  const members = new Map<string, number[]>();
  for (const agent of model.agents) {
    const list = members.get(agent.classKey);
    if (list) list.push(agent.index);
    else members.set(agent.classKey, [agent.index]);
  }
  for (const { key, plans: weeks, counts } of mix.classes) {
    const group = members.get(key);
    if (!group) continue;
    const n = group.length;
    const offset = random();
    for (let i = 0; i < n; i++) {
      let slot = ((i + offset) / n) * mix.rounds;
      let w = 0;
      while (w < weeks.length && slot >= counts[w]) slot -= counts[w++];
      plans[group[i]] = w < weeks.length ? weeks[w] : [];
    }
  }
  return plans;
}
