// `npm run bench -- schedule`: coverage vs the proven bound, time and peak memory on seeded generated weeks.
//
// Each case runs in its own process so that peak memory (max RSS) belongs to that case alone.
// "gap" is the coverage below the case's own in-run bound; "gap*" uses the best bound proven for
// that instance by any case here (the bound is a property of the instance, not of the run).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { generateInstance } from "./generate";
import { checkSchedule, solveSchedule } from "./index";

interface Case {
  agents: number;
  queues: number;
  seconds: number;
  seed: number;
}

interface Outcome extends Case {
  coverage: number;
  boundCoverage: number;
  elapsed: number;
  peakMb: number;
  violations: number;
  under: number;
  lowerBound: number;
  required: number;
}

const cases: Case[] = [
  { agents: 50, queues: 3, seconds: 5, seed: 1 },
  { agents: 300, queues: 6, seconds: 20, seed: 1 },
  { agents: 300, queues: 6, seconds: 2, seed: 1 },
  { agents: 300, queues: 6, seconds: 20, seed: 2 },
  { agents: 2000, queues: 12, seconds: 60, seed: 1 },
];

async function runCase(c: Case): Promise<Outcome> {
  const instance = generateInstance({ agents: c.agents, queues: c.queues, seed: c.seed });
  const started = performance.now();
  const { shifts, summary } = await solveSchedule(instance, { timeLimitSeconds: c.seconds, seed: 1 });
  const elapsed = (performance.now() - started) / 1000;
  const required = summary.requiredAgentIntervals;
  return {
    ...c,
    coverage: (100 * summary.coveredAgentIntervals) / required,
    boundCoverage: (100 * (required - summary.lowerBoundUnderCoverage)) / required,
    elapsed,
    peakMb: process.resourceUsage().maxRSS / 1024,
    violations: checkSchedule(instance, shifts).length,
    under: summary.underCoverage,
    lowerBound: summary.lowerBoundUnderCoverage,
    required,
  };
}

async function main() {
  const [arg] = process.argv.slice(2);
  if (arg) {
    process.stdout.write(JSON.stringify(await runCase(JSON.parse(arg) as Case)) + "\n");
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const outcomes: Outcome[] = [];
  console.log("schedule: generated weeks, 15-min intervals (672), supply ≈ demand; targets: gap ≤ 0.5 pt (≤ 1 pt at 2 s), < 1 GB, 0 violations");
  console.log("size        limit  coverage  bound   gap   gap*   under  lower   seconds  peak MB  violations");
  for (const c of cases) {
    const child = spawnSync(process.execPath, ["--import", "tsx", self, JSON.stringify(c)], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (child.status !== 0) {
      console.log(`${c.agents}×${c.queues}: failed\n${child.stderr}`);
      process.exitCode = 1;
      continue;
    }
    outcomes.push(JSON.parse(child.stdout.trim().split("\n").pop()!) as Outcome);
  }
  for (const o of outcomes) {
    const best = Math.max(...outcomes.filter((p) => p.agents === o.agents && p.queues === o.queues && p.seed === o.seed).map((p) => p.lowerBound));
    const gapBest = (100 * (o.under - best)) / o.required;
    const size = `${o.agents}×${o.queues} s${o.seed}`;
    console.log(
      [
        size.padEnd(11),
        `${o.seconds}s`.padStart(5),
        o.coverage.toFixed(2).padStart(9),
        o.boundCoverage.toFixed(2).padStart(7),
        (o.boundCoverage - o.coverage).toFixed(2).padStart(5),
        gapBest.toFixed(2).padStart(6),
        String(o.under).padStart(7),
        String(o.lowerBound).padStart(6),
        o.elapsed.toFixed(1).padStart(9),
        o.peakMb.toFixed(0).padStart(8),
        String(o.violations).padStart(11),
      ].join(" "),
    );
    if (o.violations > 0) process.exitCode = 1;
  }
}

await main();
