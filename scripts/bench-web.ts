// `npm run bench:web`: the production build under load, on loopback only. Its own database
// (`handoff_bench`, rebuilt each run unless --reuse) gets the demo company with the large seed — 50,000
// applicants, 2,000 agents — and the demo plan for 8 weeks (a forecast, 8 weeks scheduled and
// published); then, per page and signed in as the person who uses it, one client (the CPU cost of a
// request) and then N concurrent clients request it in a closed loop for a bounded time and count, and
// the latencies' p50 / p95 / p99 and throughput are printed with the load average.
// Target (issue "Prove it holds"): p95 < 150 ms at 50.
//
//   npm run bench:web [-- --connections 50 --seconds 15 --applicants 50000 --agents 2000 --weeks 8]
//   npm run bench:web -- --reuse [--no-build] [--pages schedule,shifts]   (keep the seeded database)
//   npm run bench:web -- --reuse --web-concurrency 1 --cpu-prof /tmp/prof   (a CPU profile of the web server)
//   npm run bench:web -- --reuse --hold   (keep the app running on the seeded database, to look at it)
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { migrate } from "./db.js";
import path from "node:path";
import { build, seed, startWebAndWorker, tsNode, waitForHealth } from "./lib/app.js";
import { onSignals, Supervisor } from "./lib/proc.js";
import { flushPrefix, recreateDatabase, ROOT, startServices } from "./services.js";
import { DEMO_LOGINS } from "../prisma/demo-logins.js";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "50" },
    seconds: { type: "string", default: "15" },
    applicants: { type: "string", default: "50000" },
    agents: { type: "string", default: "2000" },
    weeks: { type: "string", default: "8" },
    port: { type: "string", default: "3900" },
    reuse: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    pages: { type: "string" },
    "web-concurrency": { type: "string", default: "2" },
    "cpu-prof": { type: "string" },
    hold: { type: "boolean", default: false },
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
async function load(path: string, cookie: string, connections = CONNECTIONS, seconds = SECONDS) {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
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
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

const WEEKS = Number(values.weeks);

/** User + system CPU of processes, in ms, from /proc (0 for a process that is gone). */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks * 10;
}

/** The children of a process (the cluster's web processes). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** PostgreSQL's postmaster and its backends now (connections come and go). */
function postgresProcesses(postmasters: number[]): number[] {
  return postmasters.flatMap((p) => [p, ...childrenOf(p)]);
}
try {
  let db = new pg.Pool({ connectionString: services.databaseUrl, max: 1 });
  const published = async () => Number((await db.query(`SELECT count(*) FROM "Schedule" WHERE status = 'PUBLISHED'`)).rows[0].count);
  // --reuse keeps a database the seed filled before (the seed is idempotent and finishes an unfinished plan).
  const reuse = values.reuse && Number((await db.query(`SELECT count(*) FROM "Applicant"`).catch(() => ({ rows: [{ count: 0 }] }))).rows[0].count) > 0;
  await db.end();
  db = new pg.Pool({ connectionString: services.databaseUrl, max: 1 });
  if (!reuse) {
    await recreateDatabase(services.databaseUrl);
    await flushPrefix(services.redisUrl, services.bullmqPrefix);
  }
  await migrate(services.databaseUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...services.env,
    NODE_ENV: "production",
    PORT: String(PORT),
    SESSION_SECRET: "bench-session-secret-0123456789abcdef",
    SEED_APPLICANTS: values.applicants,
    SEED_AGENTS: values.agents,
    SEED_PLAN_WEEKS: values.weeks,
    HANDOFF_DEMO_PLAN: "1",
    SCHEDULE_TIME_LIMIT_SECONDS: "10",
    WEB_CONCURRENCY: values["web-concurrency"],
  };
  await seed(env);
  if (!values["no-build"]) await build(env);
  // --cpu-prof DIR: the web server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools).
  if (values["cpu-prof"]) {
    const [node, args] = tsNode(path.join(ROOT, "scripts", "server.ts"));
    sup.start("web", node, [`--cpu-prof`, `--cpu-prof-dir=${values["cpu-prof"]}`, ...args], { ...env, WEB_CONCURRENCY: "1" });
    sup.start("worker", ...tsNode(path.join(ROOT, "jobs", "worker.ts")), env);
  } else startWebAndWorker(sup, env);
  if (!(await waitForHealth(PORT, 90_000))) throw new Error("the web server did not come up");

  // The demo plan (forecast, then the weeks scheduled and published) runs on the worker: wait for it.
  const deadline = Date.now() + 30 * 60_000;
  for (let last = -1; ;) {
    const n = await published();
    if (n >= WEEKS) break;
    if (n !== last) console.log(`[bench] ${n} of ${WEEKS} weeks published`);
    last = n;
    if (Date.now() > deadline) throw new Error(`the demo plan did not publish ${WEEKS} weeks within 30 minutes`);
    await new Promise((r) => setTimeout(r, 2000));
  }
  const opening = (await db.query(`SELECT id FROM "Opening" WHERE status = 'OPEN' ORDER BY "createdAt" LIMIT 1`)).rows[0];
  const counts = (
    await db.query(
      `SELECT (SELECT count(*) FROM "Applicant") AS applicants, (SELECT count(*) FROM "Agent") AS agents, (SELECT count(*) FROM "Shift") AS shifts`,
    )
  ).rows[0];
  await db.end();

  if (values.hold) {
    console.log(`[bench] holding: the app runs on ${BASE} until this process is stopped`);
    await new Promise(() => {});
  }
  const cookies = { RECRUITER: await signIn("RECRUITER"), MANAGER: await signIn("MANAGER"), AGENT: await signIn("AGENT") };
  const allPages: [string, keyof typeof cookies, string][] = [
    ["pipeline list", "RECRUITER", "/recruiting/applicants"],
    ["kanban", "RECRUITER", `/recruiting/openings/${opening.id}`],
    ["manager's dashboard", "MANAGER", "/planning"],
    ["schedule page", "MANAGER", "/planning/schedule"],
    ["my shifts", "AGENT", "/shifts"],
  ];
  const pages = allPages.filter(([label, , path]) => !values.pages || values.pages.split(",").some((p) => label.includes(p) || path.includes(p)));
  console.log(
    `\n== one client, 5 s per page (CPU cost of one request; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")})`,
  );
  // Warm-up (not reported): every web process compiles its hot code on its first requests.
  for (const [, role, path_] of pages) await load(path_, cookies[role], 4, 3);
  // CPU per request: what the web processes (and PostgreSQL) spent, from /proc — unlike latency, hardly
  // changed by other work on a shared machine.
  const webPid = sup.child("web")?.pid;
  const pgPids = readdirSync("/proc")
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, "utf8").includes(path.join(ROOT, ".data", "postgres"));
      } catch {
        return false;
      }
    })
    .map(Number);
  console.log("page                  requests   p50 ms   p95 ms   web CPU ms/req   PostgreSQL CPU ms/req");
  for (const [label, role, path_] of pages) {
    const before = [cpuMs(webPid ? [webPid, ...childrenOf(webPid)] : []), cpuMs(postgresProcesses(pgPids))];
    const r = await load(path_, cookies[role], 1, 5);
    const after = [cpuMs(webPid ? [webPid, ...childrenOf(webPid)] : []), cpuMs(postgresProcesses(pgPids))];
    const per = (i: number) => ((after[i] - before[i]) / Math.max(1, r.requests)).toFixed(1);
    console.log(
      `${label.padEnd(20)} ${String(r.requests).padStart(9)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${per(0).padStart(16)} ${per(1).padStart(23)}`,
    );
  }
  console.log(
    `\n== bench:web — ${counts.applicants} applicants, ${counts.agents} agents, ${counts.shifts} shifts; ${CONNECTIONS} connections, ${SECONDS} s per page, loopback`,
  );
  console.log("page                  requests  errors   req/s    p50 ms   p95 ms   p99 ms   load avg   web CPU ms/req");
  for (const [label, role, path_] of pages) {
    const before = cpuMs(webPid ? [webPid, ...childrenOf(webPid)] : []);
    const r = await load(path_, cookies[role]);
    const cpu = (cpuMs(webPid ? [webPid, ...childrenOf(webPid)] : []) - before) / Math.max(1, r.requests + r.errors);
    console.log(
      `${label.padEnd(20)} ${String(r.requests).padStart(9)} ${String(r.errors).padStart(7)} ${r.rps.toFixed(1).padStart(7)} ${r.p50.toFixed(0).padStart(9)} ${r.p95.toFixed(0).padStart(8)} ${r.p99.toFixed(0).padStart(8)}   ${loadavg()[0].toFixed(2).padStart(8)}   ${cpu.toFixed(1).padStart(14)}`,
    );
  }
} finally {
  await sup.stopAll();
  await services.stop();
}
