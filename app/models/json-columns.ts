// One zod schema per JSON column, applied where the column is read, so models hand out typed values and no route casts.
import { z } from "zod";
import { OpeningHoursSchema, WeeklyRangesSchema } from "../../jobs/planning/calendar";

/** Queue.openingHours: seven days of local ranges, or `[]` when none are set (open around the clock → null). */
export const QueueOpeningHoursColumn = z.union([z.tuple([]).transform(() => null), OpeningHoursSchema]);

/** Agent.availability and Applicant.availability: ranges per weekday in the person's own zone. */
export const AvailabilityColumn = WeeklyRangesSchema;

/** Agent.capPeriods: periods (students' exams) with a lower weekly cap. */
export const CapPeriodsColumn = z.array(z.object({ from: z.iso.date(), to: z.iso.date(), maxMinutes: z.number().int().min(0) }));
export type CapPeriod = z.infer<typeof CapPeriodsColumn>[number];

/** Shift.breaks and PublishedShift.breaks: ISO instants. */
export const ShiftBreaksColumn = z.array(z.object({ start: z.iso.datetime(), end: z.iso.datetime() }));
export type StoredBreak = z.infer<typeof ShiftBreaksColumn>[number];

/** Schedule.summary: the solver's coverage figures of the last run or edit (in agent-intervals). */
export const ScheduleSummaryColumn = z.object({
  requiredAgentIntervals: z.number(),
  coveredAgentIntervals: z.number(),
  underCoverage: z.number(),
  overCoverage: z.number(),
  minMinutesShortfall: z.number(),
  lowerBoundUnderCoverage: z.number(),
  seconds: z.number(),
});
export type StoredScheduleSummary = z.infer<typeof ScheduleSummaryColumn>;

/** Schedule.staffed: agents staffed per queue key and interval of the week (breaks excluded). */
export const StaffedColumn = z.record(z.string(), z.array(z.number()));

/** Opening.languages and Applicant.languages: a language code and a CEFR level (or NATIVE). */
export const LanguagesColumn = z.array(z.object({ language: z.string(), level: z.string() }));
export type LanguageLevel = z.infer<typeof LanguagesColumn>[number];

/**
 * Whether two JSON values are equal whatever the order of their objects' keys: jsonb hands stored objects
 * back in its own key order (shorter keys first), a schema-read value comes in the schema's order.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown) =>
    JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v,
    );
  return canonical(a) === canonical(b);
}

/** Reads a JSON column through its schema; stored data that does not fit is a bug, reported with what it was. */
export function readJsonColumn<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Stored ${what} does not have the expected shape (${issue?.path.join(".") || "value"}: ${issue?.message ?? "invalid"}).`);
  }
  return parsed.data;
}

/** AuditEntry.detail: what changed, by name (free-form per action, e.g. `{ from, to }`), always an object. */
export const AuditDetailColumn = z.record(z.string(), z.unknown());

/** CapacityScenario.assumptions: what a scenario changes over the base plan. */
export const CapacityAssumptionsColumn = z.object({
  containment: z.object({ target: z.number().min(0).max(1), byDate: z.iso.date() }).optional(),
  volumeGrowthPercent: z.number().min(-90).max(500).optional(),
  launch: z
    .object({
      queueKey: z.string().regex(/^[a-z]{2}-(chat|phone|email)$/),
      name: z.string().min(1).max(80),
      from: z.iso.date(),
      like: z.string().min(1),
      share: z.number().gt(0).max(5),
    })
    .optional(),
  attritionFactor: z.number().min(0).max(5).optional(),
  hiringFreezeUntil: z.iso.date().optional(),
});

/** CohortSetting.bandHours: most hours per agent and band. */
export const BandHoursColumn = z.record(z.string(), z.number().min(0).max(168)).nullable();
/** CohortSetting.ramp: a new agent's worth in its first weeks, each in (0, 1]. */
export const RampColumn = z.array(z.number().gt(0).max(1)).max(26).nullable();

/** CapacityRun.result: the capacity engine's output (wfm-cli.md section 4), as the plan page reads it. */
export const CapacityResultColumn = z.object({
  hires: z.array(z.object({ cohort: z.string(), skills: z.array(z.string()), week: z.number(), startWeek: z.number(), count: z.number() })),
  weeks: z.array(
    z.object({
      week: z.number(),
      queues: z.array(
        z.object({
          id: z.string(),
          required: z.array(z.number()),
          covered: z.array(z.number()),
          short: z.array(z.number()),
          /** Covered hours per band by each plan cohort (runs stored before it was kept have none). */
          coveredBy: z.record(z.string(), z.array(z.number())).optional(),
        }),
      ),
      headcount: z.record(z.string(), z.number()),
    }),
  ),
  summary: z.object({
    hires: z.number(),
    hireCost: z.number(),
    labourCost: z.number(),
    shortfallHours: z.number(),
    shortfallCost: z.number(),
    totalCost: z.number(),
    lowerBoundCost: z.number(),
    seconds: z.number(),
    status: z.enum(["optimal", "time-limit"]),
    gap: z.number(),
  }),
  /** What the page adds: week 0's Monday, the bands, the contacts per week (all and human) and the AI's cost of the rest. */
  context: z.object({
    start: z.iso.date(),
    bands: z.array(z.string()),
    contacts: z.array(z.number()),
    humanContacts: z.array(z.number()),
    aiCost: z.number(),
    existingLabourCost: z.number(),
    hoursPerWeek: z.record(z.string(), z.number()),
    /** Band hours per cohort (runs stored before it was kept have none). */
    bandHours: z.record(z.string(), z.record(z.string(), z.number())).optional(),
    trainingWeeks: z.record(z.string(), z.number()),
    pipeline: z.array(z.object({ cohort: z.string(), queue: z.string(), week: z.number(), expected: z.number() })),
    /** The cost of an hour short the run assumed (runs stored before it was kept: the default, €120). */
    shortfallCostPerHour: z.number().optional(),
    /** Queues with no contact history in the window the demand is read from, so planned at zero (runs stored before: none named). */
    unplannedQueues: z.array(z.string()).optional(),
    /** Decision weeks without hiring (a scenario's freeze); runs stored before it was kept have none. */
    hiringFreezes: z.array(z.object({ fromWeek: z.number(), toWeek: z.number(), cohort: z.string().optional() })).optional(),
  }),
});
export type StoredCapacityResult = z.infer<typeof CapacityResultColumn>;
