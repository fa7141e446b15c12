// Integration: the queue settings form (/planning/queues) stores valid settings with an audit entry, refuses invalid
// ones with an error on each bad field and stores nothing, refuses an unknown queue and a recruiter; the history
// upload's refusals come in the same reply shape.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueFormDefaults } from "~/models/queue-form";
import { getQueueSettingsByKey } from "~/models/queue.server";
import { createSession } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { runAction } from "~/utils/route-action.testing";

const stamp = `${Date.now()}`;
const KEY = `zz-chat-${stamp}`;
let managerCookie = "";
let recruiterCookie = "";
let queueId = "";

/** The form as the page posts it for the test queue, with `changes` typed over it. */
async function formFor(changes: Record<string, string | null> = {}) {
  const queue = await getQueueSettingsByKey(KEY);
  const f = queueFormDefaults(queue!);
  const body: Record<string, string> = {};
  for (const [name, value] of Object.entries(f)) if (typeof value === "string") body[name] = value;
  f.hours.forEach((day, i) => {
    for (const [k, v] of Object.entries(day)) body[`hours[${i}].${k}`] = v;
  });
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) delete body[name];
    else body[name] = value;
  }
  return body;
}

async function post(cookie: string, body: BodyInit, contentType?: string) {
  const route = await import("./_app.planning.queues");
  const headers: Record<string, string> = { Cookie: cookie };
  if (contentType) headers["Content-Type"] = contentType;
  return runAction(route.action, new Request("http://localhost/planning/queues", { method: "POST", headers, body }));
}

const postForm = (cookie: string, body: Record<string, string>) => post(cookie, new URLSearchParams(body).toString(), "application/x-www-form-urlencoded");

const stored = async () => ({
  queue: await prisma.queue.findUniqueOrThrow({ where: { key: KEY } }),
  audit: await prisma.auditEntry.count({ where: { subjectType: "Queue", subjectId: queueId } }),
});

beforeAll(async () => {
  const manager = await prisma.user.create({
    data: { email: `queues-manager.${stamp}@handoff.example`, name: "Quinn Queues", role: "MANAGER", passwordHash: "x" },
  });
  const recruiter = await prisma.user.create({
    data: { email: `queues-recruiter.${stamp}@handoff.example`, name: "Rae Queues", role: "RECRUITER", passwordHash: "x" },
  });
  managerCookie = (await createSession(manager.id, "test")).split(";")[0]!;
  recruiterCookie = (await createSession(recruiter.id, "test")).split(";")[0]!;
  const queue = await prisma.queue.create({ data: { key: KEY, language: "zz", channel: "CHAT", name: "Test chat", concurrency: 2, country: "SE" } });
  queueId = queue.id;
});

afterAll(async () => {
  await prisma.auditEntry.deleteMany({ where: { subjectType: "Queue", subjectId: queueId } });
  await prisma.queue.delete({ where: { id: queueId } });
  await prisma.user.deleteMany({ where: { email: { contains: `.${stamp}@` } } });
});

describe("queue settings action (/planning/queues)", () => {
  it("stores valid settings, opening hours and a closed day with an audit entry", async () => {
    const before = await stored();
    const changes: Record<string, string | null> = {
      name: "Test chat, evenings",
      serviceLevelPercent: "90",
      answerSeconds: "45",
      ahtSeconds: "380",
      maxOccupancyPercent: "88",
      shrinkagePercent: "25",
      concurrency: "3",
      patienceSeconds: "120",
      country: "FI",
      "hours[0].open": "07:30",
      "hours[0].close": "21:00",
      "hours[6].closed": "on",
    };
    for (let day = 1; day < 6; day++) Object.assign(changes, { [`hours[${day}].open`]: "08:00", [`hours[${day}].close`]: "20:00" });
    const r = await postForm(managerCookie, await formFor(changes));
    expect(r.status).toBe(302);
    const { queue, audit } = await stored();
    expect(queue).toMatchObject({
      name: "Test chat, evenings",
      serviceLevelTarget: 0.9,
      serviceLevelSeconds: 45,
      ahtSeconds: 380,
      maxOccupancy: 0.88,
      shrinkage: 0.25,
      concurrency: 3,
      patienceSeconds: 120,
      country: "FI",
    });
    expect(queue.openingHours).toEqual([[["07:30", "21:00"]], ...Array.from({ length: 5 }, () => [["08:00", "20:00"]]), []]);
    expect(audit).toBe(before.audit + 1);

    // Blank patience and calendar: Erlang C and no holidays.
    const blank = await postForm(managerCookie, await formFor({ patienceSeconds: "", country: "" }));
    expect(blank.status).toBe(302);
    expect((await stored()).queue).toMatchObject({ patienceSeconds: null, country: null, name: "Test chat, evenings" });
  });

  it("refuses invalid settings with an error on each bad field, in one round, and stores nothing", async () => {
    const before = await stored();
    const r = await postForm(
      managerCookie,
      await formFor({
        name: "x",
        timeZone: "Mars/Olympus",
        serviceLevelPercent: "120",
        concurrency: "two",
        country: "XX",
        "hours[1].open": "18:00",
        "hours[1].close": "09:00",
        "hours[2].open": "8am",
        "hours[3].open": null,
        "hours[3].close": null,
      }),
    );
    expect(r.status).toBe(400);
    expect(r.data.result.error).toEqual({
      name: ["Give the queue a name"],
      timeZone: ["Not a known time zone, e.g. Europe/Stockholm"],
      serviceLevelPercent: ["A service level from 1 to 99 %"],
      concurrency: ["Chats per agent, a whole number from 1 to 6"],
      country: ["Choose a calendar from the list"],
      "hours[1].close": ["Closes before it opens"],
      "hours[2].open": ["Opens at a time as HH:mm, e.g. 08:00"],
      "hours[3].open": ["Opens at a time as HH:mm, e.g. 08:00"],
      "hours[3].close": ["Closes at a time as HH:mm, e.g. 20:00"],
    });
    // What was typed comes back, so the page keeps it without JavaScript.
    expect(r.data.result.initialValue).toMatchObject({ name: "x", timeZone: "Mars/Olympus", intent: "settings" });
    expect(await stored()).toEqual(before);
  });

  it("refuses an unknown queue with a form error, and a recruiter with 403", async () => {
    const before = await stored();
    const unknown = await postForm(managerCookie, await formFor({ key: "no-such-queue" }));
    expect(unknown.status).toBe(404);
    expect(unknown.data.result.error).toEqual({ "": ['There is no queue "no-such-queue". Reload the page.'] });
    const recruiter = await postForm(recruiterCookie, await formFor({ name: "Recruited" }));
    expect(recruiter.status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it("answers a history upload's refusals in the same shape: the file's own error, or every bad line", async () => {
    const rows = await prisma.volumeInterval.count();
    const noFile = new FormData();
    noFile.set("intent", "preview");
    const missing = await post(managerCookie, noFile);
    expect(missing.status).toBe(400);
    expect(missing.data.result.error).toEqual({ file: ["Choose a CSV file first."] });

    const bad = new FormData();
    bad.set("intent", "import");
    bad.set("file", new File([`interval_start,queue,offered,ai_resolved\n2026-11-01T00:00:00Z,${KEY},5,9\nyesterday,${KEY},5,1\n`], "bad.csv"));
    const refused = await post(managerCookie, bad);
    expect(refused.status).toBe(400);
    const [summary, ...lines] = refused.data.result.error[""];
    expect(summary).toBe("2 problems in bad.csv. Nothing was imported.");
    expect(lines).toEqual([expect.stringContaining("line 2"), expect.stringContaining("line 3")]);
    expect(refused.data.result.initialValue).toEqual({ intent: "import" });
    expect(await prisma.volumeInterval.count()).toBe(rows);
  });
});
