// The production web server: static assets, then Remix, with the client's address passed to loaders and actions.
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { env } from "../app/utils/env.server";

const config = env();
const root = path.resolve(import.meta.dirname, "..");
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
app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: config.NODE_ENV,
    getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown" }),
  }),
);

const server = app.listen(config.PORT, () => {
  console.log(`[web] listening on http://localhost:${config.PORT}`);
});

function shutdown(signal: string) {
  console.log(`[web] ${signal}: closing`);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
