// Queueing maths for one interval: Erlang C and Erlang A metrics, the staffing search, shrinkage.

/** Inputs of one staffing question; times in seconds except the interval. */
export interface StaffingParams {
  /** Contacts arriving in the interval (decimals allowed: forecasts are expectations). */
  arrivals: number;
  ahtSeconds: number;
  intervalMinutes: number;
  /** Target share of contacts answered within `answerSeconds`, in [0, 1). */
  serviceLevel: number;
  answerSeconds: number;
  /** Occupancy cap in (0, 1]; default 1 (no cap). */
  maxOccupancy?: number;
  /** Share of paid time lost to breaks, meetings, absence, in [0, 1); default 0. */
  shrinkage?: number;
  /** Mean patience; when given, Erlang A (exponential abandonment) replaces Erlang C. */
  patienceSeconds?: number;
  /** Conversations one agent works at once (chat); default 1. */
  concurrency?: number;
}

export type QueueModel = "erlang-c" | "erlang-a";

/** Metrics of a queue with a given number of servers (one server = one conversation slot). */
export interface QueueMetrics {
  /** Share of ALL arrivals answered within the target (abandoned contacts count as not answered). */
  serviceLevel: number;
  /** Share of servers busy. */
  occupancy: number;
  /** Share of arrivals that find every server busy. */
  waitProbability: number;
  /** Mean wait of answered contacts (Erlang C: of all contacts, who are all answered). */
  asaSeconds: number;
  /** Share of arrivals who abandon; 0 under Erlang C. */
  abandonProbability: number;
}

export interface StaffingResult extends QueueMetrics {
  agents: number;
  scheduledAgents: number;
  model: QueueModel;
  concurrency: number;
  /** Conversation slots the agents provide: agents × concurrency. */
  servers: number;
}

// Comparisons tolerate float noise so that a target met in exact arithmetic is met here too.
const EPS = 1e-9;

/**
 * Erlang B blocking for `servers` servers and `traffic` Erlangs by the recursion
 * B(n) = A·B(n−1) / (n + A·B(n−1)), which stays in [0, 1] and never forms a factorial.
 */
export function erlangB(servers: number, traffic: number): number {
  let b = 1;
  for (let n = 1; n <= servers; n++) b = (traffic * b) / (n + traffic * b);
  return b;
}

/** Erlang C from an already computed Erlang B value (so a search can extend B one server at a time). */
function erlangCFromB(servers: number, traffic: number, b: number, ahtSeconds: number, answerSeconds: number): QueueMetrics {
  if (traffic <= 0) return { serviceLevel: 1, occupancy: 0, waitProbability: 0, asaSeconds: 0, abandonProbability: 0 };
  if (servers <= traffic) return { serviceLevel: 0, occupancy: 1, waitProbability: 1, asaSeconds: Infinity, abandonProbability: 0 };
  const c = (servers * b) / (servers - traffic * (1 - b));
  const waitProbability = Math.min(1, Math.max(0, c));
  const serviceLevel = 1 - waitProbability * Math.exp((-(servers - traffic) * answerSeconds) / ahtSeconds);
  return {
    serviceLevel,
    occupancy: traffic / servers,
    waitProbability,
    asaSeconds: (waitProbability * ahtSeconds) / (servers - traffic),
    abandonProbability: 0,
  };
}

/** Erlang C metrics for `servers` servers and `traffic` Erlangs (traffic = arrivals × AHT / interval). */
export function erlangC(servers: number, traffic: number, ahtSeconds: number, answerSeconds: number): QueueMetrics {
  return erlangCFromB(servers, traffic, erlangB(servers, traffic), ahtSeconds, answerSeconds);
}

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** log(1/B(n) − 1) for the Erlang B recursion, in log space so that tiny B cannot overflow 1/B. */
function logIdleMass(servers: number, traffic: number): number {
  if (servers === 0) return -Infinity;
  if (traffic <= 0) return Infinity;
  // x = log(1/B(n)); 1/B(n) = 1 + (n/A)/B(n−1).
  let x = 0;
  for (let n = 1; n <= servers; n++) {
    const y = Math.log(n / traffic) + x;
    x = y + Math.log1p(Math.exp(-y));
  }
  // log(e^x − 1)
  return x > 30 ? x + Math.log1p(-Math.exp(-x)) : Math.log(Math.expm1(x));
}

/**
 * Erlang A (M/M/N+M) as the exact birth–death chain: arrivals at rate λ, each busy server finishes at
 * rate μ, each waiting contact abandons at rate θ = 1/patience. Stationary probabilities are
 * taken relative to π_N in log space. A contact arriving to find j−1 waiting is served with
 * probability q_j = Nμ/(Nμ + jθ); given it is served, its wait is a sum of Exp(Nμ + iθ),
 * i = 1..j, whose tail is a negative-binomial sum (the order-statistic identity), so the
 * service level needs no numerical integration.
 */
export function erlangA(servers: number, arrivalsPerSecond: number, ahtSeconds: number, patienceSeconds: number, answerSeconds: number): QueueMetrics {
  const lambda = arrivalsPerSecond;
  if (lambda <= 0) return { serviceLevel: 1, occupancy: 0, waitProbability: 0, asaSeconds: 0, abandonProbability: 0 };
  if (servers === 0) return { serviceLevel: 0, occupancy: 0, waitProbability: 1, asaSeconds: 0, abandonProbability: 1 };
  const mu = 1 / ahtSeconds;
  const theta = 1 / patienceSeconds;
  const nMu = servers * mu;
  const traffic = lambda / mu;

  const logIdle = logIdleMass(servers, traffic); // mass of states 0..N−1, relative to π_N
  // Negative-binomial tail P(S_j > t) = Σ_{k<j} T_k with T_0 = e^{−(Nμ+θ)t}, ratio x(k−1+b)/k.
  const x = -Math.expm1(-theta * answerSeconds);
  const logX = Math.log(x);
  const b = nMu / theta + 1;

  let logTotal = logAddExp(logIdle, 0); // Σ π_n / π_N, grows as the queue terms are added
  let logWait = 0; // arrivals that wait: states n ≥ N
  let logServed = logIdle; // served: idle-state arrivals plus waiting arrivals that stay
  let logWithin = logIdle; // served within the answer time
  let logServedWait = -Infinity; // Σ π·q·E[wait | served]
  let logR = 0; // log π_{N+j−1}/π_N
  let logT = -(nMu + theta) * answerSeconds;
  let logCum = -Infinity;
  let meanWaitIfServed = 0;
  let peak = 0;
  for (let j = 1; ; j++) {
    const rate = nMu + j * theta;
    logCum = logAddExp(logCum, logT);
    logT += logX + Math.log(j - 1 + b) - Math.log(j);
    meanWaitIfServed += 1 / rate;
    const logQ = Math.log(nMu / rate);
    const within = logCum >= 0 ? 0 : -Math.expm1(logCum);
    logServed = logAddExp(logServed, logR + logQ);
    if (within > 0) logWithin = logAddExp(logWithin, logR + logQ + Math.log(within));
    logServedWait = logAddExp(logServedWait, logR + logQ + Math.log(meanWaitIfServed));
    // next state's weight: π_{N+j} = π_{N+j−1} · λ / (Nμ + jθ)
    logR += Math.log(lambda / rate);
    logTotal = logAddExp(logTotal, logR);
    logWait = logAddExp(logWait, logR);
    peak = Math.max(peak, logR);
    if (rate > lambda && logR < Math.max(peak, logTotal) - 40) break;
  }
  const served = Math.exp(logServed - logTotal);
  return {
    serviceLevel: Math.min(1, Math.exp(logWithin - logTotal)),
    occupancy: Math.min(1, (lambda * served) / nMu),
    waitProbability: Math.min(1, Math.exp(logWait - logTotal)),
    asaSeconds: served > 0 ? Math.exp(logServedWait - logTotal) / served : 0,
    abandonProbability: Math.max(0, 1 - served),
  };
}

/** Exact ceil(agents / (1 − shrinkage)): the decimal the caller wrote, as a fraction, so 14 at 0.3 is 20. */
export function scheduledAgents(agents: number, shrinkage = 0): number {
  if (agents === 0 || shrinkage === 0) return agents;
  const [num, den] = decimalFraction(shrinkage);
  const paid = den - num;
  const a = BigInt(agents);
  return Number((a * den + paid - 1n) / paid);
}

/** A finite non-negative double as numerator/denominator of its shortest decimal form. */
function decimalFraction(value: number): [bigint, bigint] {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`not a plain decimal: ${value}`);
  const [, int, frac = "", exp = "0"] = match;
  let num = BigInt(int + frac);
  let den = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e > 0) num *= 10n ** BigInt(e);
  else den *= 10n ** BigInt(-e);
  return [num, den];
}

function meets(m: QueueMetrics, target: number, cap: number): boolean {
  return m.serviceLevel >= target - EPS && m.occupancy <= cap + EPS;
}

function checkParams(p: StaffingParams): void {
  const bad = (name: string, why: string) => {
    throw new RangeError(`${name} ${why}`);
  };
  if (!(p.arrivals >= 0) || !Number.isFinite(p.arrivals)) bad("arrivals", "must be a finite number ≥ 0");
  if (!(p.ahtSeconds > 0) || !Number.isFinite(p.ahtSeconds)) bad("ahtSeconds", "must be > 0");
  if (!(p.intervalMinutes > 0) || !Number.isFinite(p.intervalMinutes)) bad("intervalMinutes", "must be > 0");
  if (!(p.serviceLevel >= 0 && p.serviceLevel < 1)) bad("serviceLevel", "must be in [0, 1)");
  if (!(p.answerSeconds >= 0) || !Number.isFinite(p.answerSeconds)) bad("answerSeconds", "must be ≥ 0");
  if (p.maxOccupancy !== undefined && !(p.maxOccupancy > 0 && p.maxOccupancy <= 1)) bad("maxOccupancy", "must be in (0, 1]");
  if (p.shrinkage !== undefined && !(p.shrinkage >= 0 && p.shrinkage < 1)) bad("shrinkage", "must be in [0, 1)");
  if (p.patienceSeconds !== undefined && !(p.patienceSeconds > 0)) bad("patienceSeconds", "must be > 0");
  if (p.concurrency !== undefined && !(Number.isInteger(p.concurrency) && p.concurrency >= 1)) bad("concurrency", "must be a whole number ≥ 1");
}

/**
 * The smallest number of agents that meets the service level and the occupancy cap. With chat
 * concurrency c, each agent is c independent servers and AHT is one conversation's handle time
 * while sharing the agent (see docs/decisions/011-concurrency.md).
 */
export function staffing(p: StaffingParams): StaffingResult {
  checkParams(p);
  const cap = p.maxOccupancy ?? 1;
  const c = p.concurrency ?? 1;
  const shrinkage = p.shrinkage ?? 0;
  const model: QueueModel = p.patienceSeconds === undefined ? "erlang-c" : "erlang-a";
  const done = (agents: number, m: QueueMetrics): StaffingResult => ({
    agents,
    ...m,
    scheduledAgents: scheduledAgents(agents, shrinkage),
    model,
    concurrency: c,
    servers: agents * c,
  });
  if (p.arrivals === 0) {
    return done(0, { serviceLevel: 1, occupancy: 0, waitProbability: 0, asaSeconds: 0, abandonProbability: 0 });
  }
  const traffic = (p.arrivals * p.ahtSeconds) / (p.intervalMinutes * 60);
  if (model === "erlang-c") return done(...searchErlangC(traffic, c, p, cap));
  const lambda = p.arrivals / (p.intervalMinutes * 60);
  const at = (agents: number) => erlangA(agents * c, lambda, p.ahtSeconds, p.patienceSeconds!, p.answerSeconds);
  return done(...searchMonotone(at, p.serviceLevel, cap));
}

/**
 * Erlang C needs more servers than Erlangs, so the search starts at the first agent count whose
 * slots exceed the traffic — not at round(A + 1), which skips the answer when A is 0.5 or 2.5 —
 * and walks up, extending Erlang B slot by slot, so the whole search is linear in the answer.
 */
function searchErlangC(traffic: number, c: number, p: StaffingParams, cap: number): [number, QueueMetrics] {
  let agents = Math.floor(traffic / c) + 1;
  let slots = 0;
  let b = 1;
  for (;;) {
    for (; slots < agents * c;) {
      slots++;
      b = (traffic * b) / (slots + traffic * b);
    }
    const m = erlangCFromB(slots, traffic, b, p.ahtSeconds, p.answerSeconds);
    if (meets(m, p.serviceLevel, cap)) return [agents, m];
    agents++;
  }
}

/** Erlang A is stable at any staffing, so the answer can lie below the traffic: double, then bisect. */
function searchMonotone(at: (agents: number) => QueueMetrics, target: number, cap: number): [number, QueueMetrics] {
  let lo = 0; // known not to meet the target (no agents serve nobody)
  let hi = 1;
  let best = at(hi);
  while (!meets(best, target, cap)) {
    lo = hi;
    hi *= 2;
    best = at(hi);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const m = at(mid);
    if (meets(m, target, cap)) {
      hi = mid;
      best = m;
    } else lo = mid;
  }
  return [hi, best];
}
