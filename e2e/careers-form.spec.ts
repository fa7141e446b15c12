// The careers form shows every field's error after one submit, with JavaScript (conform validates in the browser)
// and without (the server's reply renders them).
import { expect, test, type Page } from "@playwright/test";
import { hydrated } from "./fixtures";

const OPENING = "/careers/finnish-chat-evenings";

async function submitHalfFilled(page: Page) {
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("radio", { name: "Student" }).check();
  await page.getByRole("button", { name: "Send application" }).click();
}

async function expectAllErrors(page: Page) {
  await expect(page.getByText("Enter your full name")).toBeVisible();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expect(page.getByText("Choose a level")).toBeVisible();
  await expect(page.getByText("How many hours a week would you like?")).toBeVisible();
  await expect(page.getByText("You need to agree before we can keep your application")).toBeVisible();
  // The student's own fields, which used to wait for a second submit.
  await expect(page.getByText("Enter your school or university")).toBeVisible();
  await expect(page.getByText("Enter when you expect to graduate")).toBeVisible();
  await expect(page.getByText("Enter the most hours a week you may work in term time")).toBeVisible();
  await expect(page.getByLabel("School or university")).toHaveAttribute("aria-invalid", "true");
}

test("with JavaScript, one submit shows every field's error", async ({ page }) => {
  await page.goto(OPENING);
  await hydrated(page);
  await submitHalfFilled(page);
  await expectAllErrors(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("one submit shows every field's error", async ({ page }) => {
    await page.goto(OPENING);
    // Without JavaScript the cohort's fields are rendered only for the chosen cohort, after the server's reply.
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("radio", { name: "Student" }).check();
    await page.getByRole("button", { name: "Send application" }).click();
    await expectAllErrors(page);
  });
});
