// Preloaded (node --require) into the Prisma CLI by scripts/db.ts.
// Prisma 6.19's JS schema engine (WebAssembly) arms a 10 s timer for every command and never
// clears it, so `prisma migrate …` lingers 10 s after its work is done. Timers armed from the
// WebAssembly engine are unref'd: they still fire if the CLI is busy, but no longer keep an
// otherwise finished process alive.
"use strict";
const original = global.setTimeout;
global.setTimeout = function setTimeout(fn, ms, ...args) {
  const timer = original.call(this, fn, ms, ...args);
  if (typeof ms === "number" && ms >= 1000 && /wasm-function/.test(new Error().stack || "")) timer.unref();
  return timer;
};
