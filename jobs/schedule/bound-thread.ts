// The Lagrangian bound (bound.ts) on a worker thread beside the search: every improvement (bound and prices) is sent back at once.
//
// The main thread keeps the latest result, so stopping the worker at any moment loses at most the
// evaluation in flight; every value sent is a proven bound on its own. See docs/decisions/085-bound-on-its-own-thread.md.
import { parentPort, Worker, workerData } from "node:worker_threads";
import type { Instance } from "./instance";
import { compileInstance } from "./rules";
import { lowerBound, slacknessPrices, type BoundResult } from "./bound";

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

  /**
   * The search found a better schedule: its under-coverage is where the Polyak steps aim, and prices
   * in complementary slackness with it are tried once (the ascent jumps there if they are better).
   */
  improved(under: Float64Array[], over: Float64Array[]): void {
    const target = under.reduce((sum, row) => sum + row.reduce((s, u) => s + u, 0), 0);
    this.worker.postMessage({ target, under, over });
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
  let offered: Float64Array[] | null = null;
  port.on("message", (m: { target: number; under: Float64Array[]; over: Float64Array[] }) => {
    target = m.target;
    offered = slacknessPrices(model, m.under, m.over);
  });
  const now = () => performance.now();
  const result = await lowerBound(model, {
    now,
    deadline: now() + start.durationMs,
    target: () => target,
    prices: () => offered,
    under: start.under,
    over: start.over,
    onImprove: (r) => port.postMessage({ kind: "improved", result: r } satisfies Message),
  });
  port.postMessage({ kind: "done", result } satisfies Message);
  port.close();
}
