// `npm run bench`: runs each planning benchmark in its own process, in order, and fails if one fails.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const suites = ["jobs/forecast/bench.ts", "jobs/schedule/bench.ts", "jobs/capacity/bench.ts"];
// `npm run bench -- schedule --only=varied`: words pick suites; `--flags` go to every suite run.
const only = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const flags = process.argv.slice(2).filter((a) => a.startsWith("--"));
let failed = 0;
for (const suite of suites) {
  if (only.length && !only.some((o) => suite.includes(o))) continue;
  if (!existsSync(suite)) {
    console.log(`\n== ${suite}: not present, skipped`);
    continue;
  }
  console.log(`\n== ${suite}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", suite, ...flags], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
