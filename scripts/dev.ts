// `npm run dev`: services → migrations → demo seed → `remix dev` (live reload, served by
// remix-serve) and the worker under `tsx watch` (restarts on change). Ctrl-C stops everything.
import path from "node:path";
import { createBoot } from "./lib/boot.js";
import { bin } from "./lib/proc.js";
import { ROOT } from "./services.js";

const boot = createBoot();

boot.run(async () => {
  const { env, port } = await boot.prepare("development");
  if (boot.isExiting()) return;
  boot.sup.start("remix", bin("remix"), ["dev"], env);
  boot.sup.start("worker", bin("tsx"), ["watch", "--clear-screen=false", path.join(ROOT, "jobs", "worker.ts")], env);
  console.log(`[handoff] development server starting on http://localhost:${port} (Ctrl-C stops it)`);
});
