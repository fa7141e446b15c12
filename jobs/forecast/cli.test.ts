// The `wfm staffing` and `wfm forecast` commands from the shell: output formats, exit codes, no partial files.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "wfm-forecast-"));

function wfm(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "jobs/cli.ts", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function historyFile(name: string, extra: string[] = []): string {
  const lines = ["interval_start,queue,offered,ai_resolved,aht_seconds"];
  for (let d = 0; d < 14; d++) {
    for (let h = 8; h < 18; h++) {
      const t = new Date(Date.UTC(2026, 10, 2 + d, h)).toISOString().replace(".000Z", "Z");
      lines.push(`${t},sv-chat,${20 + h},${10 + (h % 3)},400`);
    }
  }
  const path = join(dir, name);
  writeFileSync(path, [...lines, ...extra].join("\n") + "\n");
  return path;
}

describe("wfm staffing", () => {
  it("prints the contract's JSON for the published case", () => {
    const r = wfm(
      "staffing",
      "--arrivals",
      "100",
      "--aht-seconds",
      "180",
      "--interval-minutes",
      "30",
      "--service-level",
      "0.8",
      "--answer-seconds",
      "20",
      "--max-occupancy",
      "0.85",
      "--shrinkage",
      "0.3",
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).slice(0, 7)).toEqual(["agents", "serviceLevel", "occupancy", "waitProbability", "asaSeconds", "scheduledAgents", "model"]);
    expect(out).toMatchObject({ agents: 14, scheduledAgents: 20, model: "erlang-c" });
  });

  it("answers an unknown flag with a usage line and exit 2", () => {
    const r = wfm("staffing", "--arrivals", "100", "--agents", "3");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run -s wfm -- staffing/);
  });

  it("documents Erlang A service level in --help", () => {
    const r = wfm("staffing", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/share of ALL arrivals,\s+abandoned ones included/);
  });
});

describe("wfm forecast", () => {
  it("writes the contract CSV", () => {
    const out = join(dir, "ok.csv");
    const r = wfm(
      "forecast",
      "--history",
      historyFile("ok-history.csv"),
      "--start",
      "2026-11-16T00:00:00Z",
      "--days",
      "2",
      "--out",
      out,
      "--containment",
      "sv-chat=0.7",
    );
    expect(r.code).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("interval_start,queue,offered,ai_resolved,human,human_p10,human_p90");
    expect(lines).toHaveLength(1 + 48);
    const noon = lines.find((l) => l.startsWith("2026-11-16T12:00:00Z"))!.split(",");
    expect(Number(noon[3])).toBeCloseTo(Number(noon[2]) * 0.7, 3);
  });

  it("rejects bad rows with exit 2, one line naming file, line and field, and no output file", () => {
    const cases: [string, RegExp][] = [
      ["2026-11-16T08:00:00Z,sv-chat,many,1,", /bad-0\.csv line 142 \(row 141\), field offered/],
      ["2026-11-16T08:00:00Z,sv-chat,3,4,", /bad-1\.csv line 142 \(row 141\), field ai_resolved/],
      ["16/11/2026 08:00,sv-chat,3,1,", /bad-2\.csv line 142 \(row 141\), field interval_start/],
    ];
    cases.forEach(([row, pattern], i) => {
      const out = join(dir, `bad-${i}-out.csv`);
      const r = wfm("forecast", "--history", historyFile(`bad-${i}.csv`, [row]), "--start", "2026-11-16T00:00:00Z", "--days", "1", "--out", out);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(pattern);
      expect(existsSync(out)).toBe(false);
    });
  });

  it("takes a country and a special-days file as extra optional flags", () => {
    const out = join(dir, "special.csv");
    const special = join(dir, "special-days.csv");
    writeFileSync(special, "date,kind,label,multiplier\n2026-11-17,event,Sale,2\n");
    // 2026-11-16 is a Monday; the history (2–15 November) is open every day, so no closure is inferred.
    const r = wfm(
      "forecast",
      "--history",
      historyFile("special-history.csv"),
      "--start",
      "2026-11-16T00:00:00Z",
      "--days",
      "2",
      "--out",
      out,
      "--country",
      "SE",
      "--special-days",
      special,
    );
    expect(r.code).toBe(0);
    const rows = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    const day = (d: string) => rows.filter((x) => x[0].startsWith(d)).reduce((a, x) => a + Number(x[2]), 0);
    expect(day("2026-11-17") / day("2026-11-16")).toBeGreaterThan(1.6);
    const bad = wfm(
      "forecast",
      "--history",
      historyFile("special-history.csv"),
      "--start",
      "2026-11-16T00:00:00Z",
      "--days",
      "1",
      "--out",
      out,
      "--country",
      "XX",
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--country: "XX" has no holiday calendar/);
  });
});
