// Finding a program, and installing its Debian package with apt when it is missing and we may.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { log, ServiceError } from "./common.js";

export function findOnPath(cmd: string): string | null {
  const dirs = (process.env.PATH ?? "").split(":").concat(["/usr/bin", "/usr/sbin", "/usr/local/bin"]);
  for (const d of dirs) {
    const p = path.join(d, cmd);
    try {
      if (statSync(p).isFile()) return p;
    } catch {}
  }
  return null;
}

/**
 * `installed()` when it finds what we need; otherwise install Debian package `pkg` with apt when we are
 * root on Debian and ask `installed()` again. Throws one line saying what to install when that fails.
 */
export function aptEnsure<T>(pkg: string, what: string, why: string, installed: () => T | null): T {
  const found = installed();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/etc/debian_version") && findOnPath("apt-get")) {
    log(`${what} is missing: installing Debian's ${pkg} (apt-get update && apt-get install -y ${pkg})`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const up = spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    const inst = up.status === 0 ? spawnSync("apt-get", ["install", "-y", pkg], { stdio: "inherit", env }) : up;
    const now = installed();
    if (inst.status === 0 && now) return now;
    throw new ServiceError(`apt-get install ${pkg} failed: install ${pkg} (${why}) and run again`);
  }
  throw new ServiceError(`${what} not found: install ${pkg} (e.g. \`sudo apt-get install ${pkg}\`; ${why})`);
}

/** A program on PATH, installed from Debian package `pkg` with apt when it is missing and we may. */
export function aptInstall(pkg: string, binary: string, why: string): string {
  return aptEnsure(pkg, binary, why, () => findOnPath(binary));
}
