// A plain LP relaxation of the week, solved with HiGHS (wasm): agents aggregated into profiles, shift starts optionally coarsened, breaks relaxed.
//
//   min Σ u[q,t]   s.t.   u[q,t] + Σ x[g,q,k,S] · covers(k, S → t)  ≥ required[q,t]      (cells with demand)
//                         Σ_{q,k, S in tile} x[g,q,k,S]              ≤ members of g with a start in the tile
//                         Σ worked_k · x[g,·,k,·] ≤ Σ_members maxWorked,   Σ x[g,·] ≤ Σ_members maxShifts
//                         0 ≤ x[g,q,k,S] ≤ members of g who can start kind k in [S, S+G)
//
// A profile g is all agents with the same skills, limits and shift rules; their availability enters through the
// column bounds and tile right-hand sides, so identical agents cost one set of columns. Every
// schedule maps to a feasible point (each agent's shift adds 1 to its profile's column), hence the
// optimum is a lower bound on under-coverage:
//  * breaks are relaxed: a shift counts as covering every interval from start to end;
//  * starts are rounded down to a multiple of G (G = 1 by default) and the column
//    covers [S, S + length + G − 1), a superset of every shift it stands for;
//  * rest and non-overlap become "at most one start per agent in any window of W = shortest shift +
//    rest − (G − 1) intervals" (two starts of one agent are at least shortest + rest apart; the profile's
//    own shortest shift and rest), imposed on two staggered tilings of the horizon.
// The row duals π of the coverage rows are prices in [0, 1]; the break-exact Lagrangian of bound.ts
// evaluated at them is never below this LP's optimum (its per-agent maximum is over a subset of this
// LP's per-profile polytope), so they also warm-start the subgradient. See docs/decisions/024-lp-bound.md.
import { Worker } from "node:worker_threads";
import { canStart, type CompiledInstance } from "./rules";

export interface LpBoundResult {
  /** The LP optimum (a proven lower bound on under-coverage), or null if HiGHS did not prove optimality in time. */
  bound: number | null;
  /** Coverage-row duals per queue and interval (0 where no row), or null. */
  prices: Float64Array[] | null;
  seconds: number;
  columns: number;
  rows: number;
  granularity: number;
  profiles: number;
  status: string;
}

interface Profile {
  skills: number[];
  members: number[];
  maxWorked: number;
  maxShifts: number;
  /** The shift kinds and rest of its members' rules (agents with rules of their own form profiles of their own, 075). */
  kinds: number[];
  rest: number;
}

function profilesOf(model: CompiledInstance): Profile[] {
  const byKey = new Map<string, Profile>();
  for (const agent of model.agents) {
    if (agent.skills.length === 0 || agent.maxShifts === 0 || agent.maxWorked === 0 || agent.kinds.length === 0) continue;
    const key = JSON.stringify([agent.skills, agent.maxShifts, agent.maxWorked, agent.kinds, agent.rest]);
    let p = byKey.get(key);
    if (!p)
      byKey.set(key, (p = { skills: agent.skills, members: [], maxWorked: agent.maxWorked, maxShifts: agent.maxShifts, kinds: agent.kinds, rest: agent.rest }));
    p.members.push(agent.index);
  }
  return [...byKey.values()];
}

export interface LpOptions {
  /** Give up (no LP bound) at this instant of `now()`. */
  deadline: number;
  /** Aborting terminates the worker. */
  signal?: AbortSignal;
  /** HiGHS options on top of ours (e.g. { solver: "ipm" }). */
  solverOptions?: Record<string, string | number | boolean>;
  /** Larger LPs are not attempted (status "skipped: …"). */
  maxColumns?: number;
  /** Start granularity G (1, the default: exact starts; larger values coarsen, see the header). */
  granularity?: number;
  now?: () => number;
}

export async function lpBound(model: CompiledInstance, options: LpOptions): Promise<LpBoundResult> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const { intervals: T, kinds } = model;
  const profiles = profilesOf(model);
  const empty = (status: string): LpBoundResult => ({
    bound: null,
    prices: null,
    seconds: (now() - started) / 1000,
    columns: 0,
    rows: 0,
    granularity: 1,
    profiles: profiles.length,
    status,
  });
  if (kinds.length === 0 || profiles.length === 0) return empty("no shifts");

  // Where each agent can start each kind (availability covers the whole shift).
  const startable = (a: number, k: number, s: number) => canStart(model, model.agents[a], k, s);
  // anyStart[g][k][s]: some member of profile g can start kind k at s.
  const anyStart = profiles.map((p) =>
    kinds.map((_, k) => {
      const row = new Uint8Array(T);
      for (const a of p.members) for (let s = 0; s < T; s++) if (!row[s] && startable(a, k, s)) row[s] = 1;
      return row;
    }),
  );
  const count = (G: number) => {
    let n = 0;
    profiles.forEach((p, g) =>
      kinds.forEach((_, k) => {
        for (let S = 0; S < T; S += G) if (anyStart[g][k].subarray(S, Math.min(T, S + G)).some((x) => x === 1)) n += p.skills.length;
      }),
    );
    return n;
  };
  // Measured under shared load: 19 k columns take ~12 s with the interior-point solver, 33 k ~18 s,
  // simplex 2–3 × longer; beside the search it finishes later still. Beyond the limit the LP is
  // skipped (no CPU taken from the search) rather than coarsened: coarse starts (G > 1) cover so
  // many extra intervals that the bound becomes worthless (024).
  const maxColumns = options.maxColumns ?? 20_000;
  const G = Math.max(1, Math.floor(options.granularity ?? 1));
  const columnsNeeded = count(G);
  if (columnsNeeded > maxColumns) return { ...empty(`skipped: ${columnsNeeded} columns > ${maxColumns}`), columns: columnsNeeded, granularity: G };

  // Rows: coverage cells first (their duals are the prices), then per profile tiles, worked, shifts.
  const rowOf = model.required.map(() => new Int32Array(T).fill(-1));
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const cells: [number, number][] = [];
  model.required.forEach((req, q) => {
    for (let t = 0; t < T; t++) {
      if (req[t] > 0) {
        rowOf[q][t] = rowLower.length;
        rowLower.push(req[t]);
        rowUpper.push(Infinity);
        cells.push([q, t]);
      }
    }
  });
  const coverageRows = rowLower.length;
  if (coverageRows === 0) return { ...empty("no demand"), bound: 0 };

  const starts: number[] = [];
  const index: number[] = [];
  const value: number[] = [];
  const colUpper: number[] = [];
  const colCost: number[] = [];
  const pushColumn = (entries: [number, number][], upper: number, cost: number) => {
    starts.push(index.length);
    entries.sort((a, b) => a[0] - b[0]);
    for (const [r, v] of entries) {
      index.push(r);
      value.push(v);
    }
    colUpper.push(upper);
    colCost.push(cost);
  };
  let xColumns = 0;
  profiles.forEach((p) => {
    // Two starts of one member are at least its shortest shift plus its rest apart.
    const minLength = Math.min(...p.kinds.map((k) => kinds[k].length));
    const W = Math.max(1, minLength + p.rest - (G - 1));
    const tilings = W >= 2 ? [0, Math.floor(W / 2)] : [0];
    // Per tiling and tile, the members with any start in it (the tile's right-hand side), and per
    // kind and block of G starts, the members who can start in it (the columns' upper bounds).
    const blocks = Math.ceil(T / G);
    const able = kinds.map(() => new Int32Array(blocks));
    const tileCounts = tilings.map(() => new Map<number, number>());
    for (const a of p.members) {
      const tilesSeen = tilings.map(() => new Set<number>());
      kinds.forEach((_, k) => {
        let lastBlock = -1;
        for (let s = 0; s < T; s++) {
          if (!startable(a, k, s)) continue;
          const block = Math.floor(s / G);
          if (block !== lastBlock) able[k][block]++;
          lastBlock = block;
          tilings.forEach((offset, i) => tilesSeen[i].add(Math.floor((block * G + W - offset) / W)));
        }
      });
      tilesSeen.forEach((set, i) => set.forEach((tile) => tileCounts[i].set(tile, (tileCounts[i].get(tile) ?? 0) + 1)));
    }
    const tileRow = tileCounts.map((counts) => {
      const rows = new Map<number, number>();
      for (const [tile, n] of [...counts].sort((x, y) => x[0] - y[0])) {
        rows.set(tile, rowLower.length);
        rowLower.push(-Infinity);
        rowUpper.push(n);
      }
      return rows;
    });
    const workedRow = rowLower.length;
    rowLower.push(-Infinity);
    rowUpper.push(p.members.reduce((sum, a) => sum + model.agents[a].maxWorked, 0));
    const shiftsRow = rowLower.length;
    rowLower.push(-Infinity);
    rowUpper.push(p.members.reduce((sum, a) => sum + model.agents[a].maxShifts, 0));
    kinds.forEach((kind, k) => {
      for (let S = 0; S < T; S += G) {
        const upper = able[k][S / G];
        if (upper === 0) continue;
        const cover = Math.min(T, S + kind.length + G - 1);
        for (const q of p.skills) {
          const entries: [number, number][] = [];
          for (let t = S; t < cover; t++) if (rowOf[q][t] >= 0) entries.push([rowOf[q][t], 1]);
          tilings.forEach((offset, i) => entries.push([tileRow[i].get(Math.floor((S + W - offset) / W))!, 1]));
          entries.push([workedRow, kind.worked], [shiftsRow, 1]);
          pushColumn(entries, upper, 0);
          xColumns++;
        }
      }
    });
  });
  for (let r = 0; r < coverageRows; r++) pushColumn([[r, 1]], Infinity, 1);
  starts.push(index.length);

  const numCols = colCost.length;
  const numRows = rowLower.length;
  const data: LpData = {
    numCols,
    numRows,
    colCost: Float64Array.from(colCost),
    colLower: new Float64Array(numCols),
    colUpper: Float64Array.from(colUpper),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: { format: "csc", numRows, numCols, starts: Int32Array.from(starts), indices: Int32Array.from(index), values: Float64Array.from(value) },
  };
  const remaining = (options.deadline - now()) / 1000;
  const base = { columns: xColumns, rows: numRows, granularity: G, profiles: profiles.length };
  if (remaining <= 0.05) return { ...empty("no time left"), ...base };
  // Interior point without crossover: its duals are good prices and its optimum is exact to 1e-7.
  const solverOptions = { solver: "ipm", run_crossover: "off", ...options.solverOptions };
  // Tiny LPs solve in milliseconds: a worker (≈ 0.1 s to start and load the wasm) would cost more
  // than it saves. Anything larger goes to the worker: an inline solve would block the search.
  const solved =
    data.numCols < 1000
      ? await solveInline(data, remaining, coverageRows, solverOptions)
      : await solveOnWorker(data, remaining, coverageRows, solverOptions, options.signal);
  const result = { ...base, seconds: (now() - started) / 1000, status: solved.status };
  if (solved.objective === null || !solved.rowDual) return { ...result, bound: null, prices: null };
  const prices = model.required.map(() => new Float64Array(T));
  cells.forEach(([q, t], r) => (prices[q][t] = Math.min(1, Math.max(0, Math.abs(solved.rowDual![r])))));
  // HiGHS's optimum is exact only to its tolerances (1e-7 relative): keep a margin, as the Lagrangian does.
  const margin =
    1e-6 *
    Math.max(
      1,
      rowLower.slice(0, coverageRows).reduce((a, b) => a + b, 0),
    );
  return { ...result, bound: Math.max(0, solved.objective - margin), prices };
}

/** The LP in HiGHS's column-compressed form; ±Infinity for missing bounds (the worker maps them to HiGHS's infinity). */
interface LpData {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  matrix: { format: "csc"; numRows: number; numCols: number; starts: Int32Array; indices: Int32Array; values: Float64Array };
}

interface Solved {
  status: string;
  objective: number | null;
  rowDual: Float64Array | null;
}

type Highs = Awaited<ReturnType<(typeof import("highs"))["default"]>>;
let inlineHighs: Promise<Highs> | null = null;

async function solveInline(
  data: LpData,
  timeLimitSeconds: number,
  dualRows: number,
  solverOptions: Record<string, string | number | boolean>,
): Promise<Solved> {
  const highs = await (inlineHighs ??= import("highs").then((m) => m.default()));
  const inf = highs.infinity;
  const fix = (a: Float64Array) => a.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  const lp = highs.createModel({ ...data, colUpper: fix(data.colUpper), rowLower: fix(data.rowLower), rowUpper: fix(data.rowUpper) });
  try {
    lp.options.set({ output_flag: false, time_limit: Math.max(0.01, timeLimitSeconds), presolve: "on", ...solverOptions });
    const run = lp.run();
    const status = Object.entries(highs.constants.modelStatus).find(([, v]) => v === run.modelStatus)?.[0] ?? String(run.modelStatus);
    if (run.modelStatus !== highs.constants.modelStatus.optimal) return { status, objective: null, rowDual: null };
    return { status, objective: lp.getObjectiveValue(), rowDual: lp.getSolution().rowDual.slice(0, dualRows) };
  } finally {
    lp.dispose();
  }
}

/** Runs HiGHS on a worker thread (terminated on abort); the caller's event loop stays free for the search. */
function solveOnWorker(
  data: LpData,
  timeLimitSeconds: number,
  dualRows: number,
  solverOptions: Record<string, string | number | boolean>,
  signal?: AbortSignal,
): Promise<Solved> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./lp-worker.mjs", import.meta.url), { workerData: { model: data, timeLimitSeconds, dualRows, solverOptions } });
    let settled = false;
    const finish = (solved: Solved) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      resolve(solved);
    };
    const onAbort = () => finish({ status: "stopped", objective: null, rowDual: null });
    signal?.addEventListener("abort", onAbort);
    worker.on("message", (m: Solved) => finish(m));
    worker.on("error", (e) => finish({ status: `error: ${e.message}`, objective: null, rowDual: null }));
    worker.on("exit", () => finish({ status: "worker exited", objective: null, rowDual: null }));
  });
}
