// The capacity page's settings forms: a cohort's overrides of its measured inputs and the plan-wide cost of an hour short.
// Messages name the field in people's words; blank means "use what was measured".
import { z } from "zod";
import { BAND_LABELS, CAPACITY_BANDS, CAPACITY_COHORTS } from "../../jobs/planning/capacity-plan";
import { ALWAYS, outOfOrder } from "./whole-form";

/** The form's band-hour fields and the band each stands for. */
export const BAND_FIELDS = { bandDay: "weekday-day", bandEvening: "weekday-evening", bandWeekend: "weekend" } as const;
export type BandField = keyof typeof BAND_FIELDS;

/** Hours in a band of one week (e.g. weekday days to 17:00: 5 × 17 = 85). */
export function bandLength(bandId: string): number {
  const band = CAPACITY_BANDS.find((b) => b.id === bandId);
  return band ? band.weekdays.length * (band.toHour - band.fromHour) : 0;
}

export const MAX_RAMP_WEEKS = 12;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalNumber = (field: string, min: number, max: number, unit = "") => {
  const message = `${field}: a number from ${min.toLocaleString("en-GB")} to ${max.toLocaleString("en-GB")}${unit}`;
  return z.preprocess(blank, z.coerce.number({ error: message }).min(min, message).max(max, message).optional());
};
const optionalWhole = (field: string, min: number, max: number) => {
  const message = `${field}: a whole number from ${min} to ${max}`;
  return z.preprocess(blank, z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).optional());
};

/** "50, 75" or "50 % 75 %" → [0.5, 0.75]; each week's worth at least the week before's, up to 100 %. */
export const RampField = z.preprocess(
  blank,
  z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      const parts = text
        .replace(/%/g, " ")
        .split(/[\s,;]+/)
        .filter(Boolean);
      const values = parts.map(Number);
      const fail = (message: string) => {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      };
      if (values.length === 0 || values.some((v) => !Number.isFinite(v)))
        return fail("Ramp: percentages for the first weeks, separated by commas (e.g. 50, 75)");
      if (values.length > MAX_RAMP_WEEKS) return fail(`Ramp: at most ${MAX_RAMP_WEEKS} weeks (full productivity follows)`);
      if (values.some((v) => v <= 0 || v > 100)) return fail("Ramp: each week's productivity from 1 to 100 %");
      if (values.some((v, i) => i > 0 && v < values[i - 1])) return fail("Ramp: values must rise week by week to 100 % (e.g. 50, 75)");
      return values.map((v) => Math.round(v * 10) / 1000);
    }),
);

const LeadWeeks = optionalWhole("Lead weeks", 0, 26);
const TrainingWeeks = z.coerce
  .number({ error: "Training weeks: a whole number from 0 to 12" })
  .int("Training weeks: a whole number from 0 to 12")
  .min(0, "Training weeks: a whole number from 0 to 12")
  .max(12, "Training weeks: a whole number from 0 to 12");

export const CohortSettingsSchema = z
  .object({
    intent: z.literal("cohort"),
    cohort: z.enum(CAPACITY_COHORTS, { error: "Cohort: one of student, rural, loyal-customer" }),
    attritionPercent: optionalNumber("Attrition", 0, 20, " % a week"),
    leadWeeks: LeadWeeks,
    trainingWeeks: TrainingWeeks,
    hoursPerWeek: optionalNumber("Hours a week", 1, 60),
    bandDay: optionalNumber(BAND_LABELS["weekday-day"], 0, bandLength("weekday-day"), " h (the band's length)"),
    bandEvening: optionalNumber(BAND_LABELS["weekday-evening"], 0, bandLength("weekday-evening"), " h (the band's length)"),
    bandWeekend: optionalNumber(BAND_LABELS.weekend, 0, bandLength("weekend"), " h (the band's length)"),
    ramp: RampField,
    costPerHour: optionalNumber("Cost per hour", 0, 500, " €"),
    hireCost: optionalNumber("Cost per hire", 0, 100_000, " €"),
  })
  .superRefine((v, ctx) => {
    // Runs when another field failed too (ALWAYS), so it reads both fields again: a failed one holds what was typed.
    const lead = LeadWeeks.safeParse(v.leadWeeks);
    const training = TrainingWeeks.safeParse(v.trainingWeeks);
    if (lead.success && training.success && outOfOrder(training.data, lead.data))
      ctx.addIssue({
        code: "custom",
        path: ["leadWeeks"],
        message: `Lead weeks: at least the ${training.data} training weeks they include`,
      });
  }, ALWAYS);
export type CohortSettingsValue = z.infer<typeof CohortSettingsSchema>;

/** A cohort setting's override as stored (null = measured). */
export type CohortSettingInput = {
  hoursPerWeek: number | null;
  bandHours: Record<string, number> | null;
  attritionPerWeek: number | null;
  leadWeeks: number | null;
  trainingWeeks: number;
  ramp: number[] | null;
  costPerHour: number | null;
  hireCost: number | null;
};

export function cohortSettingOf(v: CohortSettingsValue): CohortSettingInput {
  const bandHours: Record<string, number> = {};
  for (const [field, band] of Object.entries(BAND_FIELDS)) {
    const hours = v[field as BandField];
    if (hours !== undefined) bandHours[band] = hours;
  }
  return {
    hoursPerWeek: v.hoursPerWeek ?? null,
    bandHours: Object.keys(bandHours).length ? bandHours : null,
    attritionPerWeek: v.attritionPercent === undefined ? null : v.attritionPercent / 100,
    leadWeeks: v.leadWeeks ?? null,
    trainingWeeks: v.trainingWeeks,
    ramp: v.ramp ?? null,
    costPerHour: v.costPerHour ?? null,
    hireCost: v.hireCost ?? null,
  };
}

/** Fields a planner can reset to what was measured, one at a time; a band's hours are `bandHours.<band>`. */
export const RESETTABLE = [
  "attritionPerWeek",
  "leadWeeks",
  "trainingWeeks",
  "hoursPerWeek",
  ...CAPACITY_BANDS.map((b) => `bandHours.${b.id}` as const),
  "ramp",
  "costPerHour",
  "hireCost",
] as const;
export type ResettableField = (typeof RESETTABLE)[number];

export const FIELD_LABELS: Record<string, string> = {
  attritionPerWeek: "attrition",
  leadWeeks: "lead weeks",
  trainingWeeks: "training weeks",
  hoursPerWeek: "hours a week",
  ...Object.fromEntries(CAPACITY_BANDS.map((b) => [`bandHours.${b.id}`, `${BAND_LABELS[b.id].toLowerCase()} hours`])),
  ramp: "ramp",
  costPerHour: "cost per hour",
  hireCost: "cost per hire",
  shortfallCostPerHour: "cost of an hour short",
};

export const CohortResetSchema = z.object({
  intent: z.literal("cohort-reset"),
  cohort: z.enum(CAPACITY_COHORTS, { error: "Cohort: one of student, rural, loyal-customer" }),
  field: z.enum(RESETTABLE, { error: "Field: not one of the cohort's inputs" }),
});

export const PlanSettingsSchema = z.object({
  intent: z.literal("plan-settings"),
  shortfallCostPerHour: optionalNumber("Cost of an hour short", 0, 10_000, " €"),
});
