// Runs the built app's web server and worker until SIGTERM/SIGINT; exits non-zero if either dies.
// Used by Playwright's webServer (playwright.config.ts); expects DATABASE_URL, REDIS_URL,
// BULLMQ_PREFIX, SESSION_SECRET and PORT in the environment and an existing build/.
import { startWebAndWorker } from "./lib/app.js";
import { onSignals, Supervisor } from "./lib/proc.js";

const sup = new Supervisor((name, code, signal) => {
  console.error(`[serve] ${name} exited unexpectedly (${signal ?? code}); stopping`);
  void sup.stopAll().then(() => process.exit(1));
});
onSignals(() => sup.stopAll());
startWebAndWorker(sup, { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" });
