// The admin's account forms (invite a staff member, change a role) as zod schemas the browser validates with too.
import { z } from "zod";
import { STAFF_ROLES } from "~/utils/permissions";

const staffRole = z.enum(STAFF_ROLES, { error: "Choose a role: admin, planning manager or recruiter" });

export const InviteSchema = z.object({
  name: z.string({ error: "Enter the person's name" }).trim().min(2, "Enter the person's full name").max(100, "Keep the name under 100 characters"),
  email: z
    .string({ error: "Enter an email address" })
    .trim()
    .toLowerCase()
    .max(254, "That email address is too long")
    .pipe(z.email("Enter a valid email address, like name@company.com")),
  role: staffRole,
});
export type InviteInput = z.infer<typeof InviteSchema>;

export const RoleChangeSchema = z.object({ intent: z.literal("role"), role: staffRole });
