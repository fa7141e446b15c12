// `npm start`: services → migrations → demo seed → production build → web server + worker.
// Ctrl-C (or SIGTERM) stops the web server and worker, then the services this process started.
// If the web server or the worker dies, everything stops and the exit code is non-zero.
import { migrate } from "./db.js";
import { build, demoLogins, seed, sessionSecret, startWebAndWorker, waitForHealth } from "./lib/app.js";
import { onSignals, signalCurrent, StepError, Supervisor } from "./lib/proc.js";
import { ServiceError, startServices, type Services } from "./services.js";

const t0 = Date.now();
let services: Services | null = null;
let exiting = false;
const sup = new Supervisor((name, code, signal) => {
  console.error(`[handoff] ${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything`);
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
    NODE_ENV: "production",
    SESSION_SECRET: sessionSecret(),
    PORT: String(port),
  };
  await migrate(services.databaseUrl);
  await seed(env);
  await build(env);
  if (exiting) return;
  startWebAndWorker(sup, env);
  if (!(await waitForHealth(port, 60_000, () => !exiting))) {
    if (!exiting) {
      console.error(`[handoff] the web server did not answer http://127.0.0.1:${port}/healthz within 60 s`);
      await shutdown(1);
    }
    return;
  }
  const logins = await demoLogins();
  const width = Math.max(...logins.map((l) => l.role.length), 4);
  console.log(
    [
      "",
      `Handoff is running at http://localhost:${port}  (ready in ${((Date.now() - t0) / 1000).toFixed(1)} s; Ctrl-C stops it)`,
      ...(logins.length ? ["Demo logins:", ...logins.map((l) => `  ${l.role.padEnd(width)}  ${l.email}  /  ${l.password}`)] : []),
      "",
    ].join("\n"),
  );
}

main().catch(async (e) => {
  console.error(e instanceof ServiceError || e instanceof StepError ? `error: ${e.message}` : e);
  await shutdown(1);
});
