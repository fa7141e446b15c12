// The managers' roster: a manager marks an agent as leaving next week (notice given), the next run of that
// week gives them no shifts after their last day (read from the database's shifts), and marks another agent
// as left today (signed out at once) — by keyboard, through the labelled fields.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_LOGINS } from "../prisma/demo-logins";
import { ensureForecast, hydrated, signIn } from "./fixtures";

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
const touched: string[] = [];
test.afterAll(async () => {
  // Later specs find the roster as it was.
  for (const agentId of touched) {
    await db.query(`UPDATE "Agent" SET active = true, "leftAt" = NULL, "leaveReason" = NULL WHERE id = $1`, [agentId]);
    await db.query(`UPDATE "User" SET "deactivatedAt" = NULL WHERE id = (SELECT "userId" FROM "Agent" WHERE id = $1)`, [agentId]);
  }
  await db.end();
});

/** Dates (YYYY-MM-DD) in Stockholm, where the planning weeks begin: today, and next week's Monday. */
async function planningDates() {
  const { rows } = await db.query<{ today: string; monday: string }>(
    `SELECT to_char(d, 'YYYY-MM-DD') AS today, to_char(d - ((extract(isodow FROM d)::int - 1) || ' days')::interval + interval '7 days', 'YYYY-MM-DD') AS monday
       FROM (SELECT (now() AT TIME ZONE 'Europe/Stockholm')::date AS d) t`,
  );
  return rows[0]!;
}

const demoEmails = DEMO_LOGINS.map((l) => l.email);

/** Active agents with queues and availability, not a demo login, most available first. */
async function pickAgents(n: number) {
  const { rows } = await db.query<{ id: string; name: string; timeZone: string }>(
    `SELECT a.id, u.name, a."timeZone" FROM "Agent" a JOIN "User" u ON u.id = a."userId"
      WHERE a.active AND a."leftAt" IS NULL AND u."deactivatedAt" IS NULL AND u.email <> ALL($1)
        AND a."startDate" < now() - interval '30 days'
        AND EXISTS (SELECT 1 FROM "AgentSkill" s WHERE s."agentId" = a.id)
      ORDER BY jsonb_array_length(a.availability) DESC, a."weeklyMaxMinutes" DESC, u.name LIMIT $2`,
    [demoEmails, n],
  );
  expect(rows).toHaveLength(n);
  return rows;
}

/** Opens the leaving form of the agent named `name` from the roster, filtered by name. */
async function openLeaving(page: Page, name: string) {
  await page.goto("/planning/agents");
  await hydrated(page);
  await page.getByLabel("Name or email").fill(name);
  await page.getByLabel("Name or email").press("Enter");
  await expect(page.getByRole("table")).toContainText(name);
  const link = page.getByRole("link", { name: `Mark as leaving: ${name}` });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("form", { name: `Record that ${name} leaves` })).toBeVisible();
  await hydrated(page);
}

test("a manager marks one agent as leaving next week and another as left today; the next run of that week gives the first none after their last day", async ({
  page,
}) => {
  await signIn(page, "MANAGER");
  await ensureForecast(page);
  const { today, monday } = await planningDates();
  const [leaver, gone] = await pickAgents(2);
  touched.push(leaver!.id, gone!.id);
  // Their last working day: next week's Tuesday.
  const lastDay = (await db.query<{ d: string }>(`SELECT to_char($1::date + 1, 'YYYY-MM-DD') AS d`, [monday])).rows[0]!.d;

  // The roster is reached from the planning tabs.
  await page.goto("/planning");
  await page.getByRole("navigation", { name: "Planning" }).getByRole("link", { name: "Agents" }).click();
  await expect(page.getByRole("heading", { name: "Agents", level: 1 })).toBeVisible();

  // Notice given: leaving after next Tuesday, by keyboard through the labelled fields.
  await openLeaving(page, leaver!.name);
  await page.getByLabel("Last working day").fill(lastDay);
  await page.getByLabel("Why they leave").selectOption({ label: "Moved away" });
  await page.getByRole("button", { name: "Record the leaving" }).press("Enter");
  await expect(page.getByText(`${leaver!.name} works until ${lastDay} and is then signed out`)).toBeVisible();
  const row = page.getByTestId(`agent-${leaver!.id}`);
  await expect(row).toContainText("Leaving");
  await expect(row.getByRole("button", { name: `Cancel the leaving of ${leaver!.name}` })).toBeVisible();
  expect((await db.query(`SELECT active FROM "Agent" WHERE id = $1`, [leaver!.id])).rows[0].active).toBe(true);

  // A day more than a year back is refused beside the field; nothing changes.
  await openLeaving(page, gone!.name);
  await page.getByLabel("Last working day").fill("2001-01-01");
  await page.getByLabel("Why they leave").selectOption({ label: "Took another job" });
  await page.getByRole("button", { name: "Record the leaving" }).click();
  await expect(page.getByText("That is more than a year ago; check the date")).toBeVisible();
  await expect(page.getByLabel("Last working day")).toHaveAttribute("aria-invalid", "true");

  // The other has left today: signed out now.
  await page.getByLabel("Last working day").fill(today);
  await page.getByRole("button", { name: "Record the leaving" }).click();
  await expect(page.getByText(`${gone!.name} has left and is signed out everywhere`)).toBeVisible();
  await expect(page.getByTestId(`agent-${gone!.id}`)).toContainText("Left");
  const goneRow = (await db.query(`SELECT a.active, u."deactivatedAt" FROM "Agent" a JOIN "User" u ON u.id = a."userId" WHERE a.id = $1`, [gone!.id])).rows[0];
  expect(goneRow.active).toBe(false);
  expect(goneRow.deactivatedAt).not.toBeNull();

  // The status filter finds the leaver.
  await page.goto("/planning/agents?status=leaving");
  await expect(page.getByTestId(`agent-${leaver!.id}`)).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`/planning/agents?q=${encodeURIComponent(leaver!.name)}&leave=${leaver!.id}`);
  await page.screenshot({ path: "test-results/agents-desktop.png", fullPage: true });
  await page.goto("/planning/agents?status=left");
  await page.screenshot({ path: "test-results/agents-left.png", fullPage: true });

  // Next week's run: no shift of the leaver ends after their last day in their zone.
  await page.goto(`/planning/schedule?week=${monday}`);
  await page.getByRole("button", { name: /run schedule/i }).click();
  await expect(page.getByText("Schedule run started")).toBeVisible();
  await expect(page.getByText(/Building the schedule|Waiting for a worker/)).toBeHidden({ timeout: 180_000 });
  const { rows: shifts } = await db.query<{ start: Date; end: Date; after: boolean }>(
    `SELECT s.start, s."end", s."end" > ((($2::date + 1)::timestamp AT TIME ZONE $3) AT TIME ZONE 'UTC') AS after
       FROM "Shift" s JOIN "Schedule" sc ON sc.id = s."scheduleId"
      WHERE sc."weekStart" = ((($1::date)::timestamp AT TIME ZONE 'Europe/Stockholm') AT TIME ZONE 'UTC') AND sc."runStatus" = 'SUCCEEDED' AND s."agentId" = $4`,
    [monday, lastDay, leaver!.timeZone, leaver!.id],
  );
  const { rows: week } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM "Shift" s JOIN "Schedule" sc ON sc.id = s."scheduleId" WHERE sc."weekStart" = ((($1::date)::timestamp AT TIME ZONE 'Europe/Stockholm') AT TIME ZONE 'UTC')`,
    [monday],
  );
  expect(Number(week[0]!.n), "the week was built").toBeGreaterThan(20);
  expect(
    shifts.filter((s) => s.after),
    `${leaver!.name}'s shifts after ${lastDay}`,
  ).toEqual([]);

  // Cancelled before the day: active, no leaving date.
  await page.goto(`/planning/agents?q=${encodeURIComponent(leaver!.name)}`);
  await hydrated(page);
  await page.getByRole("button", { name: `Cancel the leaving of ${leaver!.name}` }).click();
  await expect(page.getByText(`${leaver!.name} stays: the leaving after ${lastDay} is cancelled`)).toBeVisible();
  await expect(page.getByTestId(`agent-${leaver!.id}`)).toContainText("Active");
});
