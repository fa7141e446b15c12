// `npm test`: typecheck → lint → unit/integration tests (vitest) → end-to-end tests (Playwright, Chromium).
//
// Tests run against the test profile of scripts/services.ts: database `handoff_test` (reset before
// each phase) and BullMQ prefix `handoff-test` (flushed), so the demo data of `npm start` survives;
// running services of a concurrent `npm start` are reused. Every phase runs even if an earlier one
// failed; the exit code is non-zero if anything failed, and the last line reads `N passed, N failed`.
//
//   npm test                 everything
//   npm run test:e2e [files…]  only the end-to-end phase (services, reset, seed, build, Playwright)
//   npm test -- --unit [filters…]   typecheck, lint and vitest only (filters go to vitest)
//   npm test -- --unit --skip-checks [filters…]   vitest only
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { migrate } from "./db.js";
import { build, seed } from "./lib/app.js";
import { bin, onSignals, run, signalCurrent, StepError } from "./lib/proc.js";
import { aptInstall, DATA_DIR, flushPrefix, recreateDatabase, ServiceError, startServices, type Services } from "./services.js";

const e2eOnly = process.argv.includes("--e2e-only");
const unitOnly = process.argv.includes("--unit");
// `--skip-checks` (with --unit): straight to the tests, for a quick rerun of a few files.
const skipChecks = process.argv.includes("--skip-checks");
const e2eFilters = e2eOnly ? process.argv.slice(process.argv.indexOf("--e2e-only") + 1).filter((a) => !a.startsWith("--")) : [];
const vitestFilters = unitOnly ? process.argv.slice(process.argv.indexOf("--unit") + 1).filter((a) => !a.startsWith("--")) : [];
const t0 = Date.now();
const REPORTS = path.join(DATA_DIR, "test-reports");
const SESSION_SECRET = "test-session-secret-0123456789abcdef";

interface Phase {
  name: string;
  passed: number;
  failed: number;
  note?: string;
  seconds: number;
}
const phases: Phase[] = [];
let services: Services | null = null;

onSignals(async () => {
  signalCurrent("SIGTERM");
  await services?.stop();
});

async function phase(name: string, fn: () => Promise<{ passed: number; failed: number; note?: string }>) {
  const start = Date.now();
  console.log(`\n[test] ── ${name} ──`);
  let r: { passed: number; failed: number; note?: string };
  try {
    r = await fn();
  } catch (e) {
    const msg = e instanceof StepError || e instanceof ServiceError ? e.message : String((e as Error)?.stack ?? e);
    console.error(`[test] ${name}: ${msg}`);
    r = { passed: 0, failed: 1, note: msg.split("\n")[0] };
  }
  phases.push({ name, ...r, seconds: (Date.now() - start) / 1000 });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function resetTestData(s: Services) {
  await recreateDatabase(s.databaseUrl);
  await migrate(s.databaseUrl);
  await flushPrefix(s.redisUrl, s.bullmqPrefix);
}

async function main() {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });

  if (!e2eOnly && !skipChecks) {
    await phase("typecheck (tsc --noEmit)", async () => {
      const r = await run(bin("tsc"), ["--noEmit"]);
      // Counted as one failure when it fails; a clean typecheck adds no "passed" test.
      return r.code === 0 ? { passed: 0, failed: 0 } : { passed: 0, failed: 1, note: "type errors" };
    });
    await phase("lint (eslint: layers, cycles, hooks; prettier)", async () => {
      const lint = await run(bin("eslint"), ["--max-warnings", "0", "."]);
      const format = await run(bin("prettier"), ["--check", "--log-level", "warn", "."]);
      const problems = [lint.code ? "lint errors" : "", format.code ? "unformatted files (npm run format)" : ""].filter(Boolean);
      return { passed: 0, failed: problems.length, note: problems.length ? `${problems.join(", ")} (npm run lint)` : undefined };
    });
  }

  try {
    services = await startServices({ profile: "test" });
  } catch (e) {
    console.error(`[test] services: ${e instanceof ServiceError ? e.message : String(e)}`);
    phases.push({ name: "services", passed: 0, failed: 1, note: String((e as Error).message ?? e), seconds: 0 });
    return;
  }
  const s = services;
  const env: NodeJS.ProcessEnv = { ...process.env, ...s.env, SESSION_SECRET, NODE_ENV: "test" };

  if (!e2eOnly) {
    await phase("unit and integration tests (vitest)", async () => {
      await resetTestData(s);
      const out = path.join(REPORTS, "vitest.json");
      const r = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...vitestFilters], { env });
      const j = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; success: boolean }>(out);
      if (!j) return { passed: 0, failed: 1, note: `vitest exited ${r.code} without a report` };
      // A file that fails to load counts no tests but fails the run.
      const extra = r.code !== 0 && j.numFailedTests === 0 ? 1 : 0;
      return { passed: j.numPassedTests, failed: j.numFailedTests + extra, note: extra ? `vitest exited ${r.code}` : undefined };
    });
  }

  if (unitOnly) return;
  await phase("end-to-end tests (Playwright, Chromium)", async () => {
    const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
    if (!existsSync(chromium)) aptInstall("chromium", "chromium", "or set CHROMIUM_PATH");
    await resetTestData(s);
    // The e2e tests plan the demo week themselves, so the seed must not queue the demo plan.
    await seed({ ...env, HANDOFF_DEMO_PLAN: "0" });
    await build(env);
    const out = path.join(REPORTS, "playwright.json");
    const r = await run(bin("playwright"), ["test", ...e2eFilters], {
      env: { ...env, NODE_ENV: "production", PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: out },
    });
    const j = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(out);
    if (!j) return { passed: 0, failed: 1, note: `playwright exited ${r.code} without a report` };
    const extra = r.code !== 0 && j.stats.unexpected === 0 ? 1 : 0;
    return { passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected + extra, note: extra ? `playwright exited ${r.code}` : undefined };
  });
}

main()
  .catch((e) => {
    console.error(e);
    phases.push({ name: "test runner", passed: 0, failed: 1, seconds: 0 });
  })
  .finally(async () => {
    await services?.stop().catch(() => {});
    const passed = phases.reduce((n, p) => n + p.passed, 0);
    const failed = phases.reduce((n, p) => n + p.failed, 0);
    console.log("\n[test] summary");
    for (const p of phases) {
      const counts = p.passed || p.failed ? `: ${p.passed} passed, ${p.failed} failed` : "";
      console.log(`  ${p.failed ? "FAIL" : "ok  "}  ${p.name}${counts} (${p.seconds.toFixed(1)} s)${p.note ? ` — ${p.note}` : ""}`);
    }
    console.log(`  total time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 || phases.length === 0 ? 1 : 0);
  });
