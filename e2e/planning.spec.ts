// The weekly planning loop end to end: history upload, forecast with live progress, an adjustment
// that lowers agents required, schedule, a hand edit, publish; the agent sees the shift in their own
// zone and downloads the .ics; time off approved by the manager is respected by the next run.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

test.describe.configure({ mode: "serial" });
test.setTimeout(240_000);

function historyCsv(): string {
  // One day of en-chat, two days ago, in the contract's format.
  const day = new Date(Date.now() - 2 * 86_400_000);
  day.setUTCHours(0, 0, 0, 0);
  const lines = ["interval_start,queue,offered,ai_resolved,aht_seconds"];
  for (let i = 0; i < 96; i++) {
    const at = new Date(day.getTime() + i * 15 * 60_000).toISOString().replace(".000Z", "Z");
    const offered = 8 + Math.round(6 * Math.sin((i / 96) * Math.PI) ** 2);
    lines.push(`${at},en-chat,${offered},${Math.floor(offered * 0.6)},420`);
  }
  return lines.join("\n") + "\n";
}

async function waitForScheduleRun(page: Page) {
  await expect(page.getByText("Schedule run started")).toBeVisible();
  await expect(page.getByText(/Building the schedule|Waiting for a worker/)).toBeHidden({ timeout: 120_000 });
  await expect(page.getByText("Requirement covered")).toBeVisible();
}

async function publish(page: Page) {
  await page.getByRole("button", { name: /^Publish/ }).click();
  await expect(page.getByText("Schedule published")).toBeVisible();
}

test("manager plans the week, agent sees it, time off is respected", async ({ page, browser }) => {
  await signIn(page, "MANAGER");

  // 1. History upload: a bad file is refused with its rows, a good one is previewed then imported.
  await page.goto("/planning/queues");
  await page.getByLabel("History file").setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("interval_start,queue,offered,ai_resolved\n2026-11-01T00:00:00Z,en-chat,5,9\nyesterday,en-chat,5,1\n"),
  });
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("upload-errors")).toContainText("2 problems");
  await expect(page.getByTestId("upload-errors")).toContainText("line 2");
  await expect(page.getByTestId("upload-errors")).toContainText("line 3");
  await page.getByLabel("History file").setInputFiles({ name: "en-chat.csv", mimeType: "text/csv", buffer: Buffer.from(historyCsv()) });
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByTestId("upload-preview")).toContainText("96 intervals of 15 min");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Imported 96 intervals")).toBeVisible();

  // 2. Forecast run with a progress bar that reaches 100 %, then the chart.
  await page.goto("/planning/forecast?queue=sv-chat");
  await page.getByRole("button", { name: "Run forecast" }).click();
  await expect(page.getByText("Forecast started")).toBeVisible();
  const bar = page.getByRole("progressbar", { name: "Forecast progress" });
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 120_000 });
  await expect(page.getByText(/Forecast complete/)).toBeVisible();
  await expect(page.getByRole("img", { name: /history and forecast/ })).toBeVisible();

  // 3. Raise containment for the forecast week: the preview shows fewer agent hours; apply it.
  while (await page.getByRole("button", { name: "Revert" }).count()) {
    await page.getByRole("button", { name: "Revert" }).first().click();
    await expect(page.getByText("Adjustment reverted")).toBeVisible();
  }
  await page.getByLabel("AI containment, %").fill("85");
  await page.getByLabel("Reason").fill("New AI release handles disputes");
  await page.getByRole("button", { name: "Preview effect" }).click();
  const preview = page.getByTestId("adjust-preview");
  await expect(preview).toBeVisible();
  const [before, after] = (await preview.locator("dd").allInnerTexts()).slice(0, 2).map((t) => Number(t.replace(/[^\d.]/g, "")));
  expect(after).toBeLessThan(before);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("Adjustment applied to sv-chat")).toBeVisible();
  await expect(page.locator("main li", { hasText: "New AI release handles disputes" }).filter({ hasText: "active" })).toHaveCount(1);

  // 4. Schedule run, a rule-breaking edit refused with its reason, a valid edit saved, publish.
  await page.goto("/planning/schedule");
  await page.getByRole("button", { name: /run schedule/i }).click();
  await waitForScheduleRun(page);
  await page
    .getByRole("link", { name: /^Aino Virtanen, / })
    .first()
    .click();
  const editor = page.locator("#edit-shift");
  await expect(editor).toBeVisible();
  const end = await editor.getByLabel("End").inputValue();
  const shorter = end.replace(/T(\d\d)/, (_, h) => `T${String(Number(h) - 1).padStart(2, "0")}`);
  await editor.getByLabel("End").fill(shorter);
  await editor.getByRole("button", { name: "Save shift" }).click();
  await expect(page.getByRole("alert")).toContainText("breaks a rule");
  await editor.getByLabel("End").fill(end);
  const startStockholm = await editor.getByLabel("Start", { exact: true }).inputValue(); // the manager works in Europe/Stockholm
  const queue = await editor.getByLabel("Queue").inputValue();
  const other = queue === "en-chat" ? "fi-chat" : "en-chat";
  await editor.getByLabel("Queue").selectOption(other);
  await editor.getByRole("button", { name: "Save shift" }).click();
  await expect(page.getByText("Shift updated")).toBeVisible();
  await publish(page);

  // 5. The agent sees the shift in their own zone (Helsinki) and downloads the .ics.
  const agentContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const agent = await agentContext.newPage();
  await signIn(agent, "AGENT");
  await expect(agent.getByText(/Times in your zone, Europe\/Helsinki/)).toBeVisible();
  const days = agent.getByTestId("shift-days");
  await expect(days).toContainText(other);
  // The edited shift, shown in Helsinki time: one hour later than the manager's Stockholm time.
  const [date, time] = startStockholm.split("T");
  const helsinki = `${String(Number(time.slice(0, 2)) + 1).padStart(2, "0")}:${time.slice(3)}–`;
  await expect(days.locator(`li[data-date="${date}"]`)).toContainText(helsinki);
  const next = await agent.getByTestId("next-shift").innerText();
  expect(next).toMatch(/\d\d:\d\d–\d\d:\d\d/);
  const download = agent.waitForEvent("download");
  await agent.getByRole("link", { name: "Download .ics" }).click();
  const ics = await (await download).createReadStream();
  const text = await new Promise<string>((resolve) => {
    let body = "";
    ics.on("data", (c) => (body += c));
    ics.on("end", () => resolve(body));
  });
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text).toContain(`Shift: ${other}`);

  // 6. Time off for the day of the first shift of the scheduled week; the manager approves; the next run respects it.
  const firstDay = agent.getByTestId("shift-days").locator("li", { hasText: other }).first();
  const iso = (await firstDay.getAttribute("data-date"))!;
  await agent.goto("/shifts/requests");
  await agent.getByLabel("From").fill(`${iso}T00:00`);
  await agent.getByLabel("Until").fill(`${iso}T23:45`);
  await agent.getByLabel("Reason").fill("Exam at the university");
  await agent.getByRole("button", { name: "Request time off" }).click();
  await expect(agent.getByTestId("time-off-list")).toContainText("pending");

  await page.goto("/planning/requests");
  await page.getByRole("button", { name: "Approve time off for Aino Virtanen" }).click();
  await expect(page.getByText("Time off approved")).toBeVisible();
  await page.goto("/planning/schedule");
  await page.getByRole("button", { name: /run schedule/i }).click();
  await waitForScheduleRun(page);
  await publish(page);

  await agent.goto("/shifts");
  const sameDay = agent.getByTestId("shift-days").locator(`li[data-date="${iso}"]`);
  await expect(sameDay).toContainText("Free");
  await agentContext.close();
});
