// `npm run bench:web`: the production build under load, on loopback only. Its own database
// (`handoff_bench`, rebuilt each run unless --reuse) gets the demo company with the large seed — 50,000
// applicants, 2,000 agents — and the demo plan for 8 weeks (a forecast, 8 weeks scheduled and
// published). Then per page, each connection signed in as one of up to --users people of the page's
// role: one client on a miss (a new URL each time) and on a hit, with the CPU the web processes,
// PostgreSQL and the load generator spent per request; then N concurrent clients in a closed loop for a
// bounded time, without and with a writer once a second, with the latencies' p50 / p95 / p99, the
// throughput, the response cache's hit ratio and the load average. The load generator is autocannon in
// its own process (scripts/lib/load-generator.ts). Target (issue "Prove it holds"): p95 < 150 ms at 50.
//
//   npm run bench:web [-- --connections 50 --seconds 15 --applicants 50000 --agents 2000 --weeks 8 --users 50]
//   npm run bench:web -- --reuse [--no-build] [--pages schedule,shifts] [--no-writer] [--no-cache]
//   npm run bench:web -- --reuse --web-concurrency 1 --cpu-prof /tmp/prof   (a CPU profile of the web server)
//   npm run bench:web -- --reuse --hold   (keep the app running on the seeded database, to look at it)
import { execFile } from "node:child_process";
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
    users: { type: "string", default: "50" },
    "no-writer": { type: "boolean", default: false },
    "no-cache": { type: "boolean", default: false },
    hold: { type: "boolean", default: false },
  },
});
const CONNECTIONS = Number(values.connections);
const SECONDS = Number(values.seconds);
const USERS = Number(values.users);
const PORT = Number(values.port);
const BASE = `http://127.0.0.1:${PORT}`;

const services = await startServices({ profile: "bench" });
const sup = new Supervisor((name, code) => console.error(`[bench] ${name} exited (${code}); the figures after this are not valid`));
onSignals(async () => {
  await sup.stopAll();
  await services.stop();
});

/** A session cookie for one user (demo passwords: the role's demo login, else the seed's default). */
async function signIn(email: string): Promise<string> {
  const password = DEMO_LOGINS.find((l) => l.email === email)?.password ?? "handoff-demo";
  const res = await fetch(`${BASE}/login`, { method: "POST", redirect: "manual", body: new URLSearchParams({ email, password }) });
  const cookie = res.headers.get("set-cookie");
  if (res.status !== 302 || !cookie) throw new Error(`${email} could not sign in (${res.status})`);
  return cookie.split(";")[0];
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
    RESPONSE_CACHE_DEBUG: "1",
    ...(values["no-cache"] ? { RESPONSE_CACHE_MB: "0" } : {}),
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
  // Several users per role where the seed has them (each connection signs in as one, round robin): every
  // agent has their own "my shifts", so the response cache cannot answer them all from one entry.
  const db2 = new pg.Pool({ connectionString: services.databaseUrl, max: 2 });
  const usersOf = async (role: string, sql: string) => {
    const emails = (await db2.query<{ email: string }>(sql, [role, USERS])).rows.map((r) => r.email);
    const cookies: string[] = [];
    for (const email of emails) cookies.push(await signIn(email));
    if (!cookies.length) throw new Error(`no ${role} could sign in`);
    return cookies;
  };
  const ACTIVE_USERS = `SELECT email FROM "User" WHERE role = $1::"Role" AND "deactivatedAt" IS NULL ORDER BY email LIMIT $2`;
  const cookies = {
    RECRUITER: await usersOf("RECRUITER", ACTIVE_USERS),
    MANAGER: await usersOf("MANAGER", ACTIVE_USERS),
    // Agents who have published shifts ahead, so their page shows some.
    AGENT: await usersOf(
      "AGENT",
      `SELECT u.email FROM "User" u JOIN "Agent" a ON a."userId" = u.id WHERE u.role = $1::"Role" AND u."deactivatedAt" IS NULL AND a.active
          AND EXISTS (SELECT 1 FROM "PublishedShift" p WHERE p."agentId" = a.id AND p.start > now()) ORDER BY u.email LIMIT $2`,
    ),
  };
  // The writer of the "with a writer" runs: a recruiter moves an applicant between two stages of the
  // kanban's opening once a second, through the app (a form post, as the board sends it); and for the
  // planning pages a statement on a table they read that changes nothing but still tells every process
  // that the table changed (the trigger fires per statement), so their next request is a miss.
  const stages = (
    await db2.query<{ id: string }>(`SELECT id FROM "Stage" WHERE "openingId" = $1 AND kind = 'ACTIVE' ORDER BY position LIMIT 2`, [opening.id])
  ).rows.map((r) => r.id);
  const moving = (
    await db2.query<{ id: string; stageId: string }>(
      `SELECT id, "stageId" FROM "Application" WHERE "openingId" = $1 AND "stageId" = ANY($2) ORDER BY "createdAt" LIMIT 1`,
      [opening.id, stages],
    )
  ).rows[0];
  let writes = 0;
  function startWriter(tables: string[]): () => Promise<void> {
    let stop = false;
    let at = moving?.stageId;
    const done = (async () => {
      while (!stop) {
        const next = new Promise((r) => setTimeout(r, 1000));
        if (moving && stages.length === 2) {
          at = at === stages[0] ? stages[1] : stages[0];
          const res = await fetch(`${BASE}/recruiting/openings/${opening.id}`, {
            method: "POST",
            headers: { cookie: cookies.RECRUITER[0], "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ intent: "move", applicationId: moving.id, stageId: at }),
            redirect: "manual",
          });
          await res.arrayBuffer();
          if (res.status >= 400) console.error(`[bench] the writer's move answered ${res.status}`);
        }
        for (const table of tables) await db2.query(`UPDATE "${table}" SET id = id WHERE false`);
        writes++;
        await next;
      }
    })();
    return async () => {
      stop = true;
      await done;
    };
  }

  const allPages: { label: string; role: keyof typeof cookies; path: string; touches: string[] }[] = [
    { label: "pipeline list", role: "RECRUITER", path: "/recruiting/applicants", touches: [] },
    { label: "kanban", role: "RECRUITER", path: `/recruiting/openings/${opening.id}`, touches: [] },
    { label: "manager's dashboard", role: "MANAGER", path: "/planning", touches: ["Schedule"] },
    { label: "schedule page", role: "MANAGER", path: "/planning/schedule", touches: ["Shift"] },
    { label: "my shifts", role: "AGENT", path: "/shifts", touches: ["PublishedShift"] },
  ];
  const pages = allPages.filter(({ label, path }) => !values.pages || values.pages.split(",").some((p) => label.includes(p) || path.includes(p)));
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
  const webCpu = () => cpuMs(webPid ? [webPid, ...childrenOf(webPid)] : []);
  const pgCpu = () => cpuMs(postgresProcesses(pgPids));
  const generator = path.join(ROOT, "scripts", "lib", "load-generator.ts");

  /** One run of the load generator (its own process), with the CPU the web processes and PostgreSQL spent meanwhile. */
  async function load(page: (typeof pages)[number], connections: number, seconds: number, unique = false) {
    const before = [webCpu(), pgCpu()];
    const [node, args] = tsNode(generator);
    const job = { url: BASE, path: page.path, cookies: cookies[page.role], connections, seconds, unique };
    const out = await new Promise<string>((resolve, reject) => {
      execFile(node, [...args, JSON.stringify(job)], { cwd: ROOT, maxBuffer: 1 << 20 }, (error, stdout, stderr) =>
        error ? reject(new Error(`the load generator failed: ${stderr || error.message}`)) : resolve(stdout),
      );
    });
    const r = JSON.parse(out.trim().split("\n").pop()!) as {
      requests: number;
      errors: number;
      rps: number;
      p50: number;
      p95: number;
      p99: number;
      cache: { hit: number; miss: number; other: number };
      cpuMs: number;
      kb: number;
    };
    const n = Math.max(1, r.requests + r.errors);
    return { ...r, web: (webCpu() - before[0]) / n, pg: (pgCpu() - before[1]) / n, gen: r.cpuMs / n, load: loadavg()[0] };
  }
  const f = (v: number, d = 1, w = 8) => v.toFixed(d).padStart(w);
  const hitRatio = (c: { hit: number; miss: number; other: number }) => {
    const all = c.hit + c.miss + c.other;
    return all ? `${((100 * c.hit) / all).toFixed(0)} %` : "—";
  };

  console.log(`\n== users signed in: ${cookies.RECRUITER.length} recruiters, ${cookies.MANAGER.length} managers, ${cookies.AGENT.length} agents`);
  // Warm-up (not reported): every web process compiles its hot code on its first requests.
  for (const page of pages) await load(page, 4, 3, true);
  console.log(
    `\n== one client, 5 s each: CPU per request on a miss (a new URL each time) and on a hit (load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")})`,
  );
  console.log("page                  answer   requests   p50 ms   p95 ms   web CPU ms/req   PostgreSQL ms/req   generator ms/req   hits    KB");
  for (const page of pages)
    for (const unique of [true, false]) {
      const r = await load(page, 1, 5, unique);
      console.log(
        `${page.label.padEnd(20)}  ${(unique ? "miss" : "hit").padEnd(6)} ${String(r.requests).padStart(9)} ${f(r.p50)} ${f(r.p95)} ${f(r.web, 1, 16)} ${f(r.pg, 1, 19)} ${f(r.gen, 1, 18)}   ${hitRatio(r.cache).padStart(5)} ${f(r.kb, 0, 5)}`,
      );
    }
  console.log(
    `\n== bench:web — ${counts.applicants} applicants, ${counts.agents} agents, ${counts.shifts} shifts; ${CONNECTIONS} connections, ${SECONDS} s per run, loopback`,
  );
  console.log("page                  writer   requests  errors    req/s   p50 ms   p95 ms   p99 ms   hits   web ms/req   PG ms/req   gen ms/req   load avg");
  for (const page of pages)
    for (const withWriter of values["no-writer"] ? [false] : [false, true]) {
      // Every user's page once first (not reported): the figures are for the steady state, not the first view.
      if (!withWriter) await load(page, CONNECTIONS, 2);
      const stopWriter = withWriter ? startWriter(page.touches) : null;
      const r = await load(page, CONNECTIONS, SECONDS);
      await stopWriter?.();
      console.log(
        `${page.label.padEnd(20)}  ${(withWriter ? "1/s" : "none").padEnd(6)} ${String(r.requests).padStart(9)} ${String(r.errors).padStart(7)} ${f(r.rps)} ${f(r.p50, 0)} ${f(r.p95, 0)} ${f(r.p99, 0)} ${hitRatio(r.cache).padStart(6)} ${f(r.web, 2, 12)} ${f(r.pg, 2, 11)} ${f(r.gen, 2, 12)} ${f(r.load, 2, 10)}`,
      );
    }
  if (writes) console.log(`(the writer made ${writes} changes)`);
  await db2.end();
} finally {
  await sup.stopAll();
  await services.stop();
}
