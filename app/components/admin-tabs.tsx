// The admin area's sections, and the colour of each role's badge.
import type { Role } from "~/utils/permissions";
import { TabNav } from "./tab-nav";
import type { BadgeTone } from "./ui";

export const ROLE_TONES: Record<Role, BadgeTone> = { ADMIN: "danger", MANAGER: "info", RECRUITER: "warning", AGENT: "neutral" };

export function AdminTabs() {
  return (
    <TabNav
      label="Administration"
      tabs={[
        { to: "/admin", label: "Accounts", end: true },
        { to: "/admin/audit", label: "Audit log" },
        { to: "/admin/outbox", label: "Outbox" },
      ]}
    />
  );
}
