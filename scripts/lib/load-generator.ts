// The load generator of `npm run bench:web`, in its own process (so its CPU is its own and measured):
// autocannon keeps N connections busy in a closed loop for a bounded time, each connection signed in
// as one of the given users (round robin). Prints one JSON line: counts, latency percentiles, how the
// response cache answered (its X-Cache header), and the CPU this process spent.
//
//   node --import tsx scripts/lib/load-generator.ts '<json: url, path, cookies, connections, seconds, unique>'
import autocannon, { type Request } from "autocannon";

type Job = { url: string; path: string; cookies: string[]; connections: number; seconds: number; unique?: boolean };
const job = JSON.parse(process.argv[2]) as Job;

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

const latencies: number[] = [];
let errors = 0;
let bytes = 0;
const cache = { hit: 0, miss: 0, other: 0 };
let connection = 0;
let n = 0;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.seconds,
  maxOverallRequests: 50_000,
  timeout: 60,
  requests: [
    {
      method: "GET",
      path: job.path,
      // --unique: a new URL each time (an unknown parameter the pages ignore), so every request is a miss.
      ...(job.unique ? { setupRequest: (req: Request) => ({ ...req, path: `${job.path}${job.path.includes("?") ? "&" : "?"}bench=${++n}` }) } : {}),
    },
  ],
  setupClient: (client) => {
    // As a browser asks: gzip is accepted (the cache keeps its pages gzipped too).
    client.setHeaders({ cookie: job.cookies[connection++ % job.cookies.length], "accept-encoding": "gzip, deflate, br" });
    let state: "hit" | "miss" | "other" = "other";
    // (autocannon passes the parser's record, whose headers are a flat [name, value, …] list, not what its types say)
    client.on("headers", (raw: unknown) => {
      const headers = (raw as { headers: string[] }).headers;
      state = "other";
      for (let i = 0; i < headers.length; i += 2) if (headers[i].toLowerCase() === "x-cache") state = headers[i + 1].startsWith("hit") ? "hit" : "miss";
    });
    client.on("response", (status: number, size: number, ms: number) => {
      bytes += size;
      if (status !== 200) errors++;
      else {
        latencies.push(ms);
        cache[state]++;
      }
    });
  },
});
const elapsed = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
latencies.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    requests: latencies.length,
    errors: errors + result.errors + result.timeouts,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    cache,
    cpuMs: (cpu.user + cpu.system) / 1000,
    kb: bytes / 1024 / Math.max(1, latencies.length + errors),
  }),
);
