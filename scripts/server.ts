// The production web server: static assets, then Remix, with the client's address passed to loaders and actions.
// WEB_CONCURRENCY processes (default 2) share the port through node:cluster; the primary only forks
// them and forks a new one when one dies (the supervisor restarts the primary itself).
import cluster from "node:cluster";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import express from "express";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { env } from "../app/utils/env.server";
import { createResponseCache } from "./lib/response-cache";

const config = env();
const root = path.resolve(import.meta.dirname, "..");

if (config.WEB_CONCURRENCY > 1 && cluster.isPrimary) {
  let stopping = false;
  const deaths: number[] = [];
  const fork = () => cluster.fork();
  for (let i = 0; i < config.WEB_CONCURRENCY; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    deaths.push(now);
    // Ten deaths within a minute: something is wrong for good; let the supervisor see the server die.
    if (deaths.filter((t) => now - t < 60_000).length >= 10) {
      console.error("[web] web processes keep dying; stopping");
      process.exit(1);
    }
    console.error(`[web] web process ${worker.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(fork, 1000);
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    console.log(`[web] ${signal}: closing ${config.WEB_CONCURRENCY} web processes`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), 6_000).unref();
    cluster.on("exit", () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
} else {
  await serve();
}

async function serve() {
  const build = (await import(pathToFileURL(path.join(root, "build/index.js")).href)) as ServerBuild;

  /** Whether a browser says the request comes from another site (Sec-Fetch-Site, else Origin against Host). */
  function isCrossSite(req: express.Request): boolean {
    const site = req.get("Sec-Fetch-Site");
    if (site) return site === "cross-site";
    const origin = req.get("Origin");
    if (!origin || origin === "null") return origin === "null";
    try {
      const host = (req.app.get("trust proxy") && req.get("X-Forwarded-Host")) || req.get("Host");
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }

  const app = express();
  app.disable("x-powered-by");
  if (config.TRUST_PROXY) app.set("trust proxy", true);
  // Refused before Remix sees them: a NUL in the URL (no page takes one, PostgreSQL cannot store one)
  // and a form posted from another site (cookies are SameSite=Lax; this also covers older browsers).
  app.use((req, res, next) => {
    if (/%00|\0/.test(req.originalUrl)) {
      res.status(400).type("text/plain").send("The address contains a NUL character.");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD" && isCrossSite(req)) {
      res.status(403).type("text/plain").send("Forms can only be sent from Handoff's own pages.");
      return;
    }
    next();
  });
  // Remix behind the response cache (decision 090): pages that opted in are answered from memory while
  // the tables they were built from are unchanged.
  const cache = createResponseCache({
    handleRequest: createRequestHandler(build, config.NODE_ENV),
    databaseUrl: config.DATABASE_URL,
    capMb: config.RESPONSE_CACHE_MB,
    getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  });
  app.use(cache.early);
  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
  app.all("*", cache.handler);

  const server = app.listen(config.PORT, () => {
    if (cluster.isPrimary || cluster.worker?.id === 1) console.log(`[web] listening on http://localhost:${config.PORT}`);
  });

  function shutdown(signal: string) {
    console.log(`[web] ${signal}: closing`);
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  }
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}
