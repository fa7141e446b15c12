// The instance compiled into interval units for the solver and the bound: shift kinds, break windows, optimal break placement.
import { agentRules, type Instance, type Rules } from "./instance";

/** A break rule for one shift kind, in intervals relative to the shift start. */
export interface BreakSpec {
  duration: number;
  /** First allowed start offset. */
  earliest: number;
  /** Last allowed start offset (inclusive). */
  latest: number;
}

/** One allowed shift length with the breaks it requires. */
export interface ShiftKind {
  length: number;
  minutes: number;
  breaks: BreakSpec[];
  /** Intervals worked: length minus breaks. */
  worked: number;
  /** Break orders (permutations of `breaks` by position) that admit a placement. */
  orders: number[][];
}

export interface CompiledInstance {
  intervals: number;
  intervalMinutes: number;
  queueCount: number;
  required: Float64Array[];
  /** Every shift kind of any agent, shortest first (an agent may use only its own, `CompiledAgent.kinds`). */
  kinds: ShiftKind[];
  /** The instance's minimum gap in intervals between the end of a shift and the next start (an agent's own is `CompiledAgent.rest`). */
  rest: number;
  agents: CompiledAgent[];
}

export interface CompiledAgent {
  index: number;
  skills: number[];
  /** availableUntil[t]: the furthest end of an availability range that contains t, or -1. */
  availableUntil: Int32Array;
  maxShifts: number;
  maxWorked: number;
  minMinutes: number;
  /** The kinds (indices into `CompiledInstance.kinds`, ascending) this agent's rules allow. */
  kinds: number[];
  /** allowed[k] = 1 when kind k is among `kinds`. */
  allowed: Uint8Array;
  /** This agent's minimum gap in intervals between the end of a shift and the next start. */
  rest: number;
  /** Equal keys mean interchangeable agents for the bound (minMinutes is not a hard rule). */
  classKey: string;
}

/** Whether `agent` may start a shift of kind `k` at interval `t`: one of its own kinds, and available for the whole shift. */
export function canStart(model: CompiledInstance, agent: CompiledAgent, k: number, t: number): boolean {
  return agent.allowed[k] === 1 && t + model.kinds[k].length <= agent.availableUntil[t];
}

/** Minutes a week of `worked` intervals falls short of `minMinutes` (0 when it does not). */
export function shortfallMinutes(model: CompiledInstance, minMinutes: number, worked: number): number {
  return Math.max(0, minMinutes - worked * model.intervalMinutes);
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const rest of permutations(n - 1)) {
    for (let i = 0; i <= rest.length; i++) out.push([...rest.slice(0, i), n - 1, ...rest.slice(i)]);
  }
  return out;
}

/** Breaks in order `order`, packed as early as their windows allow: a placement exists iff this fits. */
function orderFits(length: number, breaks: BreakSpec[], order: number[]): boolean {
  let free = 0;
  for (const b of order) {
    const at = Math.max(free, breaks[b].earliest);
    if (at > breaks[b].latest) return false;
    free = at + breaks[b].duration;
  }
  return free <= length;
}

/** The shift kinds of one set of rules (lengths that fit the horizon and admit their breaks), shortest first. */
function kindsOf(rules: Rules, iv: number, T: number): ShiftKind[] {
  const kinds: ShiftKind[] = [];
  for (const minutes of [...new Set(rules.shiftLengthsMinutes)].sort((a, b) => a - b)) {
    const length = minutes / iv;
    if (length > T) continue;
    const breaks = rules.breaks
      .filter((rule) => minutes >= rule.minShiftMinutes)
      .map((rule) => {
        const duration = rule.minutes / iv;
        return {
          duration,
          earliest: Math.ceil(rule.earliestAfterStartMinutes / iv),
          latest: length - Math.ceil(rule.latestBeforeEndMinutes / iv) - duration,
        };
      });
    // Beyond five breaks we try one order (by window) rather than all permutations; real rule sets have one to three.
    const candidates = breaks.length <= 5 ? permutations(breaks.length) : [breaks.map((_, i) => i).sort((a, b) => breaks[a].latest - breaks[b].latest)];
    const orders = candidates.filter((order) => orderFits(length, breaks, order));
    if (orders.length === 0) continue;
    const worked = length - breaks.reduce((sum, b) => sum + b.duration, 0);
    kinds.push({ length, minutes, breaks, worked, orders });
  }
  return kinds;
}

/** A kind's identity: agents whose rules give the same length and break windows share it. */
const kindKey = (kind: ShiftKind) => JSON.stringify([kind.length, kind.breaks]);

/**
 * Agents with rules of their own (decision 075) add their kinds to the instance's: `kinds` is the union,
 * shortest first (ties by break windows), and each agent lists the ones it may use. Without overrides every
 * agent uses every kind, in the order the instance's rules alone give.
 */
export function compileInstance(instance: Instance): CompiledInstance {
  const iv = instance.intervalMinutes;
  const T = instance.intervals;
  const queueIndex = new Map(instance.queues.map((q, i) => [q.id, i]));
  const rulesOfAgent = instance.agents.map((agent) => agentRules(instance, agent));
  // Agents without rules of their own share the instance's object; equal overrides share one entry.
  const ruleKey = (rules: Rules) => (rules === instance.rules ? "" : JSON.stringify([rules.shiftLengthsMinutes, rules.breaks]));
  const ruleSets = new Map<string, ShiftKind[]>();
  const byKey = new Map<string, ShiftKind>();
  for (const rules of [instance.rules, ...rulesOfAgent]) {
    const id = ruleKey(rules);
    if (ruleSets.has(id)) continue;
    const own = kindsOf(rules, iv, T).map((kind) => {
      const key = kindKey(kind);
      const known = byKey.get(key);
      if (known) return known;
      byKey.set(key, kind);
      return kind;
    });
    ruleSets.set(id, own);
  }
  const keys = new Map([...byKey].map(([key, kind]) => [kind, key]));
  const kinds = [...byKey.values()].sort((a, b) => a.length - b.length || (keys.get(a)! < keys.get(b)! ? -1 : keys.get(a)! > keys.get(b)! ? 1 : 0));
  const indexOfKind = new Map(kinds.map((kind, k) => [kind, k]));
  const agents = instance.agents.map((agent, index): CompiledAgent => {
    const availableUntil = new Int32Array(T).fill(-1);
    for (const [from, to] of agent.availability) {
      for (let t = from; t < to; t++) if (to > availableUntil[t]) availableUntil[t] = to;
    }
    const skills = [...new Set(agent.skills.map((s) => queueIndex.get(s)!))].sort((a, b) => a - b);
    const maxWorked = Math.floor(agent.maxMinutes / iv);
    const maxShifts = Math.min(agent.maxShifts, T);
    const ranges = [...agent.availability].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const rules = rulesOfAgent[index];
    const own = ruleSets
      .get(ruleKey(rules))!
      .map((kind) => indexOfKind.get(kind)!)
      .sort((a, b) => a - b);
    const allowed = new Uint8Array(kinds.length);
    for (const k of own) allowed[k] = 1;
    const rest = Math.ceil(rules.minRestMinutes / iv);
    return {
      index,
      skills,
      availableUntil,
      maxShifts,
      maxWorked,
      minMinutes: agent.minMinutes,
      kinds: own,
      allowed,
      rest,
      classKey: JSON.stringify([skills, ranges, maxShifts, maxWorked, own, rest]),
    };
  });
  return {
    intervals: T,
    intervalMinutes: iv,
    queueCount: instance.queues.length,
    required: instance.queues.map((q) => Float64Array.from(q.required)),
    kinds,
    rest: Math.ceil(instance.rules.minRestMinutes / iv),
    agents,
  };
}

/**
 * Places the breaks of a shift of `kind` starting at `start` so that the summed `gain` they take away is least.
 * Returns that least cost; when `out` is given, fills it with the break starts (absolute, in break-rule order).
 * `prefix` is the prefix sum of the per-interval gain of the queue worked.
 */
export function placeBreaks(kind: ShiftKind, start: number, prefix: Float64Array, out?: number[]): number {
  const { breaks } = kind;
  if (breaks.length === 0) return 0;
  if (breaks.length === 1) {
    const b = breaks[0];
    let best = Infinity;
    let bestAt = -1;
    for (let o = b.earliest; o <= b.latest; o++) {
      const p = start + o;
      const cost = prefix[p + b.duration] - prefix[p];
      if (cost < best) {
        best = cost;
        bestAt = p;
      }
    }
    if (out) out[0] = bestAt;
    return best;
  }
  return placeManyBreaks(kind, start, prefix, out);
}

/** Two breaks: for each feasible order, sweep the second break's start keeping the cheapest first break that ends in time. */
function placeTwoBreaks(kind: ShiftKind, start: number, prefix: Float64Array, out?: number[]): number {
  let best = Infinity;
  for (const order of kind.orders) {
    const first = kind.breaks[order[0]];
    const second = kind.breaks[order[1]];
    let firstBest = Infinity;
    let firstAt = -1;
    let nextFirst = first.earliest;
    for (let o = second.earliest; o <= second.latest; o++) {
      while (nextFirst <= first.latest && nextFirst + first.duration <= o) {
        const p = start + nextFirst;
        const cost = prefix[p + first.duration] - prefix[p];
        if (cost < firstBest) {
          firstBest = cost;
          firstAt = p;
        }
        nextFirst++;
      }
      if (firstBest === Infinity) continue;
      const p = start + o;
      const cost = firstBest + prefix[p + second.duration] - prefix[p];
      if (cost < best) {
        best = cost;
        if (out) {
          out[order[0]] = firstAt;
          out[order[1]] = p;
        }
      }
    }
  }
  return best;
}

const levels: Float64Array[] = [];
const levelChoices: Int32Array[] = [];

/** Several breaks: for each feasible order, a DP over the shift's offsets (breaks sorted by position never overlap). */
function placeManyBreaks(kind: ShiftKind, start: number, prefix: Float64Array, out?: number[]): number {
  const { breaks, length } = kind;
  if (breaks.length === 2) return placeTwoBreaks(kind, start, prefix, out);
  let best = Infinity;
  for (let i = 0; i < breaks.length; i++) {
    if (!levels[i] || levels[i].length < length + 1) {
      levels[i] = new Float64Array(length + 1);
      levelChoices[i] = new Int32Array(length + 1);
    }
  }
  for (const order of kind.orders) {
    // levels[i][x]: least cost of the first i+1 breaks of the order, all ending at or before offset x.
    for (let i = 0; i < order.length; i++) {
      const spec = breaks[order[i]];
      const cur = levels[i].fill(Infinity, 0, length + 1);
      const choice = levelChoices[i].fill(-1, 0, length + 1);
      for (let o = spec.earliest; o <= spec.latest; o++) {
        const before = i === 0 ? 0 : levels[i - 1][o];
        if (before === Infinity) continue;
        const p = start + o;
        const cost = before + prefix[p + spec.duration] - prefix[p];
        const end = o + spec.duration;
        if (cost < cur[end]) {
          cur[end] = cost;
          choice[end] = o;
        }
      }
      for (let x = 1; x <= length; x++) {
        if (cur[x - 1] < cur[x]) {
          cur[x] = cur[x - 1];
          choice[x] = choice[x - 1];
        }
      }
    }
    const total = levels[order.length - 1][length];
    if (total < best) {
      best = total;
      if (out) {
        let x = length;
        for (let i = order.length - 1; i >= 0; i--) {
          const o = levelChoices[i][x];
          out[order[i]] = start + o;
          x = o;
        }
      }
    }
  }
  return best;
}

/** Shift values under prices π: Σ π over the shift minus the cheapest break placement. */
export function priceTables(model: CompiledInstance, prices: Float64Array[]): { values: Float64Array[][]; prefixes: Float64Array[] } {
  const T = model.intervals;
  const prefixes = prices.map((row) => {
    const prefix = new Float64Array(T + 1);
    for (let t = 0; t < T; t++) prefix[t + 1] = prefix[t] + row[t];
    return prefix;
  });
  const values = prefixes.map((prefix) =>
    model.kinds.map((kind) => {
      const v = new Float64Array(T).fill(-Infinity);
      for (let t = 0; t + kind.length <= T; t++) v[t] = prefix[t + kind.length] - prefix[t] - placeBreaks(kind, t, prefix);
      return v;
    }),
  );
  return { values, prefixes };
}
