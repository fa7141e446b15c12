// Special days end to end: a manager sees each queue's holiday calendar, gets field errors for a bad range,
// adds a sale day for one queue, edits and removes it; a recruiter may not post. Screenshots go to e2e/.screenshots.
import { expect, test, type Page } from "@playwright/test";
import { hydrated, signIn } from "./fixtures";

const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/.screenshots/${name}.png`, fullPage: true });
const NAME = `Autumn sale ${Date.now().toString(36)}`;

test("a manager lists a sale day for one queue, edits and removes it", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, "MANAGER");
  await page.goto("/planning/queues?queue=sv-chat");
  await hydrated(page);
  await expect(page.getByLabel("Holiday calendar")).toHaveValue("SE");
  await page.getByLabel("Holiday calendar").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/.screenshots/queue-holiday-calendar.png" });

  await page.getByRole("link", { name: "Special days" }).first().click();
  await expect(page.getByRole("heading", { name: "Special days", exact: true })).toBeVisible();
  await expect(page.getByText("Holiday calendars in use")).toBeVisible();
  await hydrated(page);

  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add special day" }) });
  await form.getByLabel("Name", { exact: true }).fill(NAME);
  await form.getByLabel("First day").fill("2031-11-28");
  await form.getByLabel("Last day").fill("2031-11-27");
  await form.getByRole("spinbutton", { name: /Volume factor/ }).fill("1.8");
  await form.getByRole("combobox", { name: "Queue" }).selectOption({ label: "sv-chat" });
  await form.getByRole("button", { name: "Add special day" }).click();
  await expect(page.getByText("The last day is before the first")).toBeVisible();

  await form.getByLabel("Last day").fill("2031-11-30");
  await form.getByRole("button", { name: "Add special day" }).click();
  await expect(page.getByText(`${NAME} added`)).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: NAME });
  await expect(item).toContainText("sv-chat");
  await expect(item).toContainText("volume × 1.8");
  await shot(page, "special-days-manager");

  await item.getByRole("link", { name: `Edit ${NAME}` }).click();
  // The add form is replaced by the edit form once the navigation lands: fill only after that.
  await expect(page.getByRole("button", { name: "Save", exact: true })).toBeVisible();
  await hydrated(page);
  await page.getByRole("spinbutton", { name: /Volume factor/ }).fill("2.5");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("listitem").filter({ hasText: NAME })).toContainText("volume × 2.5");

  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "special-days-phone");
  await page.getByRole("button", { name: `Remove ${NAME}` }).click();
  await expect(page.getByText("Special day removed")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: NAME })).toHaveCount(0);
});

test("a recruiter cannot open special days, and an agent's post is refused", async ({ page }) => {
  await signIn(page, "RECRUITER");
  const seen = await page.goto("/planning/special-days");
  expect(seen?.status()).toBe(403);
  await signIn(page, "AGENT");
  const post = await page.request.post("/planning/special-days", { form: { name: "Sneaky", kind: "CLOSED", firstDay: "2031-01-01", queue: "" } });
  expect(post.status()).toBe(403);
});
