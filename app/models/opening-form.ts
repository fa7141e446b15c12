// What an opening and its stage edits must contain, as zod schemas the forms validate with on the client and the server.
import { z } from "zod";
import { CHANNELS, COHORTS, COUNTRY_CODES, LANGUAGE_CODES, LEVELS, OPENING_STATUSES } from "./recruiting-vocabulary";
import { ALWAYS, outOfOrder } from "./whole-form";

const OpeningFields = z.object({
  title: z
    .string({ error: "Give the opening a title" })
    .trim()
    .min(3, "Give the opening a title of at least 3 characters")
    .max(120, "Keep the title under 120 characters"),
  description: z
    .string({ error: "Describe the work" })
    .trim()
    .min(10, "Describe the work in a sentence or two")
    .max(4000, "Keep the description under 4,000 characters"),
  status: z.enum(OPENING_STATUSES, { error: "Choose a status" }),
  languages: z
    .array(
      z.object({
        language: z.enum(LANGUAGE_CODES as [string, ...string[]], { error: "Choose a language" }),
        level: z.enum(LEVELS, { error: "Choose the lowest level accepted" }),
      }),
      { error: "Add at least one language" },
    )
    .min(1, "Add at least one language"),
  channels: z
    .array(z.enum(CHANNELS, { error: "Choose a channel from the list" }), { error: "Choose at least one channel" })
    .min(1, "Choose at least one channel"),
  cohorts: z.array(z.enum(COHORTS, { error: "Choose a cohort from the list" }), { error: "Choose at least one cohort" }).min(1, "Choose at least one cohort"),
  countries: z
    .array(z.enum(COUNTRY_CODES as [string, ...string[]], { error: "Choose a country from the list" }), { error: "Choose where applicants may live" })
    .min(1, "Choose where applicants may live"),
  headcountTarget: z.coerce
    .number({ error: "How many people do you need?" })
    .int("A whole number of people")
    .min(1, "At least 1 person")
    .max(1000, "At most 1,000 people"),
  weeklyHoursMin: z.coerce.number({ error: "Enter the fewest hours a week" }).int("Whole hours").min(1, "At least 1 hour").max(40, "At most 40 hours"),
  weeklyHoursMax: z.coerce.number({ error: "Enter the most hours a week" }).int("Whole hours").min(1, "At least 1 hour").max(40, "At most 40 hours"),
  retentionDays: z.coerce.number({ error: "Enter how long to keep applications" }).int("Whole days").min(30, "At least 30 days").max(730, "At most two years"),
});
const hoursInOrder = (o: { weeklyHoursMin: number; weeklyHoursMax: number }, ctx: z.RefinementCtx) => {
  if (outOfOrder(o.weeklyHoursMin, o.weeklyHoursMax))
    ctx.addIssue({ code: "custom", message: "The most hours must be at least the fewest", path: ["weeklyHoursMax"] });
};
export const OpeningSchema = OpeningFields.superRefine(hoursInOrder, ALWAYS);
export type OpeningInput = z.infer<typeof OpeningSchema>;

const stageName = z.string({ error: "Give the stage a name" }).trim().min(1, "Give the stage a name").max(40, "Keep stage names under 40 characters");
const id = z.string().min(1).max(100);
export const RenameStageSchema = z.object({ intent: z.literal("rename-stage"), stageId: id, name: stageName });
export const AddStageSchema = z.object({ intent: z.literal("add-stage"), name: stageName, afterStageId: id });
export const MoveStageSchema = z.object({ intent: z.literal("move-stage"), stageId: id, direction: z.enum(["up", "down"]) });
export const StageEditSchema = z.discriminatedUnion("intent", [RenameStageSchema, AddStageSchema, MoveStageSchema]);
export type StageEdit = z.infer<typeof StageEditSchema>;

/** The edit page's forms: the opening itself and each stage edit, told apart by `intent`. */
export const OpeningEditSchema = z.discriminatedUnion(
  "intent",
  [OpeningFields.extend({ intent: z.literal("save-opening") }).superRefine(hoursInOrder, ALWAYS), RenameStageSchema, AddStageSchema, MoveStageSchema],
  { error: "That change was not understood; reload the page and try again." },
);
