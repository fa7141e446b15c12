// Sign-in, role homes, the 403 page, sign-out, and bad input on the sign-in form.
import { expect, test } from "@playwright/test";
import { demoLogin, signIn } from "./fixtures";

const HOMES = [
  { role: "ADMIN", path: "/admin", heading: "Administration" },
  { role: "MANAGER", path: "/planning", heading: /Good to see you, Maja/ },
  { role: "RECRUITER", path: "/recruiting", heading: /Pipeline, Rasmus/ },
  { role: "AGENT", path: "/shifts", heading: /Hi Aino/ },
] as const;

for (const home of HOMES) {
  test(`${home.role.toLowerCase()} signs in and lands on their home`, async ({ page }) => {
    await signIn(page, home.role);
    await expect(page).toHaveURL(new RegExp(`${home.path}$`));
    await expect(page.getByRole("heading", { level: 1, name: home.heading })).toBeVisible();
  });
}

test("an agent opening a manager or recruiter page gets the 403 page", async ({ page }) => {
  await signIn(page, "AGENT");
  for (const path of ["/planning", "/recruiting", "/jobs", "/admin"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  }
  // The navigation offers the agent only what the agent may open.
  await page.goto("/shifts");
  const nav = page.getByRole("navigation", { name: "Main" }).first();
  await expect(nav.getByRole("link", { name: "My shifts" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Planning" })).toHaveCount(0);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "MANAGER");
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/planning");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fplanning$/);
});

test("a wrong password gets a clear message and keeps the email", async ({ page }) => {
  const { email } = demoLogin("RECRUITER");
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("don't match an account");
  await expect(page.getByLabel("Email")).toHaveValue(email);
});

test("the sign-in form posted empty or with a 10 kB email gets field errors, never a 500", async ({ request }) => {
  const empty = await request.post("/login", { form: {}, maxRedirects: 0 });
  expect(empty.status()).toBe(400);

  const huge = await request.post("/login", { form: { email: `${"a".repeat(10_000)}@handoff.example`, password: "x" }, maxRedirects: 0 });
  expect(huge.status()).toBe(400);
  expect(await huge.text()).toContain("That email address is too long");
});

test("a signed-out visitor to an unknown address gets the 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the empty sign-in form shows field errors in the browser", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address")).toBeVisible();
  await expect(page.getByText("Enter your password")).toBeVisible();
});
