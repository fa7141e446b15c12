// Turns on single-fetch types for loaders and actions (future.v3_singleFetch in remix.config.js).
import "@remix-run/node";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    /** The requester's address as the web server saw it (scripts/server.ts); absent under `remix dev`. */
    clientIp?: string;
  }
}
