// The Lagrangian bound (bound.ts) on a worker thread beside the search: every improvement (bound and prices) is sent back at once.
//
// The main thread keeps the latest result, so stopping the worker at any moment loses at most the
// evaluation in flight; every value sent is a proven bound on its own. See docs/decisions/085-bound-on-its-own-thread.md.
import { parentPort, Worker, workerData } from "node:worker_threads";
import type { Instance } from "./instance";
import { compileInstance } from "./rules";
import { lowerBound, slacknessPrices, type BoundResult } from "./bound";
import { PlanPool, type PlanMix } from "./primal";

interface Start {
  instance: Instance;
  /** Milliseconds the worker may run (the main thread usually stops it earlier). */
  durationMs: number;
  target: number;
  under: Float64Array[];
  over: Float64Array[];
}

type Message = { kind: "improved"; result: BoundResult } | { kind: "done"; result: BoundResult } | { kind: "mix"; mix: PlanMix | null };
type Request = { kind: "improved"; target: number; under: Float64Array[]; over: Float64Array[] } | { kind: "mix"; share: number; last: boolean };

/** The main thread's handle: the latest bound and prices, a way to move the step target, and stop. */
export class BoundThread {
  latest: BoundResult | null = null;
  /** Set when the worker could not start or crashed: the caller then computes the bound itself. */
  failed = false;
  done = false;
  private readonly worker: Worker;
  private readonly finished: Promise<void>;
  private readonly mixWaiting: ((mix: PlanMix | null) => void)[] = [];
  private exited = false;

  constructor(start: Start) {
    this.worker = new Worker(new URL("./bound-worker.mjs", import.meta.url), { workerData: start });
    this.finished = new Promise((resolve) => {
      this.worker.on("message", (m: Message) => {
        if (m.kind === "mix") {
          this.mixWaiting.shift()?.(m.mix);
          return;
        }
        if (!this.latest || m.result.lagrangian >= this.latest.lagrangian) this.latest = m.result;
        if (m.kind === "done") {
          this.done = true;
          resolve();
        }
      });
      this.worker.on("error", () => {
        this.failed = this.latest === null;
        this.ended();
        resolve();
      });
      this.worker.on("exit", () => {
        this.ended();
        resolve();
      });
    });
  }

  private ended(): void {
    this.exited = true;
    for (const waiting of this.mixWaiting.splice(0)) waiting(null);
  }

  /**
   * The relaxation's mix of weeks over the latest `share` of the ascent's rounds (primal.ts); the
   * worker answers between two evaluations, and also after its ascent has ended. Null once it has exited,
   * or after a request marked `last` (the worker then stops keeping the rounds: nobody will ask again).
   */
  mix(share: number, options: { last?: boolean } = {}): Promise<PlanMix | null> {
    if (this.exited) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.mixWaiting.push(resolve);
      this.worker.postMessage({ kind: "mix", share, last: options.last ?? false } satisfies Request);
    });
  }

  /**
   * The search found a better schedule: its under-coverage is where the Polyak steps aim, and prices
   * in complementary slackness with it are tried once (the ascent jumps there if they are better).
   */
  improved(under: Float64Array[], over: Float64Array[]): void {
    const target = under.reduce((sum, row) => sum + row.reduce((s, u) => s + u, 0), 0);
    this.worker.postMessage({ kind: "improved", target, under, over } satisfies Request);
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
  let pool: PlanPool | null = new PlanPool();
  port.on("message", (m: Request) => {
    if (m.kind === "mix") {
      port.postMessage({ kind: "mix", mix: pool?.mix(m.share) ?? null } satisfies Message);
      if (m.last) pool = null;
      return;
    }
    target = m.target;
    offered = slacknessPrices(model, m.under, m.over);
  });
  const now = () => performance.now();
  const deadline = now() + start.durationMs;
  const result = await lowerBound(model, {
    now,
    deadline,
    target: () => target,
    prices: () => offered,
    under: start.under,
    over: start.over,
    onImprove: (r) => port.postMessage({ kind: "improved", result: r } satisfies Message),
    collect: (key, plan, round) => pool?.add(key, plan, round),
  });
  // The port stays open a little past the deadline (the ascent may end early): the search may still ask
  // for the mix until it stops this worker, which it always does; the timer only guards against a leak.
  port.postMessage({ kind: "done", result } satisfies Message);
  setTimeout(() => port.close(), Math.max(0, deadline - now()) + 5000);
}
