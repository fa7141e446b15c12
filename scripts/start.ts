// `npm start`: services → migrations → demo seed → production build → web server + worker.
// Ctrl-C (or SIGTERM) stops the web server and worker, then the services this process started.
// If the web server or the worker dies it is restarted with backoff; one that keeps dying stops everything (non-zero exit).
import { build, demoLogins, startWebAndWorker, waitForHealth } from "./lib/app.js";
import { createBoot } from "./lib/boot.js";

const t0 = Date.now();
const boot = createBoot();

boot.run(async () => {
  const { env, port } = await boot.prepare("production");
  await build(env);
  if (boot.isExiting()) return;
  startWebAndWorker(boot.sup, env);
  if (!(await waitForHealth(port, 60_000, () => !boot.isExiting()))) {
    if (!boot.isExiting()) {
      console.error(`[handoff] the web server did not answer http://127.0.0.1:${port}/healthz within 60 s`);
      await boot.shutdown(1);
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
});
