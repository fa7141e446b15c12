// What the local services share: the one-line error, the data folder, logging, ports, waiting, and who owns a running server.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** An error whose message is the one line to show the user. */
export class ServiceError extends Error {
  override name = "ServiceError";
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DATA_DIR = path.join(ROOT, ".data");

export const log = (msg: string) => console.log(`[services] ${msg}`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function processName(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "";
  }
}

export function portOpen(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.setTimeout(1000);
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("timeout", () => (s.destroy(), resolve(false)));
    s.once("error", () => resolve(false));
  });
}

/** Ownership of a server we run: the pid of the Node process that started (or adopted) it. */
export class OwnerFile {
  constructor(private file: string) {}
  owner(): number | null {
    try {
      return Number(readFileSync(this.file, "utf8").trim()) || null;
    } catch {
      return null;
    }
  }
  /** True when another live process of ours owns the server. */
  ownedByOther(): boolean {
    const pid = this.owner();
    return pid !== null && pid !== process.pid && pidAlive(pid);
  }
  claim() {
    writeFileSync(this.file, `${process.pid}\n`);
  }
  release() {
    if (this.owner() === process.pid) rmSync(this.file, { force: true });
  }
}

export async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>, failed?: () => string | null) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    const f = failed?.();
    if (f) throw new ServiceError(f);
    await sleep(100);
  }
  throw new ServiceError(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`);
}

/** The last lines of a server's log, for the one-line error when it exits on start. */
export function logTail(file: string, lines = 15): string {
  try {
    return readFileSync(file, "utf8").trim().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}
