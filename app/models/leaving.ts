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

/** An agent on the roster: active (no leaving date), leaving (a last working day recorded, still working) or left. */
export const ROSTER_STATUSES = ["active", "leaving", "left"] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

/** How far back a leaving date may be recorded (a leaver noticed late), and how far ahead (notice given). */
const LEAVING_LOOKBACK_DAYS = 365;
export const LEAVING_AHEAD_DAYS = 365;

/**
 * An agent's leaving: their last working day and why. The admin's deactivation takes today or earlier
 * (it signs them out now); the managers' roster (`{ future: true }`) also takes a day up to a year
 * ahead: notice given, they keep working until then (decision 071).
 */
export function leavingSchema(today: string, options: { future?: boolean } = {}) {
  return z.object({
    leftAt: z
      .string({ error: "Enter their last working day" })
      .refine((v) => parseIsoDate(v) !== null, "Enter their last working day as a date")
      .refine(
        (v) => options.future || v <= today,
        "Their last working day cannot be in the future: deactivate them on or after it, or record the planned leaving on the roster page",
      )
      .refine((v) => !options.future || v <= addDays(today, LEAVING_AHEAD_DAYS), "That is more than a year ahead; check the date")
      .refine((v) => v >= addDays(today, -LEAVING_LOOKBACK_DAYS), "That is more than a year ago; check the date"),
    leaveReason: z.enum(Object.keys(LEAVE_REASONS) as [LeaveReason, ...LeaveReason[]], { error: "Choose why they left" }),
  });
}
export type Leaving = z.infer<ReturnType<typeof leavingSchema>>;
