// `npm run bench:web`: the production build under load, on loopback only. Its own database
// (`handoff_bench`, rebuilt each run) gets the demo company with the large recruiting seed and the demo
// plan (a forecast and two published weeks); then, per page and signed in as the person who uses it,
// N concurrent clients request it in a closed loop for a bounded time and count, and the latencies'
// p50 / p95 / p99 and throughput are printed. Target (issue "Prove it holds"): p95 < 150 ms at 50.
//
//   npm run bench:web [-- --connections 50 --seconds 15 --applicants 50000]
import { parseArgs } from "node:util";
import pg from "pg";
import { migrate } from "./db.js";
import { build, seed, startWebAndWorker, waitForHealth } from "./lib/app.js";
import { onSignals, Supervisor } from "./lib/proc.js";
import { flushPrefix, recreateDatabase, startServices } from "./services.js";
import { DEMO_LOGINS } from "../prisma/demo-logins.js";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "50" },
    seconds: { type: "string", default: "15" },
    applicants: { type: "string", default: "50000" },
    port: { type: "string", default: "3900" },
  },
});
const CONNECTIONS = Number(values.connections);
const SECONDS = Number(values.seconds);
const MAX_REQUESTS = 50_000;
const PORT = Number(values.port);
const BASE = `http://127.0.0.1:${PORT}`;

const services = await startServices({ profile: "bench" });
const sup = new Supervisor((name, code) => console.error(`[bench] ${name} exited (${code}); the figures after this are not valid`));
onSignals(async () => {
  await sup.stopAll();
  await services.stop();
});

async function signIn(role: string): Promise<string> {
  const login = DEMO_LOGINS.find((l) => l.role === role)!;
  const res = await fetch(`${BASE}/login`, { method: "POST", redirect: "manual", body: new URLSearchParams({ email: login.email, password: login.password }) });
  const cookie = res.headers.get("set-cookie");
  if (res.status !== 302 || !cookie) throw new Error(`${role} could not sign in (${res.status})`);
  return cookie.split(";")[0];
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** A closed loop: each client sends its next request when the last one answered, until time or count runs out. */
async function load(path: string, cookie: string) {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + SECONDS * 1000;
  const client = async () => {
    while (performance.now() < until && latencies.length + errors < MAX_REQUESTS) {
      const started = performance.now();
      try {
        const res = await fetch(`${BASE}${path}`, { headers: { cookie }, redirect: "manual" });
        await res.arrayBuffer();
        if (res.status !== 200) errors++;
        else latencies.push(performance.now() - started);
      } catch {
        errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

try {
  await recreateDatabase(services.databaseUrl);
  await migrate(services.databaseUrl);
  await flushPrefix(services.redisUrl, services.bullmqPrefix);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...services.env,
    NODE_ENV: "production",
    PORT: String(PORT),
    SESSION_SECRET: "bench-session-secret-0123456789abcdef",
    SEED_APPLICANTS: values.applicants,
    HANDOFF_DEMO_PLAN: "1",
    SCHEDULE_TIME_LIMIT_SECONDS: "10",
  };
  await seed(env);
  await build(env);
  startWebAndWorker(sup, env);
  if (!(await waitForHealth(PORT, 90_000))) throw new Error("the web server did not come up");

  // The demo plan (forecast, then two weeks scheduled and published) runs on the worker: wait for it.
  const db = new pg.Pool({ connectionString: services.databaseUrl, max: 1 });
  const deadline = Date.now() + 10 * 60_000;
  while (Number((await db.query(`SELECT count(*) FROM "Schedule" WHERE status = 'PUBLISHED'`)).rows[0].count) < 2) {
    if (Date.now() > deadline) throw new Error("the demo plan did not publish two weeks within 10 minutes");
    await new Promise((r) => setTimeout(r, 2000));
  }
  const opening = (await db.query(`SELECT id FROM "Opening" WHERE status = 'OPEN' ORDER BY "createdAt" LIMIT 1`)).rows[0];
  const counts = (
    await db.query(
      `SELECT (SELECT count(*) FROM "Applicant") AS applicants, (SELECT count(*) FROM "Agent") AS agents, (SELECT count(*) FROM "Shift") AS shifts`,
    )
  ).rows[0];
  await db.end();

  const cookies = { RECRUITER: await signIn("RECRUITER"), MANAGER: await signIn("MANAGER"), AGENT: await signIn("AGENT") };
  const pages: [string, keyof typeof cookies, string][] = [
    ["pipeline list", "RECRUITER", "/recruiting/applicants"],
    ["kanban", "RECRUITER", `/recruiting/openings/${opening.id}`],
    ["manager's dashboard", "MANAGER", "/planning"],
    ["schedule page", "MANAGER", "/planning/schedule"],
    ["my shifts", "AGENT", "/shifts"],
  ];
  console.log(
    `\n== bench:web — ${counts.applicants} applicants, ${counts.agents} agents, ${counts.shifts} shifts; ${CONNECTIONS} connections, ${SECONDS} s per page, loopback`,
  );
  console.log("page                  requests  errors   req/s    p50 ms   p95 ms   p99 ms");
  for (const [label, role, path] of pages) {
    const r = await load(path, cookies[role]);
    console.log(
      `${label.padEnd(20)} ${String(r.requests).padStart(9)} ${String(r.errors).padStart(7)} ${r.rps.toFixed(1).padStart(7)} ${r.p50.toFixed(0).padStart(9)} ${r.p95.toFixed(0).padStart(8)} ${r.p99.toFixed(0).padStart(8)}`,
    );
  }
} finally {
  await sup.stopAll();
  await services.stop();
}
