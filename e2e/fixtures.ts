// Shared steps for end-to-end tests: signing in as a demo person of a given role; a forecast for the schedule page.
import { expect, type Page } from "@playwright/test";
import { DEMO_LOGINS } from "../prisma/demo-logins";

export type DemoRole = (typeof DEMO_LOGINS)[number]["role"];

export function demoLogin(role: DemoRole) {
  const login = DEMO_LOGINS.find((l) => l.role === role);
  if (!login) throw new Error(`no demo login for ${role}`);
  return login;
}

/** Waits until React has hydrated the current document (the root sets data-hydrated on <html>). */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export async function signIn(page: Page, role: DemoRole) {
  const { email, password } = demoLogin(role);
  // A fresh session each time: signing in as a second role must not land on the first role's home.
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Runs a forecast from the forecast page when the schedule page says none covers its week (specs that schedule need one). */
export async function ensureForecast(page: Page) {
  await page.goto("/planning/schedule");
  if (await page.getByText("No forecast covers this week").isHidden()) return;
  await page.goto("/planning/forecast");
  await page.getByRole("button", { name: "Run forecast" }).click();
  await expect(page.getByRole("progressbar", { name: "Forecast progress" })).toHaveAttribute("aria-valuenow", "100", { timeout: 120_000 });
}
