// `npm run dev`: services → migrations → demo seed → `remix dev` (live reload, served by
// remix-serve) and the worker under `tsx watch` (restarts on change). Ctrl-C stops everything.
import path from "node:path";
import { migrate } from "./db.js";
import { seed, sessionSecret } from "./lib/app.js";
import { bin, onSignals, signalCurrent, StepError, Supervisor } from "./lib/proc.js";
import { ROOT, ServiceError, startServices, type Services } from "./services.js";

let services: Services | null = null;
let exiting = false;
const sup = new Supervisor((name, code, signal) => {
  console.error(`[handoff] ${name} exited (${signal ?? `code ${code}`}); stopping everything`);
  void shutdown(1);
});

async function shutdown(code: number) {
  if (exiting) return;
  exiting = true;
  signalCurrent("SIGTERM");
  await sup.stopAll();
  await services?.stop();
  process.exit(code);
}

onSignals(async () => {
  exiting = true;
  signalCurrent("SIGTERM");
  await sup.stopAll();
  await services?.stop();
});

async function main() {
  services = await startServices({ profile: "app" });
  const port = Number(process.env.PORT ?? 3000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...services.env,
    NODE_ENV: "development",
    SESSION_SECRET: sessionSecret(),
    PORT: String(port),
  };
  await migrate(services.databaseUrl);
  await seed(env);
  if (exiting) return;
  sup.start("remix", bin("remix"), ["dev"], env);
  sup.start("worker", bin("tsx"), ["watch", "--clear-screen=false", path.join(ROOT, "jobs", "worker.ts")], env);
  console.log(`[handoff] development server starting on http://localhost:${port} (Ctrl-C stops it)`);
}

main().catch(async (e) => {
  console.error(e instanceof ServiceError || e instanceof StepError ? `error: ${e.message}` : e);
  await shutdown(1);
});
