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

/** Long-running processes (web server, worker): if one dies, onExit fires once with its name and code. */
export class Supervisor {
  private children = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(private onUnexpectedExit: (name: string, code: number | null, signal: NodeJS.Signals | null) => void) {}

  start(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv) {
    // stdio is inherited: the web server and the worker prefix their own lines ([web], [worker]).
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
    const prefix = `[${name}] `;
    child.once("error", (e) => {
      console.error(`${prefix}failed to start: ${e.message}`);
    });
    child.once("exit", (code, signal) => {
      this.children.delete(name);
      if (!this.stopping) this.onUnexpectedExit(name, code, signal);
    });
    this.children.set(name, child);
    return child;
  }

  /** SIGTERM every child, SIGKILL after `graceMs`; resolves when all have exited. */
  async stopAll(graceMs = 10_000) {
    this.stopping = true;
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
