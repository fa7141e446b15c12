// Runs solveCapacity on a worker thread, so the caller's event loop stays free while HiGHS searches (a BullMQ
// worker then renews its job's lock on its own timer). Plain JS: tsImport loads the TypeScript engine in any host.
import { parentPort, workerData } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { solveCapacity } = await tsImport("./solve.ts", import.meta.url);
try {
  parentPort.postMessage({ result: await solveCapacity(workerData.plan, workerData.options) });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
