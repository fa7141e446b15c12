// The exact per-agent search: the best week of shifts for one agent against per-shift values, over time × shifts used × minutes used.
import type { CompiledAgent, CompiledInstance } from "./rules";

/** The (shifts used, intervals worked) pairs one agent can reach, and the transitions between them per shift kind. */
export interface AgentStates {
  count: number;
  /** next[state * kinds + kind]: the state after one more shift of that kind, or -1 when a limit forbids it. */
  next: Int32Array;
  worked: Int32Array;
}

const stateCache = new WeakMap<CompiledInstance, Map<string, AgentStates>>();

export function agentStates(model: CompiledInstance, agent: CompiledAgent): AgentStates {
  let cache = stateCache.get(model);
  if (!cache) stateCache.set(model, (cache = new Map()));
  // An agent whose rules allow no kind (none fits the horizon) can take no shift.
  const minLength = Math.min(...agent.kinds.map((k) => model.kinds[k].length));
  const fitting = Math.floor((model.intervals + agent.rest) / (minLength + agent.rest));
  const maxShifts = Math.min(agent.maxShifts, fitting);
  const key = agent.kinds.length === model.kinds.length ? `${maxShifts}/${agent.maxWorked}` : `${maxShifts}/${agent.maxWorked}/${agent.kinds.join(",")}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const K = model.kinds.length;
  const ids = new Map<number, number>();
  const shifts: number[] = [];
  const worked: number[] = [];
  const edges: number[] = [];
  const idOf = (k: number, m: number) => {
    const code = k * (agent.maxWorked + 1) + m;
    let id = ids.get(code);
    if (id === undefined) {
      id = shifts.length;
      ids.set(code, id);
      shifts.push(k);
      worked.push(m);
    }
    return id;
  };
  idOf(0, 0);
  for (let s = 0; s < shifts.length; s++) {
    for (let k = 0; k < K; k++) {
      const m = worked[s] + model.kinds[k].worked;
      edges[s * K + k] = agent.allowed[k] && shifts[s] < maxShifts && m <= agent.maxWorked ? idOf(shifts[s] + 1, m) : -1;
    }
  }
  const states: AgentStates = { count: shifts.length, next: Int32Array.from(edges), worked: Int32Array.from(worked) };
  cache.set(key, states);
  return states;
}

/** A shift chosen by the search, before its breaks are placed. */
export interface PlannedShift {
  start: number;
  kind: number;
  queue: number;
}

export interface PlanResult {
  score: number;
  shifts: PlannedShift[];
}

/** Reusable buffers so that thousands of searches allocate nothing. */
export class PlanScratch {
  value = new Float64Array(0);
  choice = new Int32Array(0);
  ensure(size: number, choices: number) {
    if (this.value.length < size) this.value = new Float64Array(size);
    if (this.choice.length < choices) this.choice = new Int32Array(choices);
  }
}

/**
 * Best plan for `agent`: maximises Σ shiftValue[queue][kind][start] − penalty[state at the end].
 * Every rule of the contract holds by construction: the agent's own shift kinds (`agent.allowed`),
 * availability (availableUntil), rest (`agent.rest`), maximum shifts and maximum worked intervals (the state machine). On ties the agent idles: shifts start as late as equal value allows.
 */
export function bestPlan(
  model: CompiledInstance,
  agent: CompiledAgent,
  states: AgentStates,
  shiftValue: Float64Array[][],
  penalty: Float64Array | null,
  scratch: PlanScratch,
): PlanResult {
  const T = model.intervals;
  const K = model.kinds.length;
  const S = states.count;
  const Q = model.queueCount;
  scratch.ensure((T + 1) * S, T * S);
  const V = scratch.value;
  const choice = scratch.choice;
  const { next } = states;
  const terminal = T * S;
  for (let s = 0; s < S; s++) V[terminal + s] = penalty ? -penalty[s] : 0;
  const gain = new Float64Array(K);
  const gainQueue = new Int32Array(K);
  const resume = new Int32Array(K);
  const skills = agent.skills;
  const { allowed, rest } = agent;
  for (let t = T - 1; t >= 0; t--) {
    const base = t * S;
    const after = base + S;
    const until = agent.availableUntil[t];
    let any = false;
    if (until >= 0) {
      for (let k = 0; k < K; k++) {
        gain[k] = -Infinity;
        const kind = model.kinds[k];
        if (t + kind.length > until || !allowed[k]) continue;
        for (const q of skills) {
          const v = shiftValue[q][k][t];
          if (v > gain[k]) {
            gain[k] = v;
            gainQueue[k] = q;
          }
        }
        if (gain[k] > -Infinity) {
          any = true;
          resume[k] = Math.min(T, t + kind.length + rest) * S;
        }
      }
    }
    if (!any) {
      for (let s = 0; s < S; s++) {
        V[base + s] = V[after + s];
        choice[base + s] = -1;
      }
      continue;
    }
    for (let s = 0; s < S; s++) {
      let best = V[after + s];
      let chosen = -1;
      const row = s * K;
      for (let k = 0; k < K; k++) {
        const g = gain[k];
        if (g === -Infinity) continue;
        const ns = next[row + k];
        if (ns < 0) continue;
        const v = g + V[resume[k] + ns];
        if (v > best) {
          best = v;
          chosen = k * Q + gainQueue[k];
        }
      }
      V[base + s] = best;
      choice[base + s] = chosen;
    }
  }
  const shifts: PlannedShift[] = [];
  let s = 0;
  for (let t = 0; t < T;) {
    const c = choice[t * S + s];
    if (c < 0) {
      t++;
      continue;
    }
    const kind = Math.floor(c / Q);
    shifts.push({ start: t, kind, queue: c % Q });
    s = next[s * K + kind];
    t += model.kinds[kind].length + rest;
  }
  return { score: V[0], shifts };
}
