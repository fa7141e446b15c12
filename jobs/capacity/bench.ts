// `npm run bench -- capacity`: cost vs HiGHS's proven bound, seconds and the spreadsheet method on seeded plans and the example; long-range demand accuracy.
//
// Each case runs in its own process so that peak memory belongs to that case alone. "gap" is
// (cost − bound) / cost: the plan is within that share of the optimum (0 when proven optimal).
// Every plan is re-checked by the independent checker (check.ts): head counts, each week's split
// re-solved, cost recomputed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkCapacity } from "./check";
import { bankWeeklyAccuracy } from "./demand-bench";
import { generatePlan } from "./generate";
import { parsePlan, type Plan } from "./model";
import { compile, planFor, solveCapacity } from "./solve";
import { spreadsheetHires } from "./spreadsheet";

interface Case {
  name: string;
  queues?: number;
  weeks?: number;
  seed?: number;
  file?: string;
  seconds: number;
  highsOptions?: Record<string, number>;
}

interface Outcome extends Case {
  cost: number;
  bound: number;
  status: string;
  hires: number;
  elapsed: number;
  cpu: number;
  sheet: number;
  sheetHires: number;
  problems: number;
  sheetProblems: number;
  peakMb: number;
  rows: number;
  cols: number;
  ints: number;
}

function sharedData(name: string): string | undefined {
  for (let dir = resolve("."); ; dir = dirname(dir)) {
    const path = join(dir, "..", "shared", "data", name);
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) return undefined;
  }
}

const example = sharedData("capacity-example.json");
const cases: Case[] = [
  ...(example ? [{ name: "example 7×26", file: example, seconds: 30 }] : []),
  { name: "7×26 s1", queues: 7, weeks: 26, seed: 1, seconds: 10 },
  { name: "7×26 s1", queues: 7, weeks: 26, seed: 1, seconds: 30 },
  { name: "7×26 s2", queues: 7, weeks: 26, seed: 2, seconds: 10 },
  { name: "7×26 s2", queues: 7, weeks: 26, seed: 2, seconds: 30 },
  { name: "10×52 s1", queues: 10, weeks: 52, seed: 1, seconds: 30 },
  { name: "10×52 s2", queues: 10, weeks: 52, seed: 2, seconds: 30 },
];

async function runCase(c: Case): Promise<Outcome> {
  const plan: Plan = c.file ? parsePlan(JSON.parse(readFileSync(c.file, "utf8"))) : generatePlan({ queues: c.queues!, weeks: c.weeks!, seed: c.seed! });
  const compiled = compile(plan);
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const result = await solveCapacity(plan, { timeLimitSeconds: c.seconds, highsOptions: c.highsOptions });
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0).user / 1e6;
  const sheet = await planFor(plan, spreadsheetHires(plan));
  return {
    ...c,
    cost: result.summary.totalCost,
    bound: result.summary.lowerBoundCost,
    status: result.summary.status,
    hires: result.summary.hires,
    elapsed,
    cpu,
    sheet: sheet.summary.totalCost,
    sheetHires: sheet.summary.hires,
    problems: (await checkCapacity(plan, result)).problems.length,
    sheetProblems: (await checkCapacity(plan, sheet)).problems.length,
    peakMb: process.resourceUsage().maxRSS / 1024,
    rows: compiled.model.numRows,
    cols: compiled.model.numCols,
    ints: compiled.model.integer.filter(Boolean).length,
  };
}

const money = (v: number) => Math.round(v).toLocaleString("en-US");

async function main() {
  const [arg] = process.argv.slice(2);
  if (arg) {
    process.stdout.write(JSON.stringify(await runCase(JSON.parse(arg) as Case)) + "\n");
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  console.log(`capacity: 3 cohorts, 3 bands, ~20 groups, ~25 profiles; targets: gap ≤ 0.5 % in < 30 s (26 weeks < 10 s), 0 check problems`);
  console.log(
    `figures taken on 2 cores shared with other engineers' work (load average at start: ${load}); seconds are wall time, cpu is this process's user time`,
  );
  console.log(
    "case           limit          cost         bound    gap %  status       hires  seconds    cpu   spreadsheet  sheet/opt  check  peak MB  rows×cols (int)",
  );
  for (const c of cases) {
    const child = spawnSync(process.execPath, ["--import", "tsx", self, JSON.stringify(c)], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (child.status !== 0) {
      console.log(`${c.name}: failed\n${child.stderr}`);
      process.exitCode = 1;
      continue;
    }
    const o = JSON.parse(child.stdout.trim().split("\n").pop()!) as Outcome;
    const gap = o.cost > 0 ? (100 * (o.cost - o.bound)) / o.cost : 0;
    console.log(
      [
        o.name.padEnd(14),
        `${o.seconds}s`.padStart(5),
        money(o.cost).padStart(13),
        money(o.bound).padStart(13),
        gap.toFixed(3).padStart(8),
        o.status.padEnd(11),
        String(o.hires).padStart(6),
        o.elapsed.toFixed(1).padStart(8),
        o.cpu.toFixed(1).padStart(6),
        money(o.sheet).padStart(13),
        (o.sheet / o.cost).toFixed(3).padStart(10),
        `${o.problems}/${o.sheetProblems}`.padStart(6),
        o.peakMb.toFixed(0).padStart(8),
        `  ${o.rows}×${o.cols} (${o.ints})`,
      ].join(" "),
    );
    if (o.problems > 0 || gap > 0.5) process.exitCode = 1;
  }
  if (example) console.log("example: published optimum 1,270,032.6 (87 hires, proven), spreadsheet ≈ 1,764,517 (../shared/data/README.md)");

  const bank = sharedData("bank_calls.csv");
  if (bank) {
    const r = bankWeeklyAccuracy(readFileSync(bank, "utf8"));
    console.log(`\nlong-range demand, bank_calls weekly offered volume (train ${r.trainWeeks} weeks, test ${r.testWeeks}):`);
    console.log(`  wMAPE ${(100 * r.wmape).toFixed(2)} %   last 4 weeks' mean ${(100 * r.naiveWmape).toFixed(2)} %   (${r.seconds.toFixed(2)} s)`);
  } else console.log("\nlong-range demand: ../shared/data/bank_calls.csv not found, skipped");
}

await main();
