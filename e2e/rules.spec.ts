// Labour rules as settings: a manager's invalid rules are refused field by field; a change to the shift
// lengths and the minimum rest becomes a new version, and the next schedule run honours it (read from the
// database's shifts); the schedule page names the version it was built with.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { hydrated, signIn } from "./fixtures";

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
test.afterAll(async () => db.end());

async function ensureForecast(page: Page) {
  await page.goto("/planning/schedule");
  if (await page.getByText("No forecast covers this week").isHidden()) return;
  await page.goto("/planning/forecast");
  await page.getByRole("button", { name: "Run forecast" }).click();
  await expect(page.getByRole("progressbar", { name: "Forecast progress" })).toHaveAttribute("aria-valuenow", "100", { timeout: 120_000 });
}

/** Fills the rules form (`breakFrom`: the first break's "for shifts from") and saves it. */
async function saveRules(page: Page, values: Record<string, string>, breakFrom?: string) {
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
  if (breakFrom) await page.getByRole("group", { name: "Break 1" }).getByLabel("For shifts from").fill(breakFrom);
  await page.getByRole("button", { name: /^Save as version/ }).click();
}

test("a manager changes the shift lengths and the rest rule, and the next schedule run honours them", async ({ page }) => {
  await signIn(page, "MANAGER");
  await ensureForecast(page);
  await page.goto("/planning");
  await page.getByRole("navigation", { name: "Planning" }).getByRole("link", { name: "Labour rules" }).click();
  await expect(page.getByRole("heading", { name: "Labour rules" })).toBeVisible();
  await hydrated(page);
  const startVersion = Number((await page.getByText(/^Version \d+ · current$/).innerText()).match(/\d+/)![0]);

  // Rules that contradict each other are refused where they are wrong, and nothing is saved.
  await saveRules(page, { "Shortest shift": "9" });
  await expect(page.getByText("The shortest shift (9 h) is longer than the longest (8 h)")).toBeVisible();
  await expect(page.getByLabel("Shortest shift", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await saveRules(page, { "Shortest shift": "2", "Lengths in steps of": "2" }, "2");
  await expect(page.getByText("does not fit a 2 h shift")).toBeVisible();
  expect(Number((await db.query(`SELECT max(version) AS v FROM "LabourRuleSet"`)).rows[0].v)).toBe(startVersion);

  // Six-hour shifts only, and 14 hours between shifts.
  await saveRules(page, { "Shortest shift": "6", "Longest shift": "6", "Lengths in steps of": "2", "Minimum rest between shifts": "14" }, "6");
  await expect(page.getByText(`Labour rules version ${startVersion + 1} saved`)).toBeVisible();
  await expect(page.getByText("Allowed lengths: 6 h")).toBeVisible();
  await expect(page.getByTestId("rule-versions")).toContainText("minimum rest 11 h → 14 h");

  // The next run is built with them; the page says which rules, and the shifts show it.
  await page.goto("/planning/schedule");
  await page.getByRole("button", { name: /run schedule/i }).click();
  await expect(page.getByText("Schedule run started")).toBeVisible();
  await expect(page.getByText(/Building the schedule|Waiting for a worker/)).toBeHidden({ timeout: 120_000 });
  await expect(page.getByTestId("schedule-rules")).toContainText(`Built with labour rules version ${startVersion + 1} (Maja Lindqvist,`);
  const week = new URL(page.url()).searchParams.get("week");
  const { rows } = await db.query<{ agentId: string; start: Date; end: Date; version: number }>(
    `SELECT s."agentId", s.start, s."end", r.version
       FROM "Shift" s JOIN "Schedule" sc ON sc.id = s."scheduleId" JOIN "LabourRuleSet" r ON r.id = sc."ruleSetId"
      WHERE sc.id = (SELECT id FROM "Schedule" WHERE "runStatus" = 'SUCCEEDED' ORDER BY "updatedAt" DESC LIMIT 1)
      ORDER BY s."agentId", s.start`,
  );
  expect(rows.length, `shifts of the week ${week ?? "(next)"}`).toBeGreaterThan(20);
  expect(new Set(rows.map((r) => r.version))).toEqual(new Set([startVersion + 1]));
  for (const r of rows) expect((r.end.getTime() - r.start.getTime()) / 60_000).toBe(360);
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].agentId !== rows[i - 1].agentId) continue;
    expect(rows[i].start.getTime() - rows[i - 1].end.getTime()).toBeGreaterThanOrEqual(14 * 3_600_000);
  }

  // Back to the original rules for the tests that follow; the page then says the week's rules are older.
  await page.getByRole("link", { name: `labour rules version ${startVersion + 1}` }).click();
  await expect(page.getByText(`You are reading version ${startVersion + 1}`)).toHaveCount(0);
  await hydrated(page);
  await saveRules(page, { "Shortest shift": "4", "Longest shift": "8", "Minimum rest between shifts": "11" });
  await expect(page.getByText(`Labour rules version ${startVersion + 2} saved`)).toBeVisible();
  await expect(page.getByText("Allowed lengths: 4 h, 6 h, 8 h")).toBeVisible();
  await page.goto(`/planning/schedule${week ? `?week=${week}` : ""}`);
  await expect(page.getByTestId("schedule-rules")).toContainText(`The rules are now at version ${startVersion + 2}: re-run to apply them`);
});
