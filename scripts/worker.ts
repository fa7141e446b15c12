// `npm run worker`: one more BullMQ worker beside a running `npm start` (or against DATABASE_URL /
// REDIS_URL), supervised like the first: restarted with backoff when it crashes, stopped by Ctrl-C.
import path from "node:path";
import { sessionSecret, tsNode } from "./lib/app.js";
import { DEFAULT_RESTART, onSignals, Supervisor } from "./lib/proc.js";
import { ROOT, startServices } from "./services.js";

const services = await startServices({ profile: "app" });
const sup = new Supervisor((name, code, signal) => {
  console.error(`[handoff] ${name} keeps dying (${signal ?? `code ${code}`}); stopping`);
  void sup
    .stopAll()
    .then(() => services.stop())
    .then(() => process.exit(1));
});
onSignals(async () => {
  await sup.stopAll();
  await services.stop();
});
sup.start(
  "worker",
  ...tsNode(path.join(ROOT, "jobs", "worker.ts")),
  { ...process.env, ...services.env, NODE_ENV: "production", SESSION_SECRET: sessionSecret() },
  DEFAULT_RESTART,
);
console.log("[handoff] extra worker running (Ctrl-C stops it)");
