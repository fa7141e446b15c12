// The Lagrangian bound (bound.ts) on a worker thread beside the search: every improvement (bound and prices) is sent back at once.
//
// The main thread keeps the latest result, so stopping the worker at any moment loses at most the
// evaluation in flight; every value sent is a proven bound on its own. See docs/decisions/085-bound-on-its-own-thread.md.
import { parentPort, Worker, workerData } from "node:worker_threads";
import type { Instance } from "./instance";
import { compileInstance } from "./rules";
import { lowerBound, type BoundResult } from "./bound";

interface Start {
  instance: Instance;
  /** Milliseconds the worker may run (the main thread usually stops it earlier). */
  durationMs: number;
  target: number;
  under: Float64Array[];
  over: Float64Array[];
}

type Message = { kind: "improved"; result: BoundResult } | { kind: "done"; result: BoundResult };

/** The main thread's handle: the latest bound and prices, a way to move the step target, and stop. */
export class BoundThread {
  latest: BoundResult | null = null;
  /** Set when the worker could not start or crashed: the caller then computes the bound itself. */
  failed = false;
  done = false;
  private readonly worker: Worker;
  private readonly finished: Promise<void>;

  constructor(start: Start) {
    this.worker = new Worker(new URL("./bound-worker.mjs", import.meta.url), { workerData: start });
    this.finished = new Promise((resolve) => {
      this.worker.on("message", (m: Message) => {
        if (!this.latest || m.result.lagrangian >= this.latest.lagrangian) this.latest = m.result;
        if (m.kind === "done") {
          this.done = true;
          resolve();
        }
      });
      this.worker.on("error", () => {
        this.failed = this.latest === null;
        resolve();
      });
      this.worker.on("exit", () => resolve());
    });
  }

  /** The search found a better schedule: its under-coverage is where the Polyak steps aim. */
  setTarget(target: number): void {
    this.worker.postMessage({ target });
  }

  /** Stops the worker; `latest` keeps the best bound it sent. */
  async stop(): Promise<void> {
    await this.worker.terminate();
    await this.finished;
  }
}

/** Worker side: runs the subgradient ascent until its time is up, posting every improvement. */
export async function serveBound(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("serveBound runs on a worker thread");
  const start = workerData as Start;
  const model = compileInstance(start.instance);
  let target = start.target;
  port.on("message", (m: { target?: number }) => {
    if (typeof m.target === "number") target = m.target;
  });
  const now = () => performance.now();
  const result = await lowerBound(model, {
    now,
    deadline: now() + start.durationMs,
    target: () => target,
    under: start.under,
    over: start.over,
    onImprove: (r) => port.postMessage({ kind: "improved", result: r } satisfies Message),
  });
  port.postMessage({ kind: "done", result } satisfies Message);
  port.close();
}
