// `wfm capacity` from the shell: the contract's output, exit 2 with one line naming the field, no partial file.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkCapacity } from "./check";
import { generatePlan } from "./generate";
import { parsePlan } from "./model";

const dir = mkdtempSync(join(tmpdir(), "wfm-capacity-"));

function wfm(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "jobs/cli.ts", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("wfm capacity", () => {
  it("writes the contract's output, which the checker accepts", async () => {
    const plan = generatePlan({ queues: 2, weeks: 8, seed: 3, groups: 4, profiles: 4 });
    const planPath = join(dir, "plan.json");
    const out = join(dir, "hiring.json");
    writeFileSync(planPath, JSON.stringify(plan));
    const r = wfm("capacity", "--plan", planPath, "--out", out, "--time-limit-seconds", "20");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const result = JSON.parse(readFileSync(out, "utf8"));
    expect(Object.keys(result)).toEqual(["hires", "weeks", "summary"]);
    expect(result.weeks).toHaveLength(8);
    expect(Object.keys(result.weeks[0])).toEqual(["week", "queues", "headcount"]);
    for (const key of ["hires", "hireCost", "labourCost", "shortfallHours", "shortfallCost", "totalCost", "lowerBoundCost", "seconds"])
      expect(typeof result.summary[key]).toBe("number");
    expect((await checkCapacity(parsePlan(plan), result)).problems).toEqual([]);
  });

  it("rejects a required row of the wrong length with exit 2, one line, and no output file", () => {
    const plan = generatePlan({ queues: 2, weeks: 4, seed: 3, groups: 2, profiles: 2 });
    plan.queues[1].required[2] = [1, 2];
    const planPath = join(dir, "bad.json");
    const out = join(dir, "never.json");
    writeFileSync(planPath, JSON.stringify(plan));
    const r = wfm("capacity", "--plan", planPath, "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`${planPath}: queues[1].required[2]: expected 3 numbers, got 2`);
    expect(existsSync(out)).toBe(false);
  });

  it("explains the model on --help", () => {
    const r = wfm("capacity", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/mixed-integer/);
    expect(r.stdout).toMatch(/--time-limit-seconds/);
  });
});
