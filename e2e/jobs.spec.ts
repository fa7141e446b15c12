// The Jobs page: a manager starts the demo history import and watches its progress reach completed.
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

test("the demo history import shows live progress up to completed", async ({ page }) => {
  await signIn(page, "MANAGER");
  await page.getByRole("link", { name: "Jobs" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();

  await page.getByRole("button", { name: "Import demo history" }).click();
  await expect(page.getByText("Demo history import queued")).toBeVisible();

  // The import's own row: newest first, a recurring job's next run (due later) can sort above it.
  const row = page.getByTestId("job-row").filter({ hasText: "Demo history import" }).first();
  const bar = row.getByRole("progressbar");
  // Progress moves through intermediate values while the job runs…
  const seen = new Set<string>();
  await expect
    .poll(
      async () => {
        seen.add((await bar.getAttribute("aria-valuenow")) ?? "");
        return row.getAttribute("data-state");
      },
      { timeout: 90_000, intervals: [250] },
    )
    .toBe("completed");
  await expect(bar).toHaveAttribute("aria-valuenow", "100");
  await expect(row).toContainText("intervals across 7 queues");
  expect([...seen].some((v) => Number(v) > 0 && Number(v) < 100)).toBe(true);
});
