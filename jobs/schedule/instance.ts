// The schedule instance of wfm-cli.md §3: its zod schema, the semantic checks zod cannot express, and field-path errors.
import { z } from "zod";

export interface BreakRule {
  minShiftMinutes: number;
  minutes: number;
  earliestAfterStartMinutes: number;
  latestBeforeEndMinutes: number;
}

export interface Queue {
  id: string;
  required: number[];
}

export interface Rules {
  shiftLengthsMinutes: number[];
  minRestMinutes: number;
  breaks: BreakRule[];
}

export interface Agent {
  id: string;
  skills: string[];
  minMinutes: number;
  maxMinutes: number;
  maxShifts: number;
  availability: [number, number][];
  /**
   * An extension of wfm-cli.md §3 (decision 075): this agent's own shift lengths, minimum rest or breaks,
   * each replacing the instance's `rules` field of that name for this agent only; a missing field keeps the instance's.
   */
  rules?: Partial<Rules>;
}

export interface Instance {
  start: string;
  intervalMinutes: number;
  intervals: number;
  queues: Queue[];
  rules: Rules;
  agents: Agent[];
}

/** The rules one agent works under: the instance's, with the agent's own fields in their place. */
export function agentRules(instance: Pick<Instance, "rules">, agent: Pick<Agent, "rules">): Rules {
  const own = agent.rules;
  if (!own) return instance.rules;
  return {
    shiftLengthsMinutes: own.shiftLengthsMinutes ?? instance.rules.shiftLengthsMinutes,
    minRestMinutes: own.minRestMinutes ?? instance.rules.minRestMinutes,
    breaks: own.breaks ?? instance.rules.breaks,
  };
}

/** One shift of the output: half-open `[start, end)` and `breaks` in whole intervals from the instance start. */
export interface Shift {
  agent: string;
  queue: string;
  start: number;
  end: number;
  breaks: [number, number][];
}

const count = z.number().int().nonnegative();
const minutes = z.number().finite().nonnegative();

const breakRuleSchema = z.object({
  minShiftMinutes: minutes,
  minutes: z.number().int().positive(),
  earliestAfterStartMinutes: minutes,
  latestBeforeEndMinutes: minutes,
});

const rulesSchema = z.object({
  shiftLengthsMinutes: z.array(z.number().int().positive()).min(1),
  minRestMinutes: minutes,
  breaks: z.array(breakRuleSchema),
});

export const instanceSchema = z.object({
  start: z.iso.datetime({ offset: true }),
  intervalMinutes: z.number().int().positive(),
  intervals: z.number().int().positive().max(1_000_000),
  queues: z.array(z.object({ id: z.string().min(1), required: z.array(z.number().finite().nonnegative()) })).min(1),
  rules: rulesSchema,
  agents: z.array(
    z.object({
      id: z.string().min(1),
      skills: z.array(z.string()),
      minMinutes: minutes,
      maxMinutes: minutes,
      maxShifts: count,
      availability: z.array(z.tuple([count, count])),
      rules: rulesSchema.partial().optional(),
    }),
  ),
});

/** A problem with the instance, located by a field path such as `agents[3].skills[1]`. */
export class InstanceError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(field ? `${field}: ${reason}` : reason);
    this.name = "InstanceError";
  }
}

export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function zodReason(issue: z.core.$ZodIssue, value: unknown): string {
  const shown = value === undefined ? "missing" : JSON.stringify(value);
  if (value === undefined) return "is missing";
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "array") return `must have at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === "string") return "must not be empty";
      return `${shown} is ${issue.inclusive ? "below" : "not above"} ${String(issue.minimum)}`;
    case "too_big":
      return `${shown} is above ${String(issue.maximum)}`;
    case "invalid_type":
      return `${shown.length > 40 ? shown.slice(0, 40) + "…" : shown} is not ${issue.expected === "tuple" ? "a [start, end] pair" : `a ${issue.expected}`}`;
    case "invalid_format":
      return `${shown} is not an ISO 8601 date-time`;
    default:
      return issue.message;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** Validates parsed JSON as an instance, throwing an InstanceError that names the first bad field. */
export function parseInstance(raw: unknown): Instance {
  const parsed = instanceSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path as PropertyKey[];
    throw new InstanceError(fieldPath(path), zodReason(issue, valueAt(raw, path)));
  }
  const instance = parsed.data as Instance;
  validateSemantics(instance);
  return instance;
}

function validateSemantics(instance: Instance): void {
  const { intervalMinutes: iv, intervals } = instance;
  const wholeIntervals = (m: number) => m % iv === 0;
  const queueIds = new Set<string>();
  instance.queues.forEach((queue, q) => {
    if (queueIds.has(queue.id)) throw new InstanceError(`queues[${q}].id`, `"${queue.id}" appears twice`);
    queueIds.add(queue.id);
    if (queue.required.length !== intervals)
      throw new InstanceError(`queues[${q}].required`, `has ${queue.required.length} values, expected intervals = ${intervals}`);
  });
  const checkRules = (rules: Partial<Rules>, at: string) => {
    rules.shiftLengthsMinutes?.forEach((length, i) => {
      if (!wholeIntervals(length)) throw new InstanceError(`${at}.shiftLengthsMinutes[${i}]`, `${length} is not a whole number of ${iv}-minute intervals`);
    });
    rules.breaks?.forEach((rule, i) => {
      if (!wholeIntervals(rule.minutes))
        throw new InstanceError(`${at}.breaks[${i}].minutes`, `${rule.minutes} is not a whole number of ${iv}-minute intervals`);
    });
  };
  checkRules(instance.rules, "rules");
  const agentIds = new Set<string>();
  instance.agents.forEach((agent, a) => {
    if (agentIds.has(agent.id)) throw new InstanceError(`agents[${a}].id`, `"${agent.id}" appears twice`);
    agentIds.add(agent.id);
    agent.skills.forEach((skill, k) => {
      if (!queueIds.has(skill)) throw new InstanceError(`agents[${a}].skills[${k}]`, `"${skill}" is not a queue`);
    });
    agent.availability.forEach(([from, to], r) => {
      if (to > intervals) throw new InstanceError(`agents[${a}].availability[${r}][1]`, `${to} is beyond the horizon (intervals = ${intervals})`);
      if (from > to) throw new InstanceError(`agents[${a}].availability[${r}]`, `start ${from} is after end ${to}`);
    });
    if (agent.rules) checkRules(agent.rules, `agents[${a}].rules`);
  });
}
