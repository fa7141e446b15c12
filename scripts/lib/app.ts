// The two long-running processes of Handoff — web server and BullMQ worker — and the steps that
// prepare them (migrate, seed, build). Shared by start.ts, dev.ts, serve.ts and test.ts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR, ROOT } from "../services.js";
import { bin, DEFAULT_RESTART, must, Supervisor } from "./proc.js";

/** SESSION_SECRET from the environment, else one generated once into .data/session-secret. */
export function sessionSecret(): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = path.join(DATA_DIR, "session-secret");
  if (existsSync(file)) {
    const s = readFileSync(file, "utf8").trim();
    if (s.length >= 16) return s;
  }
  mkdirSync(DATA_DIR, { recursive: true });
  const s = randomBytes(32).toString("hex");
  writeFileSync(file, `${s}\n`, { mode: 0o600 });
  console.log(`[handoff] generated SESSION_SECRET into ${path.relative(ROOT, file)}`);
  return s;
}

/** Seed the demo data (prisma/seed.ts is idempotent). */
export async function seed(env: NodeJS.ProcessEnv) {
  const file = path.join(ROOT, "prisma", "seed.ts");
  if (!existsSync(file)) {
    console.log("[handoff] prisma/seed.ts does not exist yet; skipping the seed");
    return;
  }
  console.log("[handoff] seeding demo data");
  await must("seed (prisma/seed.ts)", bin("tsx"), [file], { env });
}

/** Production build of the Remix app into build/ and public/build/. */
export async function build(env: NodeJS.ProcessEnv) {
  console.log("[handoff] building the app (remix build)");
  await must("remix build", bin("remix"), ["build"], { env: { ...env, NODE_ENV: "production" } });
}

/** A TypeScript entry point run by Node itself with tsx's loader: [command, args]. */
export function tsNode(file: string): [string, string[]] {
  return [process.execPath, ["--import", "tsx", file]];
}

/** Start the production web server and the worker under `sup`. */
export function startWebAndWorker(sup: Supervisor, env: NodeJS.ProcessEnv) {
  const server = path.join(ROOT, "scripts", "server.ts");
  // Both come back after a crash (a stalled job is picked up again by the restarted worker). They run
  // as `node --import tsx`, one process each (the tsx command would put its own process in between,
  // and a crash of the real server behind it, or a kill of the wrapper, would go unseen).
  if (existsSync(server)) sup.start("web", ...tsNode(server), env, DEFAULT_RESTART);
  else sup.start("web", bin("remix-serve"), ["./build/index.js"], env, DEFAULT_RESTART);
  sup.start("worker", ...tsNode(path.join(ROOT, "jobs", "worker.ts")), env, DEFAULT_RESTART);
}

/** Poll GET /healthz until it answers 200 (or the deadline passes). */
export async function waitForHealth(port: number, timeoutMs = 60_000, alive: () => boolean = () => true): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && alive()) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3000) });
      if (r.status === 200) return true;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** The demo logins, from prisma/demo-logins.ts. */
export async function demoLogins(): Promise<ReadonlyArray<{ role: string; email: string; password: string }>> {
  try {
    const mod = (await import(path.join(ROOT, "prisma", "demo-logins.ts"))) as {
      DEMO_LOGINS: ReadonlyArray<{ role: string; email: string; password: string }>;
    };
    return mod.DEMO_LOGINS;
  } catch {
    return [];
  }
}
