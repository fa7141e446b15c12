// The applicant forms as zod unions on `intent` (the applicant page's and the list's bulk actions): the server parses every post with the union, each form validates with its own branch in the browser.
import { z } from "zod";
import { RECOMMENDATIONS } from "./recruiting-vocabulary";
import { ALWAYS, outOfOrder } from "./whole-form";

const id = z.string().min(1).max(100);

export const MoveSchema = z.object({ intent: z.literal("move"), applicationId: id, stageId: id });
export const CloseSchema = z.object({
  intent: z.literal("close"),
  applicationId: id,
  stageId: id,
  reason: z.string({ error: "Give a reason (at least a few words)" }).trim().min(3, "Give a reason (at least a few words)").max(300),
});
export const NoteSchema = z.object({
  intent: z.literal("note"),
  applicationId: id.optional(),
  body: z.string({ error: "Write something first" }).trim().min(1, "Write something first").max(4000),
});
const rating = (what: string) =>
  z.coerce
    .number({ error: `Rate ${what}` })
    .int()
    .min(1, `Rate ${what}`)
    .max(4);
export const ScorecardSchema = z.object({
  intent: z.literal("scorecard"),
  applicationId: id,
  interviewId: z.string().max(100).optional(),
  fluency: rating("language fluency"),
  empathy: rating("empathy"),
  writtenClarity: rating("written clarity"),
  problemSolving: rating("problem solving"),
  recommendation: z.enum(RECOMMENDATIONS, { error: "Choose a recommendation" }),
  comment: z.string().trim().max(2000).optional(),
});
export const InterviewSchema = z.object({
  intent: z.literal("interview"),
  applicationId: id,
  startsAt: z.string({ error: "Choose a date and time" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time"),
  durationMinutes: z.coerce.number().int().min(15).max(180),
  link: z
    .url({ protocol: /^https$/, error: "Use an https:// meeting link" })
    .max(500)
    .optional(),
});
export const EraseSchema = z.object({ intent: z.literal("erase"), confirm: z.literal("on", { error: "Tick the box to confirm" }) });
export const HireSchema = z
  .object({
    intent: z.literal("hire"),
    applicationId: id,
    startDate: z.iso.date({ error: "Choose a start date" }),
    weeklyMinHours: z.coerce.number({ error: "Enter the fewest contracted hours" }).int().min(0).max(40),
    weeklyMaxHours: z.coerce.number({ error: "Enter the most contracted hours" }).int().min(1).max(40),
    queueIds: z.array(z.string().min(1), { error: "Choose at least one queue" }).min(1, "Choose at least one queue the agent will take"),
  })
  .superRefine((h, ctx) => {
    if (outOfOrder(h.weeklyMinHours, h.weeklyMaxHours))
      ctx.addIssue({ code: "custom", message: "The most hours must be at least the fewest", path: ["weeklyMaxHours"] });
  }, ALWAYS);
export type HireInput = z.infer<typeof HireSchema>;

export const ApplicantActionSchema = z.discriminatedUnion("intent", [
  MoveSchema,
  CloseSchema,
  NoteSchema,
  ScorecardSchema,
  InterviewSchema,
  EraseSchema,
  HireSchema,
]);

const selection = z.array(z.string().min(1), { error: "Select at least one applicant" }).min(1, "Select at least one applicant").max(500);
export const BulkMoveSchema = z.object({
  intent: z.literal("bulk-move"),
  ids: selection,
  stageId: z.string({ error: "Choose a stage" }).min(1, "Choose a stage"),
});
export const BulkRejectSchema = z.object({
  intent: z.literal("bulk-reject"),
  ids: selection,
  reason: z.string({ error: "Give a reason for rejecting" }).trim().min(3, "Give a reason for rejecting").max(300),
});
/** The applicant list's two bulk forms. */
export const BulkActionSchema = z.discriminatedUnion("intent", [BulkMoveSchema, BulkRejectSchema]);
