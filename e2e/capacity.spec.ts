// The capacity plan end to end: a manager creates a scenario, runs it with live progress, compares it with the base
// on the chart and the table, applies it to openings; the recruiter sees the targets and the "behind plan" list;
// an agent and a recruiter cannot change scenarios.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

test.describe.configure({ mode: "serial" });
test.setTimeout(300_000);

const SCENARIO = "Growth 40 % with spring containment";

async function runScenario(page: Page, name: string) {
  const item = page.getByTestId(`scenario-${name}`);
  await item.getByRole("button", { name: `Run ${name}` }).click();
  await expect(page.getByText(`“${name}” is being planned`)).toBeVisible();
  await expect(item.getByText(/^Planned /)).toBeVisible({ timeout: 180_000 });
}

test("a manager creates a scenario, runs it, compares it with the base and applies it to openings", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, "MANAGER");
  await page.getByRole("link", { name: "Capacity plan" }).click();
  await expect(page.getByRole("heading", { name: "Capacity plan" })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill(SCENARIO);
  await page.getByLabel("Volume growth %").fill("40");
  await page.getByLabel("Reaches %").fill("70");
  await page.getByLabel("By", { exact: true }).fill(`${new Date().getUTCFullYear() + 1}-03-01`);
  await page.getByRole("button", { name: "Create scenario" }).click();
  await expect(page.getByText(`Scenario “${SCENARIO}” created`)).toBeVisible();

  // Progress is shown while the job runs, then the plan.
  const item = page.getByTestId(`scenario-${SCENARIO}`);
  await item.getByRole("button", { name: `Run ${SCENARIO}` }).click();
  await expect(item.getByRole("progressbar")).toBeVisible();
  await expect(item.getByText(/^Planned /)).toBeVisible({ timeout: 180_000 });
  await runScenario(page, "Base plan");

  await page.getByRole("link", { name: SCENARIO }).click();
  await expect(page.getByRole("heading", { name: `Plan: ${SCENARIO}` })).toBeVisible();
  await expect(page.getByRole("img", { name: new RegExp(`${SCENARIO}: required vs supply`) })).toBeVisible();
  await expect(page.getByText("Gap to optimal")).toBeVisible();
  const table = page.getByTestId("compare-table");
  await expect(table.getByRole("rowheader", { name: "Base plan" })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: SCENARIO })).toBeVisible();
  await expect(page.getByRole("img", { name: /Cost of each scenario/ })).toBeVisible();
  // Each pill links from the current view: wait for one to land before clicking the next.
  await page.getByRole("link", { name: "fi-chat" }).click();
  await expect(page.getByRole("link", { name: "fi-chat" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Weekday evenings from 17:00" }).click();
  await expect(page.getByRole("link", { name: "Weekday evenings from 17:00" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("img", { name: /fi-chat, Weekday evenings/ })).toBeVisible();
  await page.screenshot({ path: "test-results/capacity-manager.png", fullPage: true });

  await page.getByRole("button", { name: "Apply to openings" }).click();
  await expect(page.getByText(`“${SCENARIO}” applied to openings`)).toBeVisible();
  // Applying the same plan again changes nothing.
  await page.getByRole("button", { name: "Apply to openings" }).click();
  await expect(page.getByText("The openings already have these targets")).toBeVisible();
});

test("the recruiter sees the new targets and the openings furthest behind plan, and reads the plan without changing it", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, "RECRUITER");
  await page.goto("/recruiting");
  const behind = page.getByRole("list", { name: "Openings furthest behind plan" });
  await expect(behind).toBeVisible();
  await expect(behind.getByText(/^plan: \d+ .+ by .+ — pipeline expects/).first()).toBeVisible();
  await page.screenshot({ path: "test-results/capacity-recruiter-home.png", fullPage: true });
  await behind.getByRole("link").first().click();
  await expect(
    page
      .getByRole("note")
      .first()
      .getByText(/^plan: \d+/),
  ).toBeVisible();
  await expect(page.getByRole("note").first().getByText(SCENARIO, { exact: false })).toBeVisible();
  await page.screenshot({ path: "test-results/capacity-opening.png" });

  await page.goto("/planning/capacity");
  await expect(page.getByRole("heading", { name: "Capacity plan" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create scenario" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Apply to openings" })).toHaveCount(0);
});

test("a manager overrides a cohort's band hours and ramp on its card, sees field errors, and resets a field to measured", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, "MANAGER");
  await page.goto("/planning/capacity");
  // The card is the innermost section with the Students heading (the cohort inputs section holds all three).
  const card = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Students", exact: true }) })
    .filter({ hasNot: page.getByRole("heading", { name: "Rural residents", exact: true }) });
  await card.getByText("Edit students inputs").click();
  await card.getByLabel("Ramp: productivity in the first weeks, %").fill("80, 60");
  await card.getByLabel("Evenings", { exact: true }).fill("40");
  await card.getByRole("button", { name: "Save students inputs" }).click();
  await expect(card.getByText("Ramp: values must rise week by week to 100 % (e.g. 50, 75)")).toBeVisible();
  await expect(card.getByText("Weekday evenings from 17:00: a number from 0 to 35 h (the band's length)")).toBeVisible();
  await card.screenshot({ path: "test-results/capacity-card-errors.png" });

  await card.getByLabel("Ramp: productivity in the first weeks, %").fill("40, 70");
  await card.getByLabel("Evenings", { exact: true }).fill("12");
  await card.getByRole("button", { name: "Save students inputs" }).click();
  await expect(page.getByText("Students: weekday evenings from 17:00 hours, ramp saved")).toBeVisible();
  await expect(card.getByText("40 % → 70 % → full")).toBeVisible();
  await expect(card.getByText("12 h at most")).toBeVisible();
  await expect(card.getByText(/^Last changed by /)).toBeVisible();
  await card.screenshot({ path: "test-results/capacity-card.png" });

  await card.getByRole("button", { name: "Reset ramp of Students to default" }).click();
  await expect(page.getByText("Students: ramp back to what was measured")).toBeVisible();
  await expect(card.getByText("50 % → 75 % → full")).toBeVisible();
  await card.getByRole("button", { name: /^Reset weekday evenings from 17:00 hours of Students/ }).click();
  await expect(card.getByText("override")).toHaveCount(0);
});

test("an agent and a recruiter cannot change scenarios (403)", async ({ page }) => {
  for (const role of ["AGENT", "RECRUITER"] as const) {
    await signIn(page, role);
    const forms: Record<string, string>[] = [
      { intent: "create", name: "Not allowed" },
      { intent: "run", scenarioId: "x" },
      { intent: "apply", scenarioId: "x" },
      { intent: "cohort", cohort: "student", trainingWeeks: "1" },
      { intent: "cohort-reset", cohort: "student", field: "ramp" },
      { intent: "plan-settings", shortfallCostPerHour: "1" },
      { intent: "plan-settings-reset" },
    ];
    for (const form of forms) {
      const res = await page.request.post("/planning/capacity", { form, maxRedirects: 0 });
      expect(res.status(), `${role} ${form.intent}`).toBe(403);
    }
  }
});
