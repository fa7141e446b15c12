// The shared start-up of `npm start` and `npm run dev`: services, migrations and demo seed under a
// supervisor that restarts a crashed web server or worker (with backoff) and stops everything
// (children first, then services) on Ctrl-C or when a child keeps dying.
import { migrate } from "../db.js";
import { seed, sessionSecret } from "./app.js";
import { onSignals, signalCurrent, StepError, Supervisor } from "./proc.js";
import { ServiceError, startServices, type Services } from "../services.js";

export function createBoot() {
  let services: Services | null = null;
  let exiting = false;
  const sup = new Supervisor((name, code, signal) => {
    console.error(`[handoff] ${name} exited unexpectedly (${signal ?? `code ${code}`}) and keeps dying; stopping everything`);
    void shutdown(1);
  });

  async function stopAll() {
    exiting = true;
    signalCurrent("SIGTERM");
    await sup.stopAll();
    await services?.stop();
  }

  async function shutdown(code: number) {
    if (exiting) return;
    await stopAll();
    process.exit(code);
  }

  onSignals(stopAll);

  /** Services up, migrations applied, demo data seeded; returns the environment for the children. */
  async function prepare(nodeEnv: "production" | "development") {
    services = await startServices({ profile: "app" });
    const port = Number(process.env.PORT ?? 3000);
    const env: NodeJS.ProcessEnv = { ...process.env, ...services.env, NODE_ENV: nodeEnv, SESSION_SECRET: sessionSecret(), PORT: String(port) };
    await migrate(services.databaseUrl);
    await seed(env);
    return { env, port };
  }

  /** Runs `main`, turning a failure into one line and a clean stop. */
  function run(main: () => Promise<void>) {
    main().catch(async (e) => {
      console.error(e instanceof ServiceError || e instanceof StepError ? `error: ${e.message}` : e);
      await shutdown(1);
    });
  }

  return { sup, prepare, shutdown, run, isExiting: () => exiting };
}
