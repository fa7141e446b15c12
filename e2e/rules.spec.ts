// Labour rules as settings: a manager's invalid rules are refused field by field; a change to the shift
// lengths and the minimum rest becomes a new version, and the next schedule run honours it (read from the
// database's shifts); the schedule page names the version it was built with. A contract type's own lengths
// (students: 4 hours at most) hold for its agents in the next run.
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { ensureForecast, hydrated, signIn } from "./fixtures";

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

const db = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
test.afterAll(async () => db.end());

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

test("a manager gives students shifts of 4 hours at most, and the next schedule run gives no student a longer one", async ({ page }) => {
  await signIn(page, "MANAGER");
  await ensureForecast(page);
  await page.goto("/planning/rules");
  await hydrated(page);
  await expect(page.getByTestId("contract-rules-summary")).toHaveText("Every contract type works the company's shifts, rest and breaks.");
  const students = page.getByTestId("contract-student");
  // The students' fields appear with "their own", filled with the company's rules to start from.
  await expect(students.getByLabel("Longest shift for students")).toBeHidden();
  // From the keyboard: the arrow key moves the choice to "Their own", and its fields appear.
  await students.getByLabel("Same as the company's").focus();
  await page.keyboard.press("ArrowDown");
  await expect(students.getByLabel("Their own")).toBeChecked();
  await expect(students.getByLabel("Their own")).toBeFocused();
  await expect(students.getByText("Own shifts, rest and breaks")).toBeVisible();
  await expect(students.getByLabel("Longest shift for students")).toHaveValue("8");
  await students.getByLabel("Longest shift for students").fill("4");
  await expect(students.getByText("Allowed lengths for students: 4 h")).toBeVisible();
  // The company's break applies from 6 h: no student shift is that long, said on the students' field.
  await page.getByRole("button", { name: /^Save as version/ }).click();
  const break1 = students.getByRole("group", { name: "Break 1 for students" });
  const breakFrom = break1.getByLabel("For shifts from for students");
  await expect(breakFrom).toHaveAttribute("aria-invalid", "true");
  await expect(students.getByText("No shift is that long (the longest is 4 h), so this break would never apply")).toBeVisible();
  await students.screenshot({ path: "e2e/.screenshots/rules-students-own-error.png" });
  const startVersion = Number((await page.getByText(/^Version \d+ · current$/).innerText()).match(/\d+/)![0]);
  await breakFrom.fill("4");
  await break1.getByLabel("Break length for students").fill("15");
  await break1.getByLabel("Earliest after start for students").fill("60");
  await break1.getByLabel("Latest before end for students").fill("60");
  await page.getByRole("button", { name: /^Save as version/ }).click();
  await expect(page.getByText(`Labour rules version ${startVersion + 1} saved`)).toBeVisible();
  await expect(page.getByTestId("contract-rules-summary")).toHaveText("Students have their own shifts, rest and breaks; the others work the company's.");
  await expect(page.getByTestId("rule-versions")).toContainText("Students: own shifts 4 h; rest 11 h; 15 min break from 4 h shifts");
  await page.screenshot({ path: "e2e/.screenshots/rules-students-own.png", fullPage: true });

  // The next run: no student shift is longer than 4 hours (read from the database).
  await page.goto("/planning/schedule");
  await page.getByRole("button", { name: /run schedule/i }).click();
  await expect(page.getByText("Schedule run started")).toBeVisible();
  await expect(page.getByText(/Building the schedule|Waiting for a worker/)).toBeHidden({ timeout: 120_000 });
  await expect(page.getByTestId("schedule-rules")).toContainText(`Built with labour rules version ${startVersion + 1}`);
  const { rows } = await db.query<{ cohort: string; minutes: number }>(
    `SELECT a.cohort, EXTRACT(EPOCH FROM s."end" - s.start) / 60 AS minutes
       FROM "Shift" s JOIN "Agent" a ON a.id = s."agentId"
      WHERE s."scheduleId" = (SELECT id FROM "Schedule" WHERE "runStatus" = 'SUCCEEDED' ORDER BY "updatedAt" DESC LIMIT 1)`,
  );
  const student = rows.filter((r) => r.cohort === "student").map((r) => Number(r.minutes));
  expect(student.length, "student shifts in the week").toBeGreaterThan(5);
  expect(Math.max(...student)).toBeLessThanOrEqual(240);
  expect(
    rows.some((r) => r.cohort !== "student" && Number(r.minutes) > 240),
    "other contracts keep longer shifts",
  ).toBe(true);

  // Back to the company's rules for students.
  await page.goto("/planning/rules");
  await hydrated(page);
  await page.getByTestId("contract-student").getByLabel("Same as the company's").check();
  await page.getByRole("button", { name: /^Save as version/ }).click();
  await expect(page.getByText(`Labour rules version ${startVersion + 2} saved`)).toBeVisible();
  await expect(page.getByTestId("contract-rules-summary")).toHaveText("Every contract type works the company's shifts, rest and breaks.");
});
