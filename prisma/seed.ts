// Demo data: the Nordic BNPL company's staff, queues and twelve weeks of history. Idempotent: a second run adds nothing.
import { prisma } from "../app/utils/db.server";
import { hashPasswordForSeed } from "./demo/password";
import { DEMO_LOGINS } from "./demo-logins";
import { DEMO_PEOPLE } from "./demo/people";
import { DEMO_QUEUES, demoQueueData } from "./demo/queues";
import { DEMO_LEAVERS, demoRoster } from "./demo/roster";
import { generateHistory, historyEnd } from "./demo/history";
import { replaceHistory } from "../app/models/volume.server";
import { recruitingSeedSize, seedRecruiting } from "./demo/recruiting";
import { ensureRuleSet } from "../app/models/labour-rules.server";

const HISTORY_WEEKS = 12;
const DEFAULT_PASSWORD = "handoff-demo";

async function seedPeople() {
  const hashes = new Map<string, string>();
  let created = 0;
  for (const person of DEMO_PEOPLE) {
    const password = DEMO_LOGINS.find((l) => l.email === person.email)?.password ?? DEFAULT_PASSWORD;
    const existing = await prisma.user.findUnique({ where: { email: person.email }, select: { id: true } });
    if (existing) continue;
    const passwordHash = hashes.get(password) ?? (await hashPasswordForSeed(password));
    hashes.set(password, passwordHash);
    await prisma.user.create({ data: { ...person, passwordHash } });
    created++;
  }
  return created;
}

async function seedQueuesAndHistory(end: Date) {
  let rows = 0;
  for (const demo of DEMO_QUEUES) {
    const queue = await prisma.queue.upsert({
      where: { key: demo.key },
      create: demoQueueData(demo),
      update: {},
      select: { id: true, _count: { select: { history: true } } },
    });
    // A queue that already has history keeps it: the seed never overwrites what a manager uploaded.
    if (queue._count.history > 0) continue;
    const from = new Date(end.getTime() - HISTORY_WEEKS * 7 * 24 * 3600_000);
    rows += await replaceHistory(queue.id, from, end, generateHistory(demo, end, HISTORY_WEEKS));
  }
  return rows;
}

async function seedAgents(startDate: Date) {
  const queues = new Map((await prisma.queue.findMany({ select: { id: true, key: true } })).map((q) => [q.key, q.id]));
  const passwordHash = await hashPasswordForSeed(DEFAULT_PASSWORD);
  let created = 0;
  for (const agent of demoRoster(11, Number(process.env.SEED_AGENTS) || undefined)) {
    if (await prisma.user.findUnique({ where: { email: agent.email }, select: { id: true } })) continue;
    await prisma.user.create({
      data: {
        email: agent.email,
        name: agent.name,
        role: "AGENT",
        timeZone: agent.timeZone,
        passwordHash,
        agent: {
          create: {
            cohort: agent.cohort,
            timeZone: agent.timeZone,
            startDate,
            weeklyMinMinutes: agent.weeklyMinMinutes,
            weeklyMaxMinutes: agent.weeklyMaxMinutes,
            maxShiftsPerWeek: agent.maxShiftsPerWeek,
            availability: agent.availability,
            skills: { create: agent.skills.map((key) => ({ queueId: queues.get(key)! })) },
          },
        },
      },
    });
    created++;
  }
  return created;
}

/** Former agents (inactive, with a leaving date and reason), so the capacity plan measures attrition. */
async function seedLeavers(now: Date) {
  const queues = new Map((await prisma.queue.findMany({ select: { id: true, key: true } })).map((q) => [q.key, q.id]));
  // Former agents cannot sign in: their password is random and never shown.
  const passwordHash = await hashPasswordForSeed(crypto.randomUUID());
  const weeksAgo = (n: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - n * 7));
  let created = 0;
  for (const l of DEMO_LEAVERS) {
    if (await prisma.user.findUnique({ where: { email: l.email }, select: { id: true } })) continue;
    await prisma.user.create({
      data: {
        email: l.email,
        name: l.name,
        role: "AGENT",
        timeZone: l.timeZone,
        passwordHash,
        agent: {
          create: {
            cohort: l.cohort,
            timeZone: l.timeZone,
            startDate: weeksAgo(l.startedWeeksAgo),
            leftAt: weeksAgo(l.leftWeeksAgo),
            leaveReason: l.reason,
            active: false,
            weeklyMinMinutes: 600,
            weeklyMaxMinutes: 1200,
            skills: { create: l.skills.map((key) => ({ queueId: queues.get(key)! })) },
          },
        },
      },
    });
    created++;
  }
  return created;
}

/**
 * Labour rules version 1 = the rules that were constants in code, so nothing changes for the demo. Weeks
 * built before rules were versioned were built with exactly those, and are marked so.
 */
async function seedLabourRules() {
  const v1 = await ensureRuleSet();
  await prisma.schedule.updateMany({ where: { ruleSetId: null, runStatus: "SUCCEEDED" }, data: { ruleSetId: v1.id } });
}

/** The demo's two capacity scenarios: the base plan (nightly) and "Containment 75 % by spring". */
async function seedScenarios(now: Date) {
  if ((await prisma.capacityScenario.count()) > 0) return 0;
  const spring = `${now.getUTCMonth() >= 2 ? now.getUTCFullYear() + 1 : now.getUTCFullYear()}-03-01`;
  await prisma.capacityScenario.create({ data: { name: "Base plan", base: true, assumptions: {}, createdBy: "Handoff" } });
  await prisma.capacityScenario.create({
    data: { name: "Containment 75 % by spring", assumptions: { containment: { target: 0.75, byDate: spring } }, createdBy: "Maja Lindqvist" },
  });
  return 2;
}

async function main() {
  const started = Date.now();
  const people = await seedPeople();
  await seedLabourRules();
  const end = historyEnd(new Date());
  const rows = await seedQueuesAndHistory(end);
  const agents = await seedAgents(new Date(end.getTime() - HISTORY_WEEKS * 7 * 24 * 3600_000));
  const leavers = await seedLeavers(new Date());
  const scenarios = await seedScenarios(new Date());
  console.log(`Seed: ${leavers} former agents, ${scenarios} capacity scenarios.`);
  console.log(`Seed: ${people} new people, ${agents} new agents, ${rows} new history intervals (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  const recruiting = await seedRecruiting(prisma, recruitingSeedSize(process.argv, process.env));
  console.log(`Seed: ${recruiting.openings} new openings, ${recruiting.applicants} new applicants (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  await queueDemoPlanOnce();
}

/**
 * A new demo starts planned: the worker forecasts and publishes two weeks (jobs/processors/demo-plan.ts).
 * Skipped when a forecast exists, without Redis settings, or with HANDOFF_DEMO_PLAN=0 (the tests plan for themselves).
 */
async function queueDemoPlanOnce() {
  if (process.env.HANDOFF_DEMO_PLAN === "0" || !process.env.REDIS_URL || !process.env.SESSION_SECRET) return;
  const { sharedRedis } = await import("../app/utils/redis.server");
  const queued = await queueCapacityOnce();
  const weeks = Number(process.env.SEED_PLAN_WEEKS) || 2;
  // The benchmark (SEED_PLAN_WEEKS) re-seeds its database: a plan that did not publish every week is queued again and finishes them.
  const unfinished =
    process.env.SEED_PLAN_WEEKS && (await prisma.schedule.count({ where: { status: "PUBLISHED" } })) < weeks && (await prisma.forecastRun.count()) > 0;
  if ((await prisma.forecastRun.count()) > 0 && !unfinished) {
    if (queued) await sharedRedis().quit();
    return;
  }
  const { queueDemoPlan } = await import("../jobs/processors/demo-plan");
  const { getQueue } = await import("../jobs/queues");
  await queueDemoPlan(weeks, unfinished ? `demo-plan-${Date.now()}` : "demo-plan");
  await getQueue("demo-plan").close();
  await sharedRedis().quit();
  console.log("Seed: queued the demo plan (forecast, then this week's and next week's schedules, published).");
}

/** The capacity scenarios are computed on first start: each scenario never run gets a run queued. */
async function queueCapacityOnce() {
  const fresh = await prisma.capacityScenario.findMany({ where: { runs: { none: {} } }, orderBy: { createdAt: "asc" } });
  if (fresh.length === 0) return false;
  const { startCapacityRun } = await import("../app/models/capacity.server");
  const { getQueue } = await import("../jobs/queues");
  for (const scenario of fresh) await startCapacityRun(scenario.id, "demo seed");
  await getQueue("capacity").close();
  console.log(`Seed: queued ${fresh.length} capacity plans.`);
  return true;
}

main()
  .catch((error) => {
    console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
