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

/** Opening.languages and Applicant.languages: a language code and a CEFR level (or NATIVE). */
export const LanguagesColumn = z.array(z.object({ language: z.string(), level: z.string() }));
export type LanguageLevel = z.infer<typeof LanguagesColumn>[number];

/** Reads a JSON column through its schema; stored data that does not fit is a bug, reported with what it was. */
export function readJsonColumn<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Stored ${what} does not have the expected shape (${issue?.path.join(".") || "value"}: ${issue?.message ?? "invalid"}).`);
  }
  return parsed.data;
}
