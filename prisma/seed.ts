// Demo data: the Nordic BNPL company's staff, queues and twelve weeks of history. Idempotent: a second run adds nothing.
import { prisma } from "../app/utils/db.server";
import { hashPasswordForSeed } from "./demo/password";
import { DEMO_LOGINS } from "./demo-logins";
import { DEMO_PEOPLE } from "./demo/people";
import { DEMO_QUEUES } from "./demo/queues";
import { generateHistory, historyEnd } from "./demo/history";
import { replaceHistory } from "../app/models/volume.server";

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
      create: { key: demo.key, language: demo.language, channel: demo.channel, name: demo.name, timeZone: demo.timeZone },
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

async function main() {
  const started = Date.now();
  const people = await seedPeople();
  const rows = await seedQueuesAndHistory(historyEnd(new Date()));
  console.log(`Seed: ${people} new people, ${rows} new history intervals (${((Date.now() - started) / 1000).toFixed(1)} s).`);
}

main()
  .catch((error) => {
    console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
