// End-to-end tests in Debian's Chromium (/usr/bin/chromium; `npm test` installs it with apt when
// missing). The web server and worker of the built app run on E2E_PORT (3100) against the test
// services whose DATABASE_URL / REDIS_URL / BULLMQ_PREFIX scripts/test.ts puts in the environment.
import { defineConfig, devices } from "@playwright/test";
import { E2E_SMTP_PORT } from "./e2e/mail-server";

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = "1";
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  // A real SMTP server on loopback: the app delivers every message to it, as it would to a mail provider.
  globalSetup: "./e2e/mail-server.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results",
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node_modules/.bin/tsx scripts/serve.ts",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      // Schedule runs in the tests search briefly; the solver keeps its best schedule at the limit.
      SCHEDULE_TIME_LIMIT_SECONDS: "4",
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      SESSION_SECRET: process.env.SESSION_SECRET ?? "e2e-session-secret-not-for-production",
    },
  },
});
