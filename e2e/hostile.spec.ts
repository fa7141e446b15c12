// Built from the route files: the access matrix (every route × anonymous and each role) and a corpus of
// hostile bodies posted to every action. A new route without a rule here fails the first test; a
// hostile body must get a 4xx (or a redirect), never a 500, and must not change what is stored.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { DEMO_LOGINS } from "../prisma/demo-logins";

type Role = (typeof DEMO_LOGINS)[number]["role"];
type Who = Role | "ANONYMOUS";
const ROLES: Role[] = ["ADMIN", "MANAGER", "RECRUITER", "AGENT"];
const ROUTES_DIR = path.resolve(import.meta.dirname, "../app/routes");

interface Ids {
  openingId: string;
  slug: string;
  applicantId: string;
  interviewId: string | null;
  userId: string;
}

/** Who may open each route. "public": everyone, signed in or not; a role list: only those (others 403, anonymous → sign-in). */
const MATRIX: Record<string, { url: (ids: Ids) => string | null; allow: Role[] | "public" | "redirect" }> = {
  "$.tsx": { url: () => "/no-such-page", allow: "public" },
  "_index.tsx": { url: () => "/", allow: "redirect" },
  "login.tsx": { url: () => "/login", allow: "public" },
  "logout.tsx": { url: () => "/logout", allow: "redirect" },
  "healthz.ts": { url: () => "/healthz", allow: "public" },
  "careers._index.tsx": { url: () => "/careers", allow: "public" },
  "careers.$slug.tsx": { url: (ids) => `/careers/${ids.slug}`, allow: "public" },
  "careers.$slug_.thanks.tsx": { url: (ids) => `/careers/${ids.slug}/thanks`, allow: "public" },
  "invite.$token.tsx": { url: () => "/invite/not-a-real-token", allow: "public" },
  "calendar.$token[.]ics.ts": { url: () => "/calendar/not-a-real-token.ics", allow: "public" },
  "_app.tsx": { url: () => "/profile", allow: ["AGENT"] },
  "_app.admin._index.tsx": { url: () => "/admin", allow: ["ADMIN"] },
  "_app.admin.outbox.tsx": { url: () => "/admin/outbox", allow: ["ADMIN"] },
  "_app.admin.audit.tsx": { url: () => "/admin/audit", allow: ["ADMIN"] },
  "_app.admin.accounts.$userId.tsx": { url: (ids) => `/admin/accounts/${ids.userId}`, allow: ["ADMIN"] },
  "_app.jobs.tsx": { url: () => "/jobs", allow: ["ADMIN", "MANAGER"] },
  "_app.planning.tsx": { url: () => "/planning", allow: ["ADMIN", "MANAGER"] },
  "_app.planning._index.tsx": { url: () => "/planning", allow: ["ADMIN", "MANAGER"] },
  "_app.planning.forecast.tsx": { url: () => "/planning/forecast", allow: ["ADMIN", "MANAGER"] },
  "_app.planning.queues.tsx": { url: () => "/planning/queues", allow: ["ADMIN", "MANAGER"] },
  "_app.planning.special-days.tsx": { url: () => "/planning/special-days", allow: ["ADMIN", "MANAGER"] },
  "_app.planning.requests.tsx": { url: () => "/planning/requests", allow: ["ADMIN", "MANAGER"] },
  "_app.planning.schedule.tsx": { url: () => "/planning/schedule", allow: ["ADMIN", "MANAGER"] },
  "_app.planning.rules.tsx": { url: () => "/planning/rules", allow: ["ADMIN", "MANAGER"] },
  "_app.planning.agents.tsx": { url: () => "/planning/agents", allow: ["ADMIN", "MANAGER"] },
  "_app.planning_.capacity.tsx": { url: () => "/planning/capacity", allow: ["ADMIN", "MANAGER", "RECRUITER"] },
  "_app.profile.tsx": { url: () => "/profile", allow: ["AGENT"] },
  "_app.shifts.tsx": { url: () => "/shifts", allow: ["AGENT"] },
  "_app.shifts._index.tsx": { url: () => "/shifts", allow: ["AGENT"] },
  "_app.shifts.availability.tsx": { url: () => "/shifts/availability", allow: ["AGENT"] },
  "_app.shifts.requests.tsx": { url: () => "/shifts/requests", allow: ["AGENT"] },
  "_app.recruiting._index.tsx": { url: () => "/recruiting", allow: ["ADMIN", "MANAGER", "RECRUITER"] },
  "_app.recruiting.applicants._index.tsx": { url: () => "/recruiting/applicants", allow: ["ADMIN", "MANAGER", "RECRUITER"] },
  "_app.recruiting.applicants.$applicantId.tsx": { url: (ids) => `/recruiting/applicants/${ids.applicantId}`, allow: ["ADMIN", "MANAGER", "RECRUITER"] },
  "_app.recruiting.import.tsx": { url: () => "/recruiting/import", allow: ["ADMIN", "RECRUITER"] },
  "_app.recruiting.openings.new.tsx": { url: () => "/recruiting/openings/new", allow: ["ADMIN", "MANAGER", "RECRUITER"] },
  "_app.recruiting.openings.$openingId._index.tsx": { url: (ids) => `/recruiting/openings/${ids.openingId}`, allow: ["ADMIN", "MANAGER", "RECRUITER"] },
  "_app.recruiting.openings.$openingId.edit.tsx": { url: (ids) => `/recruiting/openings/${ids.openingId}/edit`, allow: ["ADMIN", "MANAGER", "RECRUITER"] },
  "_app.recruiting.reports.tsx": { url: () => "/recruiting/reports", allow: ["ADMIN", "MANAGER", "RECRUITER"] },
  "recruiting.applicants[.]csv.tsx": { url: () => "/recruiting/applicants.csv", allow: ["ADMIN", "MANAGER", "RECRUITER"] },
  "recruiting.applicants.$applicantId.export[.]json.tsx": {
    url: (ids) => `/recruiting/applicants/${ids.applicantId}/export.json`,
    allow: ["ADMIN", "RECRUITER"],
  },
  "recruiting.interviews.$interviewId.calendar[.]ics.tsx": {
    url: (ids) => (ids.interviewId ? `/recruiting/interviews/${ids.interviewId}/calendar.ics` : null),
    allow: ["ADMIN", "MANAGER", "RECRUITER"],
  },
};

/** Intents that do real work with no input at all (a valid request, not a hostile one), or destroy demo data other tests use. */
const SKIPPED_INTENTS = new Set(["run", "publish", "erase", "hire", "close", "import-demo-history", "retry", "cancel", "deactivate", "reactivate", "reset"]);
/** Tables whose row counts a hostile body must leave as they were. */
const COUNTED = [
  "Applicant",
  "Application",
  "Note",
  "Scorecard",
  "Interview",
  "TimeOffRequest",
  "SwapRequest",
  "Adjustment",
  "Opening",
  "Stage",
  "VolumeInterval",
  "Queue",
  "SpecialDay",
  "User",
  "Agent",
  "OutboxMessage",
  "LabourRuleSet",
  "Reapplication",
];

const routeFiles = readdirSync(ROUTES_DIR).filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\.tsx?$/.test(f));
const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const contexts = new Map<Who, APIRequestContext>();
let ids: Ids;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ baseURL }) => {
  const first = async (sql: string) => (await db.query(sql)).rows[0] ?? null;
  const opening = await first(`SELECT id, slug FROM "Opening" WHERE status = 'OPEN' ORDER BY "createdAt" LIMIT 1`);
  const applicant = await first(`SELECT id FROM "Applicant" WHERE "anonymizedAt" IS NULL ORDER BY "createdAt" LIMIT 1`);
  const interview = await first(`SELECT id FROM "Interview" LIMIT 1`);
  // An account that is not a demo login: hostile posts to it must leave it as it was.
  const user = await first(`SELECT id FROM "User" WHERE email NOT IN (${DEMO_LOGINS.map((l) => `'${l.email}'`).join(", ")}) ORDER BY "createdAt" LIMIT 1`);
  ids = { openingId: opening.id, slug: opening.slug, applicantId: applicant.id, interviewId: interview?.id ?? null, userId: user.id };
  contexts.set("ANONYMOUS", await playwrightRequest.newContext({ baseURL, maxRedirects: 0 }));
  for (const role of ROLES) {
    const context = await playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
    const login = DEMO_LOGINS.find((l) => l.role === role)!;
    const res = await context.post("/login", { form: { email: login.email, password: login.password } });
    expect(res.status(), `${role} signs in`).toBe(302);
    contexts.set(role, context);
  }
});

test.afterAll(async () => {
  await Promise.all([...contexts.values()].map((c) => c.dispose()));
  await db.end();
});

test("every route file has a rule in the access matrix", () => {
  const missing = routeFiles.filter((f) => !(f in MATRIX));
  expect(missing, "add these routes to MATRIX in e2e/hostile.spec.ts").toEqual([]);
});

test("each role reaches exactly the routes it may, anonymous visitors are sent to sign in", async () => {
  const problems: string[] = [];
  for (const [file, rule] of Object.entries(MATRIX)) {
    const url = rule.url(ids);
    if (!url) continue;
    for (const who of ["ANONYMOUS", ...ROLES] as Who[]) {
      const res = await contexts.get(who)!.get(url);
      const status = res.status();
      const location = res.headers()["location"] ?? "";
      let ok: boolean;
      if (rule.allow === "public") ok = status < 500 && status !== 403;
      else if (rule.allow === "redirect") ok = status >= 300 && status < 400;
      else if (who === "ANONYMOUS") ok = status >= 300 && status < 400 && location.startsWith("/login");
      else ok = rule.allow.includes(who) ? status === 200 : status === 403;
      if (!ok) problems.push(`${file} ${url} as ${who}: ${status}${location ? ` → ${location}` : ""}`);
    }
  }
  expect(problems).toEqual([]);
});

function intentsOf(source: string): string[] {
  const found = new Set<string>([""]);
  for (const m of source.matchAll(/intent\)?\s*===?\s*"([a-z-]+)"/g)) found.add(m[1]);
  for (const m of source.matchAll(/name="intent"\s+value="([a-z-]+)"/g)) found.add(m[1]);
  for (const m of source.matchAll(/z\.literal\("([a-z-]+)"\)/g)) found.add(m[1]);
  return [...found].filter((i) => !SKIPPED_INTENTS.has(i));
}

/** Bodies that pass no honest form: each is sent urlencoded (or as its own content type). */
function hostileBodies(intent: string): { label: string; type: string; body: string | Buffer }[] {
  const withIntent = (fields: string) => (intent ? `intent=${intent}&${fields}` : fields);
  const dates = "from=9999-12-31&to=9999-12-31&start=0001-01-01T09:00&end=9999-12-31T23:00&week=9999-12-31&date=0000-00-00&breakStart=2026-13-40T25:99";
  const numbers =
    "version=3000000000&weeks=3000000000&offered=3000000000&max=1e308&headcountTarget=-1&containmentPercent=NaN&volumePercent=Infinity&ahtSeconds=99999999999";
  const boundary = "----hostile";
  return [
    {
      label: "huge array index",
      type: "application/x-www-form-urlencoded",
      body: withIntent("languages[999999].language=fi&availability[999999].day=1&name=x"),
    },
    { label: "NUL bytes", type: "application/x-www-form-urlencoded", body: withIntent("name=a%00b&reason=a%00b&body=a%00b&q=%00&email=a%00@b.c") },
    { label: "out-of-range dates", type: "application/x-www-form-urlencoded", body: withIntent(`${dates}&reason=hostile&queue=sv-chat`) },
    {
      label: "out-of-range numbers",
      type: "application/x-www-form-urlencoded",
      body: withIntent(`${numbers}&queue=sv-chat&reason=hostile&from=2030-01-01&to=2030-01-02`),
    },
    {
      label: "unknown ids and keys",
      type: "application/x-www-form-urlencoded",
      body: withIntent("id=nope&shiftId=nope&swapId=nope&applicationId=nope&stageId=nope&runId=nope&key=no-such-queue&queue=no-such-queue&name=Hostile"),
    },
    { label: "JSON body", type: "application/json", body: JSON.stringify({ intent, email: "a@b.c", password: "x" }) },
    { label: "text body", type: "text/plain", body: `intent=${intent}` },
    {
      label: "malformed multipart",
      type: `multipart/form-data; boundary=${boundary}`,
      body: `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\n${intent}`,
    },
    {
      label: "invalid UTF-8",
      type: "application/x-www-form-urlencoded",
      body: Buffer.concat([Buffer.from(withIntent("name=")), Buffer.from([0xff, 0xfe, 0xc3])]),
    },
    { label: "oversized form", type: "application/x-www-form-urlencoded", body: withIntent(`name=${"x".repeat(3 * 1024 * 1024)}`) },
  ];
}

async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of COUNTED) out[table] = Number((await db.query(`SELECT count(*) FROM "${table}"`)).rows[0].count);
  return out;
}

test("hostile bodies to every action get a 4xx or a redirect, never a 500, and change nothing", async ({ baseURL }) => {
  test.setTimeout(240_000);
  const before = await counts();
  const problems: string[] = [];
  let sent = 0;
  for (const file of routeFiles) {
    const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
    if (!/^export (async )?function action\b/m.test(source)) continue;
    const url = MATRIX[file]?.url(ids);
    if (!url) continue;
    const rule = MATRIX[file].allow;
    const senders: Who[] = ["ANONYMOUS", ...(Array.isArray(rule) ? rule.slice(0, 1) : ["ADMIN" as Role])];
    for (const intent of intentsOf(source)) {
      for (const hostile of hostileBodies(intent)) {
        for (const who of senders) {
          // A refused oversized body is not read to its end, so the server closes that connection: send it on its own.
          const context =
            hostile.label === "oversized form"
              ? await playwrightRequest.newContext({ baseURL, maxRedirects: 0, storageState: await contexts.get(who)!.storageState() })
              : contexts.get(who)!;
          const res = await context.post(url, { headers: { "Content-Type": hostile.type }, data: hostile.body }).catch((error: Error) => error);
          if (context !== contexts.get(who)) await context.dispose();
          sent++;
          if (res instanceof Error) {
            if (hostile.label !== "oversized form") problems.push(`${file} intent "${intent}" ${hostile.label} as ${who}: ${res.message.split("\n")[0]}`);
            continue;
          }
          if (res.status() >= 500) problems.push(`${file} intent "${intent}" ${hostile.label} as ${who}: ${res.status()}`);
        }
      }
    }
  }
  expect(problems).toEqual([]);
  expect(sent).toBeGreaterThan(300);
  expect(await counts()).toEqual(before);
});

test("a form posted from another site is refused with 403, and a NUL in the address with 400", async () => {
  const manager = contexts.get("MANAGER")!;
  const cross = await manager.post("/planning/forecast", {
    headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    data: "intent=run",
  });
  expect(cross.status()).toBe(403);
  const nul = await contexts.get("RECRUITER")!.get("/recruiting/applicants?q=%00");
  expect(nul.status()).toBe(400);
});
