// The exact per-agent search: the best week of shifts for one agent against per-shift values, over time × shifts used × minutes used.
import { shortfallMinutes, type CompiledAgent, type CompiledInstance } from "./rules";

/**
 * The states of one agent's week: (shifts used, intervals worked) pairs merged where they cannot be told apart —
 * the same shift sequences still allowed and the same minutes short of the minimum at the end — and the
 * transitions between them per shift kind.
 */
export interface AgentStates {
  count: number;
  /** next[state * kinds + kind]: the state after one more shift of that kind, or -1 when a limit forbids it. */
  next: Int32Array;
  /** Minutes below the minimum the week asks for (0 when no minimum was given) if the week ends in this state. */
  shortfall: Float64Array;
  /** States ordered by the earliest interval at which a week can be in them (shift lengths and rest so far), and those intervals. */
  order: Int32Array;
  entry: Int32Array;
}

const stateCache = new WeakMap<CompiledInstance, Map<string, AgentStates>>();

/**
 * The states of `agent`'s week. With `minMinutes` (the solver's soft minimum) states that end the week short by
 * different amounts stay apart; without it (the bound and the baseline, which ignore the minimum) they merge
 * wherever the same shifts remain possible — on two-week horizons that leaves a third to a tenth of the pairs.
 */
export function agentStates(model: CompiledInstance, agent: CompiledAgent, minMinutes = 0): AgentStates {
  let cache = stateCache.get(model);
  if (!cache) stateCache.set(model, (cache = new Map()));
  // An agent whose rules allow no kind (none fits the horizon) can take no shift.
  const minLength = Math.min(...agent.kinds.map((k) => model.kinds[k].length));
  const fitting = Math.floor((model.intervals + agent.rest) / (minLength + agent.rest));
  const maxShifts = Math.min(agent.maxShifts, fitting);
  const key = `${maxShifts}/${agent.maxWorked}/${agent.rest}/${minMinutes}` + (agent.kinds.length === model.kinds.length ? "" : `/${agent.kinds.join(",")}`);
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
  // Pairs are numbered in breadth-first order, so one pass in that order settles every earliest entry.
  const P = shifts.length;
  const pairEntry = new Int32Array(P).fill(2 ** 30);
  pairEntry[0] = 0;
  for (let s = 0; s < P; s++) {
    for (let k = 0; k < K; k++) {
      const ns = edges[s * K + k];
      if (ns >= 0) pairEntry[ns] = Math.min(pairEntry[ns], pairEntry[s] + model.kinds[k].length + agent.rest);
    }
  }
  const shortOf = (m: number) => shortfallMinutes(model, minMinutes, m);
  const classOf = mergeEquivalent(P, K, edges, worked.map(shortOf));
  // States are numbered by their first pair (the start stays 0); a state's entry is its earliest pair's.
  const S = Math.max(...classOf) + 1;
  const next = new Int32Array(S * K);
  const shortfall = new Float64Array(S);
  const entry = new Int32Array(S).fill(2 ** 30);
  for (let s = 0; s < P; s++) {
    const c = classOf[s];
    entry[c] = Math.min(entry[c], pairEntry[s]);
    shortfall[c] = shortOf(worked[s]);
    for (let k = 0; k < K; k++) next[c * K + k] = edges[s * K + k] < 0 ? -1 : classOf[edges[s * K + k]];
  }
  const order = Int32Array.from({ length: S }, (_, s) => s).sort((a, b) => entry[a] - entry[b] || a - b);
  const states: AgentStates = { count: S, next, shortfall, order, entry };
  cache.set(key, states);
  return states;
}

/**
 * Moore's refinement: pairs start apart by their label and split while some kind leads them to different
 * classes (or is allowed from one and not the other). Returns each pair's class, numbered by first pair.
 */
function mergeEquivalent(P: number, K: number, edges: number[], labels: number[]): number[] {
  let classOf = labels.slice();
  let count = -1;
  for (;;) {
    const ids = new Map<string, number>();
    const refined = classOf.map((c, s) => {
      let signature = `${c}`;
      for (let k = 0; k < K; k++) signature += `,${edges[s * K + k] < 0 ? -1 : classOf[edges[s * K + k]]}`;
      let id = ids.get(signature);
      if (id === undefined) ids.set(signature, (id = ids.size));
      return id;
    });
    classOf = refined;
    if (ids.size === count) return classOf;
    count = ids.size;
  }
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
  private rowBuffer = new Int32Array(0);
  rows(length: number): Int32Array {
    if (this.rowBuffer.length < length) this.rowBuffer = new Int32Array(length);
    return this.rowBuffer;
  }
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
  const { next, order, entry } = states;
  const terminal = T * S;
  // Only states a week can be in by interval t are computed there (their values are all that is read).
  let live = S;
  // rowOf[t]: the row holding the values at t (intervals where no shift can start share the next one's).
  const rowOf = scratch.rows(T + 1);
  rowOf[T] = T;
  for (let s = 0; s < S; s++) V[terminal + s] = penalty ? -penalty[s] : 0;
  const gain = new Float64Array(K);
  const gainQueue = new Int32Array(K);
  const resume = new Int32Array(K);
  const skills = agent.skills;
  const { allowed, rest } = agent;
  for (let t = T - 1; t >= 0; t--) {
    const base = t * S;
    const after = rowOf[t + 1] * S;
    while (live > 0 && entry[order[live - 1]] > t) live--;
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
          resume[k] = rowOf[Math.min(T, t + kind.length + rest)] * S;
        }
      }
    }
    if (!any) {
      // Nothing can start here: the values are those of the next interval (shared, not copied).
      rowOf[t] = rowOf[t + 1];
      continue;
    }
    rowOf[t] = t;
    for (let i = 0; i < live; i++) {
      const s = order[i];
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
    const c = rowOf[t] === t ? choice[t * S + s] : -1;
    if (c < 0) {
      t++;
      continue;
    }
    const kind = Math.floor(c / Q);
    shifts.push({ start: t, kind, queue: c % Q });
    s = next[s * K + kind];
    t += model.kinds[kind].length + rest;
  }
  return { score: V[rowOf[0] * S], shifts };
}
