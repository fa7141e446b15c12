// Accounts: an admin invites a manager who signs in from the one-time link; a deactivated account's open
// session is refused at its next click; the audit log shows both changes. Screenshots go to e2e/.screenshots.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./fixtures";
import { receivedMail } from "./mail-server";

const stamp = Date.now();
const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: `e2e/.screenshots/${name}.png`, fullPage });

async function invite(page: Page, name: string, email: string, role: string) {
  await page.goto("/admin");
  const form = page.getByRole("form", { name: "Invite a staff member" });
  await form.getByLabel("Full name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption({ label: role });
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
}

/** The invitation link from the outbox page, where an admin reads every message (sent or not). */
async function linkFromOutbox(page: Page, email: string): Promise<string> {
  await page.goto("/admin/outbox");
  const message = page
    .getByTestId("outbox-message")
    .filter({ hasText: `To ${email}` })
    .first();
  await expect(message).toBeVisible();
  const href = await message.getByRole("link", { name: /\/invite\// }).getAttribute("href");
  return new URL(href!).pathname;
}

async function acceptInvite(browser: Browser, path: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(path);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Type it again").fill(password);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  return page;
}

test("an admin invites a planning manager, who signs in from the link and opens planning", async ({ page, browser }) => {
  const email = `sofia.${stamp}@handoff.example`;
  await signIn(page, "ADMIN");
  await invite(page, "Sofia Ekström", email, "Planning manager");
  const row = page.getByRole("row", { name: new RegExp(email) });
  await expect(row.getByText("Invited")).toBeVisible();
  await shot(page, "admin-accounts", false);

  // Bad input is a 400 with the message next to the field, and what was typed stays.
  const form = page.getByRole("form", { name: "Invite a staff member" });
  await form.getByLabel("Full name").fill("Sofia Again");
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText(`${email} already has an account`)).toBeVisible();
  await expect(form.getByLabel("Full name")).toHaveValue("Sofia Again");

  const path = await linkFromOutbox(page, email);
  await shot(page, "admin-outbox");
  const manager = await acceptInvite(browser, path, "sofia's planning password");
  await expect(manager).toHaveURL(/\/planning$/);
  await expect(manager.getByRole("heading", { level: 1 })).toBeVisible();
  await manager.context().close();

  await page.goto(`/admin?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("row", { name: new RegExp(email) }).getByText("Active")).toBeVisible();
});

test("an invitation is delivered to the mail server, and the outbox says it was sent", async ({ page }) => {
  const email = `elin.${stamp}@handoff.example`;
  await signIn(page, "ADMIN");
  await invite(page, "Elin Mailsson", email, "Recruiter");
  await expect.poll(() => receivedMail().filter((m) => m.to.includes(email)).length, { timeout: 30_000 }).toBe(1);
  const [mail] = receivedMail().filter((m) => m.to.includes(email));
  expect(mail!.raw).toMatch(/Subject: .*invited you to Handoff/);
  expect(mail!.raw.replace(/=\r?\n/g, "")).toMatch(/\/invite\/[A-Za-z0-9_-]+/);
  await page.goto("/admin/outbox");
  const message = page.getByTestId("outbox-message").filter({ hasText: `To ${email}` });
  await expect(message.getByText("sent", { exact: true })).toBeVisible();
});

test("a deactivated account's open session is refused at the next click", async ({ page, browser }) => {
  const email = `jonas.${stamp}@handoff.example`;
  await signIn(page, "ADMIN");
  await invite(page, "Jonas Nyberg", email, "Recruiter");
  const recruiter = await acceptInvite(browser, await linkFromOutbox(page, email), "jonas's recruiting password");
  await expect(recruiter).toHaveURL(/\/recruiting$/);

  await page.goto(`/admin?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name: "Jonas Nyberg" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Jonas Nyberg" })).toBeVisible();
  await page.getByLabel("Role").selectOption({ label: "Planning manager" });
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText("Jonas Nyberg is now planning manager")).toBeVisible();
  await page.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText("Jonas Nyberg is deactivated and signed out everywhere")).toBeVisible();
  await shot(page, "admin-account");

  // The recruiter's tab is still open: its next click lands on sign-in, and signing in is refused.
  await recruiter.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Recruiting" }).click();
  await expect(recruiter).toHaveURL(/\/login/);
  await recruiter.getByLabel("Email", { exact: true }).fill(email);
  await recruiter.getByLabel("Password", { exact: true }).fill("jonas's recruiting password");
  await recruiter.getByRole("button", { name: "Sign in" }).click();
  await expect(recruiter.getByText("This account has been deactivated")).toBeVisible();
  await recruiter.context().close();

  await page.getByRole("link", { name: "Audit log" }).first().click();
  const entries = page.getByTestId("audit-entries");
  await expect(entries.getByText(/deactivated Jonas Nyberg/).first()).toBeVisible();
  await expect(entries.getByText(/changed Jonas Nyberg's role: Recruiter → Planning manager/).first()).toBeVisible();
  await expect(entries.getByText(`invited Jonas Nyberg (${email})`, { exact: false })).toBeVisible();
  await shot(page, "admin-audit");
});

test("an admin cannot deactivate their own account; the button says why", async ({ page }) => {
  await signIn(page, "ADMIN");
  await page.goto("/admin?q=admin%40handoff.example");
  await page
    .getByRole("row", { name: /admin@handoff\.example/ })
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByRole("button", { name: "Deactivate" })).toBeDisabled();
  await expect(page.getByText("You cannot deactivate your own account; another admin can.")).toBeVisible();
});

test("an agent leaves: the admin gives the last working day and the reason, and the account shows them", async ({ page }) => {
  await signIn(page, "ADMIN");
  // A generated demo agent (the named ones sign in in other tests).
  await page.goto("/admin?role=AGENT&status=active&q=agents.handoff.example");
  const link = page.getByRole("row").getByRole("link").last();
  const name = (await link.innerText()).trim();
  await link.click();
  const leaving = page.getByRole("form", { name: "The agent leaves" });
  await expect(leaving.getByLabel("Last working day")).toBeVisible();
  await leaving.getByLabel("Why they left").selectOption({ label: "Took another job" });
  await leaving.getByRole("button", { name: "Deactivate: the agent has left" }).click();
  await expect(page.getByText(`${name} has left and is signed out everywhere`, { exact: false })).toBeVisible();
  await expect(page.getByText("Last working day")).toBeVisible();
  await expect(page.getByText(/· Took another job/)).toBeVisible();
  await page.getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByText(`${name} can sign in again with their password`)).toBeVisible();
});
