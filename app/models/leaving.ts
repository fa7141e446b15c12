// Agents leaving, as the deactivation form and the account page read it (shared by server and browser).
import { z } from "zod";
import { addDays, parseIsoDate } from "~/utils/time";

/** Why agents leave; the capacity plan's attrition counts every leaver, the reasons say what to work on. */
export const LEAVE_REASONS = {
  studies: "Studies (started, finished or need the time)",
  moved: "Moved away",
  "other-job": "Took another job",
  personal: "Personal reasons",
  performance: "Performance",
  other: "Other",
} as const;
export type LeaveReason = keyof typeof LEAVE_REASONS;

/** How far back a leaving date may be recorded (a leaver noticed late), and the latest: today. */
const LEAVING_LOOKBACK_DAYS = 365;

/** The deactivation form of an agent: their last working day (today or earlier) and why they left. */
export function leavingSchema(today: string) {
  return z.object({
    leftAt: z
      .string({ error: "Enter their last working day" })
      .refine((v) => parseIsoDate(v) !== null, "Enter their last working day as a date")
      .refine((v) => v <= today, "Their last working day cannot be in the future: deactivate them on or after it")
      .refine((v) => v >= addDays(today, -LEAVING_LOOKBACK_DAYS), "That is more than a year ago; check the date"),
    leaveReason: z.enum(Object.keys(LEAVE_REASONS) as [LeaveReason, ...LeaveReason[]], { error: "Choose why they left" }),
  });
}
export type Leaving = z.infer<ReturnType<typeof leavingSchema>>;
