// The process environment, parsed once with zod; a bad value stops the process with one line naming it.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// URL" }),
  BULLMQ_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]+$/i, "letters, digits, : _ - only")
    .default("handoff"),
  SESSION_SECRET: z.string().min(16, "must be at least 16 characters"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  APP_URL: z.url().optional(),
  TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  /**
   * Web server processes sharing the port (node:cluster): two on two cores, so one slow request does
   * not stall the cheap pages behind it. 1 runs the server in a single process.
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** Each web process's response cache, in MB (decision 090); 0 turns it off. */
  RESPONSE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  /** How long a schedule run searches; the best schedule found by then is kept. */
  SCHEDULE_TIME_LIMIT_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  /** How long a worker's claim on a job lasts without renewal: a killed worker's job is taken up again after it. */
  WORKER_LOCK_SECONDS: z.coerce.number().int().min(2).max(600).default(30),
  /** The mail server, e.g. smtps://user:pass@mail.example.com:465; unset keeps every message in the outbox. */
  SMTP_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional()),
  /** The sender of every message. */
  MAIL_FROM: z.string().trim().min(3).max(200).default("Handoff <no-reply@handoff.example>"),
});

export type Env = z.infer<typeof schema>;

/** Formats the first problem as `VARIABLE: reason (got "value")`, the one line an operator needs. */
export function describeEnvError(error: z.ZodError, source: Record<string, string | undefined>): string {
  const issue = error.issues[0];
  const name = String(issue?.path[0] ?? "environment");
  const value = source[name];
  const got = value === undefined ? "it is not set" : `got "${value.length > 60 ? value.slice(0, 57) + "..." : value}"`;
  const reason = issue?.message && !/^Invalid input/.test(issue.message) ? issue.message : "invalid value";
  return `${name}: ${reason} (${got})`;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) throw new EnvError(describeEnvError(result.error, source));
  return result.data;
}

export class EnvError extends Error {}

let cached: Env | undefined;

function exitWith(error: unknown): never {
  if (!(error instanceof EnvError)) throw error;
  console.error(`Invalid environment: ${error.message}`);
  process.exit(1);
}

/** The parsed environment; exits the process with one line on the first bad variable. */
export function env(): Env {
  if (cached) return cached;
  try {
    cached = parseEnv(process.env);
  } catch (error) {
    exitWith(error);
  }
  return cached;
}

/** Only the named variables, for tools (seed, scripts) that need a database but no web session or Redis. */
export function envOnly<K extends keyof Env>(...keys: K[]): Pick<Env, K> {
  if (cached) return cached;
  const mask = Object.fromEntries(keys.map((k) => [k, true]));
  const result = schema.pick(mask as Record<keyof Env, true>).safeParse(process.env);
  if (!result.success) exitWith(new EnvError(describeEnvError(result.error, process.env)));
  return result.data as unknown as Pick<Env, K>;
}
