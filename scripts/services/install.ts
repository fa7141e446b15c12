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

/** Install a Debian package with apt when we are root on Debian; otherwise throw one line. */
export function aptInstall(pkg: string, binary: string, why: string): string {
  const found = findOnPath(binary);
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/etc/debian_version") && findOnPath("apt-get")) {
    log(`${binary} is missing: installing Debian's ${pkg} (apt-get update && apt-get install -y ${pkg})`);
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const up = spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    const inst = up.status === 0 ? spawnSync("apt-get", ["install", "-y", pkg], { stdio: "inherit", env }) : up;
    const now = findOnPath(binary);
    if (inst.status === 0 && now) return now;
    throw new ServiceError(`apt-get install ${pkg} failed: install ${pkg} (${why}) and run again`);
  }
  throw new ServiceError(`${binary} not found: install ${pkg} (e.g. \`sudo apt-get install ${pkg}\`; ${why})`);
}
