// solveCapacity on a worker thread: the same answer, but HiGHS no longer holds the caller's event loop for the whole search.
import { Worker } from "node:worker_threads";
import type { CapacityResult, Plan } from "./model";
import type { SolveCapacityOptions } from "./solve";

/** Like solveCapacity (same plan, same options but `now`), solved on its own thread; rejects with the solver's error. */
export function solveCapacityOnWorker(plan: Plan, options: Omit<SolveCapacityOptions, "now"> = {}): Promise<CapacityResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./solve-worker.mjs", import.meta.url), { workerData: { plan, options } });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on("message", (m: { result?: CapacityResult; error?: string }) =>
      settle(() => (m.result ? resolve(m.result) : reject(new Error(m.error ?? "the capacity solver failed")))),
    );
    worker.on("error", (e) => settle(() => reject(e)));
    worker.on("exit", (code) => settle(() => reject(new Error(`the capacity solver's thread exited (code ${code}) without an answer`))));
  });
}
