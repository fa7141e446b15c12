// The schedule search: scarcest agents first, each given its exact best week against the residual demand, then rip-up and re-insert until the time limit.
import type { Instance, Shift } from "./instance";
import { canStart, placeBreaks, shortfallMinutes, type CompiledAgent, type CompiledInstance } from "./rules";
import { agentStates, bestPlan, PlanScratch, type AgentStates } from "./plan";
import { seededRandom, type Random } from "./random";

/** Lexicographic objective as one number: under-coverage ≫ minimum-minutes shortfall ≫ over-coverage. */
export const W_UNDER = 1e9;
export const W_SHORTFALL_PER_MINUTE = 1e4;
export const W_OVER = 1;

/** A placed shift in solver terms; `breaks` holds break starts in the order of the kind's break specs. */
export interface PlacedShift {
  start: number;
  kind: number;
  queue: number;
  breaks: number[];
}

/**
 * Per queue and interval: staff on duty, the marginal value of one more agent there, and from those
 * the value of every possible shift (queue × kind × start) with its breaks placed where they cost least.
 */
class Coverage {
  readonly staffed: Float64Array[];
  readonly gain: Float64Array[];
  readonly prefix: Float64Array[];
  readonly shiftValue: Float64Array[][];
  private readonly dirty: [number, number][][];
  private readonly startable: Uint8Array[][];
  private readonly maxLength: number;
  private readonly tieBreak: number;

  constructor(private readonly model: CompiledInstance) {
    const { intervals: T, queueCount: Q, kinds } = model;
    this.staffed = Array.from({ length: Q }, () => new Float64Array(T));
    this.gain = Array.from({ length: Q }, () => new Float64Array(T));
    this.prefix = Array.from({ length: Q }, () => new Float64Array(T + 1));
    this.shiftValue = Array.from({ length: Q }, () => kinds.map(() => new Float64Array(T).fill(-Infinity)));
    // A shift value is read only where some agent with the skill and the kind may start (bestPlan):
    // the others are never computed (about half of all starts on the varied 300 × 6 weeks: nights, late starts).
    this.startable = Array.from({ length: Q }, () => kinds.map(() => new Uint8Array(T)));
    for (const agent of model.agents) {
      for (const k of agent.kinds) {
        for (let t = 0; t < T; t++) if (canStart(model, agent, k, t)) for (const q of agent.skills) this.startable[q][k][t] = 1;
      }
    }
    this.dirty = Array.from({ length: Q }, () => []);
    this.maxLength = Math.max(...kinds.map((k) => k.length));
    // Tie-breaks sum to under 0.5 per agent, so they only order plans of equal objective.
    this.tieBreak = 0.4 / Math.max(1, T);
    for (let q = 0; q < Q; q++) this.dirty[q].push([0, T]);
    this.refresh();
  }

  /**
   * Prices per queue and interval (the bound's) that weigh under-staffed cells while set: a cell the
   * relaxation prices low is one other agents can cover, so it is worth less to this one.
   */
  private guide: Float64Array[] | null = null;

  /** Value of one more agent on q at t: exact objective change plus a tie-break toward the deepest deficits. */
  private gainAt(q: number, t: number): number {
    const deficit = this.model.required[q][t] - this.staffed[q][t];
    const under = deficit <= 0 ? 0 : deficit >= 1 ? 1 : deficit;
    const depth = deficit <= 0 ? 0 : Math.min(deficit, 8) / 8;
    // Guided (085/086): an under-staffed cell is worth its price, no floor (a cell the relaxation prices
    // at 0 is one other agents can cover). Mean gaps over three seeds on both varied 300 × 6 cases: floor
    // 0.25 → 0.88 / 0.99 points, 0.05 → 0.65 / 0.89, 0 → 0.59–0.62 / 0.80–0.86, −0.1 → 0.97 / 0.80.
    const weight = this.guide ? Math.min(1, this.guide[q][t]) : 1;
    return W_UNDER * under * weight - W_OVER * (1 - under) + this.tieBreak * depth;
  }

  /** Sets (or clears, with null) the guiding prices and recomputes every value. */
  setGuide(prices: Float64Array[] | null): void {
    this.guide = prices;
    for (let q = 0; q < this.dirty.length; q++) this.dirty[q].push([0, this.model.intervals]);
    this.refresh();
  }

  apply(shift: PlacedShift, sign: 1 | -1): void {
    const kind = this.model.kinds[shift.kind];
    const row = this.staffed[shift.queue];
    const end = shift.start + kind.length;
    for (let t = shift.start; t < end; t++) row[t] += sign;
    shift.breaks.forEach((at, b) => {
      for (let t = at; t < at + kind.breaks[b].duration; t++) row[t] -= sign;
    });
    this.dirty[shift.queue].push([shift.start, end]);
  }

  refresh(): void {
    const { intervals: T, kinds } = this.model;
    for (let q = 0; q < this.dirty.length; q++) {
      const ranges = this.dirty[q];
      if (ranges.length === 0) continue;
      ranges.sort((a, b) => a[0] - b[0]);
      const gain = this.gain[q];
      const prefix = this.prefix[q];
      let low = T;
      for (const [from, to] of ranges) {
        for (let t = from; t < to; t++) gain[t] = this.gainAt(q, t);
        low = Math.min(low, from);
      }
      for (let t = low; t < T; t++) prefix[t + 1] = prefix[t] + gain[t];
      // Shift values whose window touches a changed interval, merged so each start is recomputed once.
      let open = false;
      let mergedFrom = 0;
      let mergedTo = 0;
      const flush = () => {
        if (!open) return;
        for (let k = 0; k < kinds.length; k++) {
          const kind = kinds[k];
          const values = this.shiftValue[q][k];
          const startable = this.startable[q][k];
          const last = Math.min(mergedTo, T - kind.length + 1);
          for (let t = Math.max(0, mergedFrom); t < last; t++) {
            if (startable[t]) values[t] = prefix[t + kind.length] - prefix[t] - placeBreaks(kind, t, prefix);
          }
        }
      };
      for (const [from, to] of ranges) {
        const a = from - this.maxLength + 1;
        if (!open || a > mergedTo) {
          flush();
          open = true;
          mergedFrom = a;
          mergedTo = to;
        } else mergedTo = Math.max(mergedTo, to);
      }
      flush();
      ranges.length = 0;
    }
  }

  /** Value of a placed shift under the current gains (its breaks as placed). */
  valueOf(shift: PlacedShift): number {
    const kind = this.model.kinds[shift.kind];
    const prefix = this.prefix[shift.queue];
    let v = prefix[shift.start + kind.length] - prefix[shift.start];
    shift.breaks.forEach((at, b) => {
      v -= prefix[at + kind.breaks[b].duration] - prefix[at];
    });
    return v;
  }
}

/** Objective of a full assignment, recomputed from scratch (lower is better). */
export function objective(model: CompiledInstance, plans: PlacedShift[][]): number {
  const staffed = model.required.map((r) => new Float64Array(r.length));
  plans.forEach((plan) => {
    for (const s of plan) {
      const kind = model.kinds[s.kind];
      for (let t = s.start; t < s.start + kind.length; t++) staffed[s.queue][t] += 1;
      s.breaks.forEach((at, b) => {
        for (let t = at; t < at + kind.breaks[b].duration; t++) staffed[s.queue][t] -= 1;
      });
    }
  });
  return objectiveOf(model, staffed, plans);
}

/** The objective of plans whose staffing per queue and interval is `staffed`. */
function objectiveOf(model: CompiledInstance, staffed: Float64Array[], plans: PlacedShift[][]): number {
  let total = 0;
  for (let q = 0; q < model.queueCount; q++) {
    const req = model.required[q];
    const row = staffed[q];
    for (let t = 0; t < req.length; t++) {
      const d = req[t] - row[t];
      total += d > 0 ? W_UNDER * d : -W_OVER * d;
    }
  }
  for (let a = 0; a < plans.length; a++) {
    const agent = model.agents[a];
    if (agent.minMinutes <= 0) continue;
    let worked = 0;
    for (const s of plans[a]) worked += model.kinds[s.kind].worked;
    total += shortfallPenalty(model, agent, worked);
  }
  return total;
}

function shortfallPenalty(model: CompiledInstance, agent: CompiledAgent, worked: number): number {
  return W_SHORTFALL_PER_MINUTE * shortfallMinutes(model, agent.minMinutes, worked);
}

/** Agents with the fewest ways to work go first: they have the least choice of where to help. */
function scarcityOrder(model: CompiledInstance): number[] {
  const options = model.agents.map((agent) => {
    let n = 0;
    for (let t = 0; t < model.intervals; t++) for (const k of agent.kinds) if (canStart(model, agent, k, t)) n++;
    return n * agent.skills.length * Math.min(agent.maxWorked, agent.maxShifts * 1000);
  });
  return model.agents.map((_, i) => i).sort((a, b) => options[a] - options[b] || a - b);
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

export interface Control {
  now: () => number;
  deadline: number;
  signal?: AbortSignal;
  onProgress?: (message: string) => void;
}

/** The search state: every agent's plan and the coverage they make, improved phase by phase. */
export class ScheduleSearch {
  readonly plans: PlacedShift[][];
  rounds = 0;
  moves = 0;
  perturbations = 0;
  private readonly coverage: Coverage;
  private readonly scratch = new PlanScratch();
  private readonly states: AgentStates[];
  private readonly penalties: Float64Array[];
  private readonly random: Random;
  private lastYield = -Infinity;

  constructor(
    private readonly model: CompiledInstance,
    seed: number,
  ) {
    this.random = seededRandom(seed);
    this.coverage = new Coverage(model);
    this.plans = model.agents.map(() => []);
    this.states = model.agents.map((a) => agentStates(model, a, a.minMinutes));
    this.penalties = this.states.map((states) => Float64Array.from(states.shortfall, (minutes) => W_SHORTFALL_PER_MINUTE * minutes));
  }

  /** objective(model, plans), from the coverage this search keeps (every staffed count is a whole number, so no drift). */
  objective(): number {
    return objectiveOf(this.model, this.coverage.staffed, this.plans);
  }

  /** Total under-coverage of the current plans. */
  underTotal(): number {
    let total = 0;
    this.model.required.forEach((req, q) => req.forEach((r, t) => (total += Math.max(0, r - this.coverage.staffed[q][t]))));
    return total;
  }

  /** Under-coverage per queue and interval of the current plans. */
  underCoverage(): Float64Array[] {
    return this.model.required.map((req, q) => Float64Array.from(req, (r, t) => Math.max(0, r - this.coverage.staffed[q][t])));
  }

  /** Over-coverage per queue and interval of the current plans. */
  overCoverage(): Float64Array[] {
    return this.model.required.map((req, q) => Float64Array.from(req, (r, t) => Math.max(0, this.coverage.staffed[q][t] - r)));
  }

  /** Agents with queue q among their skills and available at t. */
  private canStaff(q: number, t: number): number[] {
    const out: number[] = [];
    for (const agent of this.model.agents) if (agent.availableUntil[t] >= 0 && agent.skills.includes(q)) out.push(agent.index);
    return out;
  }

  private stopped(control: Control): boolean {
    return control.now() >= control.deadline || control.signal?.aborted === true;
  }

  private async pause(control: Control): Promise<void> {
    if (control.now() - this.lastYield < 200) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.lastYield = control.now();
  }

  private setPlan(a: number, plan: PlacedShift[]): void {
    for (const s of this.plans[a]) this.coverage.apply(s, -1);
    for (const s of plan) this.coverage.apply(s, 1);
    this.coverage.refresh();
    this.plans[a] = plan;
  }

  /** Replaces agent a's plan by its exact best response to everyone else; returns the gain (0 if kept). */
  private reinsert(a: number): number {
    const { model, coverage } = this;
    const agent = model.agents[a];
    const old = this.plans[a];
    for (const s of old) coverage.apply(s, -1);
    coverage.refresh();
    const oldWorked = old.reduce((sum, s) => sum + model.kinds[s.kind].worked, 0);
    const oldScore = old.reduce((sum, s) => sum + coverage.valueOf(s), 0) - shortfallPenalty(model, agent, oldWorked);
    const result = bestPlan(model, agent, this.states[a], coverage.shiftValue, this.penalties[a], this.scratch);
    let next = old;
    if (result.score > oldScore + 1e-9) {
      next = result.shifts.map((p) => {
        const breaks: number[] = [];
        placeBreaks(model.kinds[p.kind], p.start, coverage.prefix[p.queue], breaks);
        return { ...p, breaks };
      });
    }
    for (const s of next) coverage.apply(s, 1);
    coverage.refresh();
    this.plans[a] = next;
    this.moves++;
    return next === old ? 0 : result.score - oldScore;
  }

  /**
   * A fresh start guided by prices: scarcest agents first, each taking its best week where an
   * under-staffed cell is worth its price instead of 1, and best responses under those values until
   * a round gains nothing; the caller then improves under the exact objective.
   */
  async constructFromPrices(prices: Float64Array[], control: Control): Promise<void> {
    for (let a = 0; a < this.model.agents.length; a++) this.setPlan(a, []);
    this.coverage.setGuide(prices);
    await this.construct(control);
    await this.improve(control);
    this.coverage.setGuide(null);
  }

  /** Best responses under prices from the current plans (not a fresh start), then under the exact objective. */
  async reoptimiseFromPrices(prices: Float64Array[], control: Control): Promise<void> {
    this.coverage.setGuide(prices);
    await this.improve(control);
    this.coverage.setGuide(null);
    await this.improve(control);
  }

  /** Copies another search's plans (same model). */
  adopt(other: ScheduleSearch): void {
    this.start(other.plans);
  }

  /** Takes these plans (one per agent, each within the agent's rules) as they are. */
  start(plans: PlacedShift[][]): void {
    plans.forEach((plan, a) => this.setPlan(a, plan));
  }

  /** Scarcest agents first, each placed as its best response to those already placed. */
  async construct(control: Control): Promise<void> {
    const order = scarcityOrder(this.model);
    for (let i = 0; i < order.length && !this.stopped(control); i++) {
      this.reinsert(order[i]);
      if (i % 50 === 0) {
        control.onProgress?.(`placing agents: ${i + 1} of ${order.length}`);
        await this.pause(control);
      }
    }
  }

  /** Rip-up and re-insert every agent, in a seeded random order, until a round no longer improves the objective. */
  async improve(control: Control): Promise<void> {
    const agents = this.model.agents.map((_, i) => i);
    while (!this.stopped(control)) {
      this.rounds++;
      let improved = 0;
      for (const a of shuffle(agents, this.random)) {
        if (this.stopped(control)) return;
        // Gains below 0.5 are tie-breaks only; they do not count as progress.
        const gain = this.reinsert(a);
        if (gain >= 0.5) improved += gain;
        await this.pause(control);
      }
      control.onProgress?.(`round ${this.rounds}: objective ${this.objective()}`);
      if (improved === 0) return;
    }
  }

  /**
   * Ruin and recreate: agents who could staff a random under-covered cell lose their plans and are
   * re-inserted in random order; the change is kept unless the objective gets worse.
   */
  async perturb(control: Control): Promise<void> {
    const { model } = this;
    const A = model.agents.length;
    if (A === 0) return;
    // Cells nobody can staff (no skill or no availability) are never worth a perturbation.
    const staffable = model.required.map((req) => new Uint8Array(req.length));
    for (const agent of model.agents) {
      for (const q of agent.skills) for (let t = 0; t < model.intervals; t++) if (agent.availableUntil[t] >= 0) staffable[q][t] = 1;
    }
    let current = this.objective();
    while (!this.stopped(control)) {
      const cells: [number, number][] = [];
      for (let q = 0; q < model.queueCount; q++) {
        const req = model.required[q];
        const staffed = this.coverage.staffed[q];
        for (let t = 0; t < req.length; t++) if (req[t] > staffed[t] && staffable[q][t]) cells.push([q, t]);
      }
      if (cells.length === 0) return;
      const [q, t] = cells[Math.floor(this.random() * cells.length)];
      const candidates = this.canStaff(q, t);
      // Two to seven agents: measured on 50 × 3, larger groups are rebuilt worse than they were and get rejected.
      const size = Math.min(candidates.length, 2 + Math.floor(this.random() * 6));
      const chosen = shuffle(candidates, this.random).slice(0, size);
      if (chosen.length === 0) continue;
      const saved = chosen.map((a) => this.plans[a]);
      for (const a of chosen) this.setPlan(a, []);
      for (const a of chosen) this.reinsert(a);
      for (const a of shuffle([...chosen], this.random)) this.reinsert(a);
      this.perturbations++;
      const next = this.objective();
      if (next > current + 1e-6) chosen.forEach((a, i) => this.setPlan(a, saved[i]));
      else current = next;
      if (this.perturbations % 20 === 0) control.onProgress?.(`perturbation ${this.perturbations}: objective ${current}`);
      await this.pause(control);
    }
  }
}

export function toShifts(instance: Instance, model: CompiledInstance, plans: PlacedShift[][]): Shift[] {
  const shifts: Shift[] = [];
  plans.forEach((plan, a) => {
    for (const s of plan) {
      const kind = model.kinds[s.kind];
      shifts.push({
        agent: instance.agents[a].id,
        queue: instance.queues[s.queue].id,
        start: s.start,
        end: s.start + kind.length,
        breaks: s.breaks.map((at, b) => [at, at + kind.breaks[b].duration] as [number, number]).sort((x, y) => x[0] - y[0]),
      });
    }
  });
  return shifts;
}
