// Vitest collects unit and integration tests only; Playwright owns e2e/.
import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["app/**/*.test.ts", "jobs/**/*.test.ts", "scripts/**/*.test.ts", "prisma/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share one test database; files run one at a time so they never race on it.
    fileParallelism: false,
    env: { NODE_ENV: "test", SESSION_SECRET: process.env.SESSION_SECRET ?? "test-session-secret-not-for-production" },
  },
});
