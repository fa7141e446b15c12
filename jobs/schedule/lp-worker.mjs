// Solves one LP with HiGHS (wasm) on a worker thread, so the schedule search keeps the main thread; plain JS so no TypeScript loader is needed.
import { parentPort, workerData } from "node:worker_threads";
import loadHighs from "highs";

const { model, timeLimitSeconds, dualRows, solverOptions } = workerData;
const highs = await loadHighs();
const inf = highs.infinity;
const fix = (a) => Float64Array.from(a, (v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
const lp = highs.createModel({ ...model, colUpper: fix(model.colUpper), rowLower: fix(model.rowLower), rowUpper: fix(model.rowUpper) });
try {
  lp.options.set({ output_flag: false, time_limit: Math.max(0.01, timeLimitSeconds), presolve: "on", ...solverOptions });
  const run = lp.run();
  const status = Object.entries(highs.constants.modelStatus).find(([, v]) => v === run.modelStatus)?.[0] ?? String(run.modelStatus);
  if (run.modelStatus === highs.constants.modelStatus.optimal) {
    const solution = lp.getSolution();
    parentPort.postMessage({ status, objective: lp.getObjectiveValue(), rowDual: solution.rowDual.slice(0, dualRows) });
  } else parentPort.postMessage({ status, objective: null, rowDual: null });
} finally {
  lp.dispose();
}
