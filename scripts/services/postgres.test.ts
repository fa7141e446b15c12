// A data directory written by another PostgreSQL major version is moved aside, never deleted (decision 070).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { retireIncompatibleCluster } from "./postgres.js";

const root = mkdtempSync(path.join(os.tmpdir(), "handoff-retire-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function cluster(name: string, version: string) {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, "base"), { recursive: true });
  writeFileSync(path.join(dir, "PG_VERSION"), `${version}\n`);
  writeFileSync(path.join(dir, "base", "data"), "rows");
  return dir;
}

describe("retireIncompatibleCluster", () => {
  it("moves a cluster of another major version to a named directory with its files", () => {
    const dir = cluster("postgres", "18");
    const moved = retireIncompatibleCluster(dir, 15, new Date("2026-12-03T10:20:30Z"));
    expect(moved).toBe(`${dir}-pg18-20261203102030`);
    expect(existsSync(dir)).toBe(false);
    expect(readFileSync(path.join(moved!, "base", "data"), "utf8")).toBe("rows");
  });

  it("leaves a cluster of the same version, and a missing one, alone", () => {
    const dir = cluster("same", "15");
    expect(retireIncompatibleCluster(dir, 15)).toBeNull();
    expect(existsSync(path.join(dir, "base", "data"))).toBe(true);
    expect(retireIncompatibleCluster(path.join(root, "absent"), 15)).toBeNull();
  });
});
