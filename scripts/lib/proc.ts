// Child-process helpers shared by scripts/start.ts, dev.ts, test.ts and db.ts.
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import path from "node:path";
import { ROOT } from "../services.js";

export const BIN = path.join(ROOT, "node_modules", ".bin");

/** Resolve a locally installed CLI (node_modules/.bin) or leave the command as is. */
export const bin = (name: string) => path.join(BIN, name);

export interface RunResult {
  code: number;
  signal: NodeJS.Signals | null;
}

let current: ChildProcess | null = null;

/** Run a command to completion with inherited stdio. */
export function run(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", cwd: ROOT, ...opts });
    current = child;
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      current = null;
      resolve({ code: code ?? (signal ? 128 : 1), signal });
    });
  });
}

/** Like run(), but throws a one-line error on a non-zero exit. */
export async function must(label: string, cmd: string, args: string[], opts: SpawnOptions = {}) {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) throw new StepError(`${label} failed (exit ${r.signal ?? r.code})`);
}

export class StepError extends Error {
  override name = "StepError";
}

/** Forward a signal to the foreground child of run(), if any. */
export function signalCurrent(sig: NodeJS.Signals) {
  current?.kill(sig);
}

/** How a child that dies on its own is brought back: growing pauses, and a give-up when it keeps dying. */
export interface RestartPolicy {
  /** Pauses before the 1st, 2nd, … restart in a row (the last repeats). */
  backoffMs: number[];
  /** A child that stayed up this long starts again from the first pause. */
  healthyAfterMs: number;
  /** Restarts in a row after which the supervisor gives up and reports the exit. */
  maxRestarts: number;
}

export const DEFAULT_RESTART: RestartPolicy = { backoffMs: [1_000, 2_000, 5_000, 10_000, 30_000], healthyAfterMs: 60_000, maxRestarts: 10 };

/**
 * Long-running processes (web server, worker). A child started with a restart policy that dies on its
 * own is started again after a pause, with a log line; onUnexpectedExit fires once when a child without
 * a policy dies, or when one keeps dying past its policy's limit.
 */
export class Supervisor {
  private children = new Map<string, ChildProcess>();
  private timers = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor(private onUnexpectedExit: (name: string, code: number | null, signal: NodeJS.Signals | null) => void) {}

  /** The running child of that name, if any (tests kill it to watch the restart). */
  child(name: string): ChildProcess | undefined {
    return this.children.get(name);
  }

  start(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, restart?: RestartPolicy, attempt = 0) {
    // stdio is inherited: the web server and the worker prefix their own lines ([web], [worker]).
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
    const prefix = `[${name}] `;
    const startedAt = Date.now();
    child.once("error", (e) => {
      console.error(`${prefix}failed to start: ${e.message}`);
    });
    child.once("exit", (code, signal) => {
      this.children.delete(name);
      if (this.stopping) return;
      const inARow = Date.now() - startedAt >= (restart?.healthyAfterMs ?? Infinity) ? 0 : attempt;
      if (!restart || inARow >= restart.maxRestarts) {
        this.onUnexpectedExit(name, code, signal);
        return;
      }
      const pause = restart.backoffMs[Math.min(inARow, restart.backoffMs.length - 1)];
      console.error(
        `[handoff] ${name} exited unexpectedly (${signal ?? `code ${code}`}); restarting it in ${pause / 1000} s (restart ${inARow + 1} of at most ${restart.maxRestarts} in a row)`,
      );
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (!this.stopping) this.start(name, cmd, args, env, restart, inARow + 1);
      }, pause);
      this.timers.add(timer);
    });
    this.children.set(name, child);
    return child;
  }

  /** SIGTERM every child, SIGKILL after `graceMs`; resolves when all have exited. */
  async stopAll(graceMs = 10_000) {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    const waits = [...this.children.entries()].map(
      ([name, child]) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const t = setTimeout(() => {
            console.error(`[${name}] did not stop within ${graceMs / 1000} s; killing it`);
            child.kill("SIGKILL");
          }, graceMs);
          child.once("exit", () => (clearTimeout(t), resolve()));
          child.kill("SIGTERM");
        }),
    );
    await Promise.all(waits);
  }
}

/** Run `cleanup` once on SIGINT/SIGTERM/SIGHUP, then exit with 130/143. */
export function onSignals(cleanup: (sig: NodeJS.Signals) => Promise<void>) {
  let busy = false;
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(sig, () => {
      if (busy) return; // a second Ctrl-C while stopping is ignored: let the cleanup finish
      busy = true;
      console.log(`\n[handoff] ${sig}: stopping…`);
      cleanup(sig).finally(() => process.exit(sig === "SIGINT" ? 130 : 143));
    });
  }
}
