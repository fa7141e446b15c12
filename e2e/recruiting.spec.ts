// Recruiting end to end: a student applies, is found, dragged through the board, scored, hired, and signs in with the invitation.
import { expect, test, type Page } from "@playwright/test";
import { hydrated, signIn } from "./fixtures";

/** Drags the card onto the stage's column and waits until the server has recorded the move. */
async function dragOnBoard(page: Page, name: string, to: string) {
  const card = page.getByTestId("applicant-card").filter({ hasText: name });
  const column = page.locator(`[data-stage="${to}"]`);
  const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.ok());
  await card.dragTo(column.getByRole("heading"));
  await saved;
  await expect(column.getByTestId("applicant-card").filter({ hasText: name })).toBeVisible();
}

// Tall enough that the whole board fits: a drag that scrolls the page picks up whatever card lands under the pointer.
test.use({ viewport: { width: 1600, height: 2400 } });

test("a student applies, is found, moved through the board, scored, hired, and signs in with the invitation", async ({ page, browser }) => {
  const stamp = Date.now();
  // A name of its own per run, so reruns against the same database never find two cards.
  const first = ["Saana", "Pinja", "Oona", "Ronja", "Hilla", "Vilja", "Minea", "Jenni"][stamp % 8];
  const last = ["Lehtinen", "Kallio", "Peltonen", "Honkanen", "Vainio", "Karjalainen", "Ahonen", "Tuominen", "Rautio", "Hakala", "Seppälä"][
    Math.floor(stamp / 8) % 11
  ];
  const name = `${first} ${last}`;
  const email = `${first}.${last}.${stamp}@mail.example`.toLowerCase().replace(/ä/g, "a");

  // The student applies on the public careers page.
  await page.goto("/careers");
  await hydrated(page);
  await page.getByLabel("Language").selectOption("fi");
  await page.getByRole("link", { name: "Finnish chat agents — evenings and weekends" }).click();
  await hydrated(page);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Your time zone").selectOption("Europe/Helsinki");
  await page.getByLabel("Level").selectOption("NATIVE");
  await page.getByRole("radio", { name: "Student" }).check();
  await page.getByLabel("School or university").fill("Tampere University");
  await page.getByLabel("Expected graduation").fill("2028-06");
  await page.getByLabel("Term-time cap (hours a week)").fill("20");
  await page.getByRole("button", { name: "Add a time range" }).click();
  const second = page.getByRole("listitem", { name: "Time range 2" });
  await second.getByLabel("Day").selectOption("5");
  await second.getByLabel("From").fill("10:00");
  await second.getByLabel("To").fill("16:00");
  await page.getByLabel("Hours you'd like per week").fill("15");
  await page.getByLabel("A quiet room I can close").check();
  await page.getByLabel("A headset with a microphone").check();
  await page.getByLabel(/I agree that Handoff keeps/).check();
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByRole("heading", { name: /we have your application/ })).toBeVisible();

  // The recruiter (Copenhagen, an hour behind Helsinki) finds her with filters, including weekday availability 16–18.
  await signIn(page, "RECRUITER");
  await page.goto("/recruiting/applicants");
  await page.getByLabel("Search name or email").fill(email);
  await page.getByLabel("Language").selectOption("fi");
  await page.getByLabel("Cohort").selectOption("student");
  await page.locator("#availDays").selectOption("weekdays");
  await page.getByLabel("Available from").fill("16:00");
  await page.getByLabel("Available until").fill("18:00");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("applicant-row")).toHaveCount(1);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // On the board: drag to Screening, move to Assessment with the keyboard, drag on to Interview.
  await page.getByRole("link", { name: /Finnish chat agents/ }).click();
  await dragOnBoard(page, name, "Screening");
  const menu = page.locator('[data-stage="Screening"]').getByTestId("applicant-card").filter({ hasText: name }).getByText("Move", { exact: false });
  await menu.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "To Assessment" }).focus();
  const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.ok());
  await page.keyboard.press("Enter");
  await saved;
  await expect(page.locator('[data-stage="Assessment"]').getByTestId("applicant-card").filter({ hasText: name })).toBeVisible();
  await page.reload();
  await dragOnBoard(page, name, "Interview");

  // Interview, scorecard, then hire from the applicant page.
  await page.locator('[data-stage="Interview"]').getByRole("link", { name }).click();
  await page.getByLabel(/Starts \(your time/).fill("2026-12-03T15:00");
  await page.getByLabel("Meeting link").fill("https://meet.example/saana");
  await page.getByRole("button", { name: "Schedule interview" }).click();
  await expect(page.getByTestId("interview")).toContainText("3 Dec 2026, 15:00");
  const ics = await page.request.get((await page.getByRole("link", { name: "Download .ics" }).getAttribute("href")) ?? "");
  expect(await ics.text()).toContain("BEGIN:VEVENT");
  for (const label of ["Language fluency", "Empathy", "Written clarity", "Problem solving"]) await page.getByLabel(`${label}: 4`).check({ force: true });
  await page.getByLabel("Recommendation").selectOption("STRONG_YES");
  await page.getByRole("button", { name: "Save scorecard" }).click();
  await expect(page.getByTestId("scorecard")).toContainText("Strong yes");
  await page.getByLabel("Move to stage").selectOption({ label: "Offer" });
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByTestId("timeline")).toContainText("Moved from Interview to Offer");
  await page.getByLabel("Start date").fill("2027-01-11");
  // Her term-time cap bounds the contract (the server refuses more too; see hire.server.test.ts).
  await expect(page.getByLabel("Most h/week")).toHaveAttribute("max", "20");
  await page.getByLabel("Most h/week").fill("20");
  await page.getByRole("button", { name: "Hire and send invitation" }).click();
  await expect(page.getByTestId("timeline")).toContainText("Moved from Offer to Hired");

  // The invitation lands in the outbox, where an admin can read it.
  const admin = await browser.newPage();
  await signIn(admin, "ADMIN");
  await admin.goto("/admin/outbox");
  const message = admin.getByTestId("outbox-message").filter({ hasText: email });
  const link = await message.getByRole("link").first().getAttribute("href");
  expect(link).toMatch(/\/invite\//);
  await admin.close();

  // The new agent follows the link, sets a password and sees their profile.
  const agent = await browser.newPage();
  await agent.goto(new URL(link!).pathname);
  await agent.getByLabel("New password").fill("aurora-borealis-42");
  await agent.getByLabel("Type it again").fill("aurora-borealis-42");
  await agent.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(agent.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(agent.getByText("Finnish chat")).toBeVisible();
  await expect(agent.getByText("8–20 h")).toBeVisible();
  // The link works once.
  await agent.goto(new URL(link!).pathname);
  await expect(agent.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await agent.close();
});

test("a CSV with three bad rows is refused with those line numbers, and nothing is imported until asked", async ({ page }) => {
  const stamp = Date.now();
  const header =
    "opening,name,email,phone,country,region,time_zone,languages,cohort,school,graduation,term_time_cap_hours,municipality,customer_since,customer_id,availability,hours_wanted,quiet_room,headset,broadband_mbps,source";
  const good = (n: number, name: string) =>
    `danish-chat-students,${name},${name.split(" ")[0].toLowerCase()}.${stamp}.${n}@mail.example,+45 20 12 34 5${n},DK,Aarhus,Europe/Copenhagen,da:NATIVE;en:C1,student,Aarhus University,2028-06,18,,,,"Mon 17:00-21:00;Sat 10:00-14:00",15,yes,yes,500,university`;
  const csv = [
    header,
    good(1, "Freja Dahl"),
    `danish-chat-students,Mads Holm,not-an-email,,DK,,Europe/Copenhagen,da:NATIVE,student,Aarhus University,2028-06,18,,,,Mon 17:00-21:00,15,yes,yes,,university`,
    good(2, "Ida Krogh"),
    `no-such-opening,Emil Vestergaard,emil.${stamp}@mail.example,,DK,,Europe/Copenhagen,da:NATIVE,student,Aarhus University,2028-06,18,,,,Mon 17:00-21:00,15,yes,yes,,university`,
    `danish-chat-students,Laura Friis,laura.${stamp}@mail.example,,DK,,Europe/Copenhagen,da:NATIVE,student,Aarhus University,2028-06,18,,,,Mon 21:00-17:00,30,yes,yes,,university`,
  ].join("\n");

  await signIn(page, "RECRUITER");
  await page.goto("/recruiting/import");
  await page.getByLabel(/CSV file/).setInputFiles({ name: "job-fair.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check file" }).click();
  const errors = page.getByTestId("import-errors").getByRole("listitem");
  await expect(errors).toHaveCount(3);
  await expect(errors.nth(0)).toContainText("Line 3");
  await expect(errors.nth(0)).toContainText("email");
  await expect(errors.nth(1)).toContainText("Line 5");
  await expect(errors.nth(1)).toContainText("opening");
  await expect(errors.nth(2)).toContainText("Line 6");
  await expect(errors.nth(2)).toContainText("term-time cap");

  // Nothing was imported by checking the file: the export of matching applicants is just its header.
  const before = await page.request.get(`/recruiting/applicants.csv?q=${stamp}`);
  expect((await before.text()).trim().split("\n")).toHaveLength(1);

  // Only an explicit choice imports the valid rows.
  await page.getByRole("button", { name: "Import only the 2 valid rows" }).click();
  await expect(page).toHaveURL(/source=import/);
  await page.goto(`/recruiting/applicants?q=${stamp}`);
  await expect(page.getByTestId("applicant-row")).toHaveCount(2);
});

test("an erased applicant's name appears nowhere", async ({ page, request }) => {
  const stamp = Date.now();
  const name = `Tuulikki Harjunpää`;
  const email = `tuulikki.${stamp}@mail.example`;
  const form = {
    name,
    email,
    country: "FI",
    timeZone: "Europe/Helsinki",
    "languages[0].language": "fi",
    "languages[0].level": "NATIVE",
    cohort: "loyal-customer",
    customerSince: "2016",
    "availability[0].day": "2",
    "availability[0].from": "09:00",
    "availability[0].to": "13:00",
    hoursWanted: "12",
    source: "customer-newsletter",
    consent: "on",
  };
  const applied = await request.post("/careers/finnish-chat-evenings", { form, maxRedirects: 0 });
  expect(applied.status()).toBe(302);

  await signIn(page, "RECRUITER");
  await page.goto(`/recruiting/applicants?q=${encodeURIComponent(email)}`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const applicantUrl = page.url();
  await page.getByLabel("New note").fill(`${name} prefers Wednesday mornings.`);
  await page.getByRole("button", { name: "Add note" }).click();
  await page.getByLabel(/Erase Tuulikki/).check();
  await page.getByRole("button", { name: "Erase applicant" }).click();
  await expect(page).toHaveURL(/\/recruiting\/applicants$/);

  for (const path of [`/recruiting/applicants?q=${encodeURIComponent("Harjunpää")}`, "/recruiting/applicants", "/recruiting"]) {
    await page.goto(path);
    await expect(page.getByText("Harjunpää")).toHaveCount(0);
  }
  expect((await page.goto(applicantUrl))?.status()).toBe(404);
  const exported = await page.request.get("/recruiting/applicants.csv");
  expect(await exported.text()).not.toContain("Harjunpää");
  const board = await page.request.get("/recruiting/applicants.csv?q=tuulikki");
  expect(await board.text()).not.toContain(email);
});

test("agents never see applicants, and guessed ids show nothing", async ({ page }) => {
  await signIn(page, "RECRUITER");
  await page.goto("/recruiting/applicants");
  const href = await page.getByTestId("applicant-row").first().getByRole("link").first().getAttribute("href");
  const applicantPath = new URL(href!, "http://x").pathname;
  expect((await page.goto("/recruiting/applicants/cl0000000000000000000000"))?.status()).toBe(404);
  expect((await page.request.get("/recruiting/interviews/cl0000000000000000000000/calendar.ics")).status()).toBe(404);
  await page.getByRole("button", { name: "Sign out" }).first().click();

  await signIn(page, "AGENT");
  for (const path of [
    applicantPath,
    `${applicantPath}/export.json`,
    "/recruiting/applicants",
    "/recruiting/applicants.csv",
    "/recruiting/reports",
    "/recruiting/import",
    "/admin/outbox",
  ]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(403);
  }
  // The careers page shows only open openings: a draft's address is a 404 for everyone.
  expect((await page.request.get("/careers/icelandic-chat-pilot")).status()).toBe(404);
});
