// Entry of the bound's worker thread (bound-thread.ts): registers tsx so the TypeScript engine loads here as on the main thread.
import { register } from "tsx/esm/api";

register();
const { serveBound } = await import("./bound-thread.ts");
await serveBound();
