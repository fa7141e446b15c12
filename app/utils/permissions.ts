// Who may do what: one table, read by loaders and actions on the server and by the UI to hide what a role cannot use.

export const ROLES = ["ADMIN", "MANAGER", "RECRUITER", "AGENT"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: "Admin",
  MANAGER: "Planning manager",
  RECRUITER: "Recruiter",
  AGENT: "Agent",
};

const PERMISSIONS = {
  "planning:view": ["ADMIN", "MANAGER"],
  "planning:run": ["ADMIN", "MANAGER"],
  "forecast:adjust": ["ADMIN", "MANAGER"],
  "history:import": ["ADMIN", "MANAGER"],
  "queues:edit": ["ADMIN", "MANAGER"],
  "rules:edit": ["ADMIN", "MANAGER"],
  "schedule:edit": ["ADMIN", "MANAGER"],
  "schedule:publish": ["ADMIN", "MANAGER"],
  "requests:decide": ["ADMIN", "MANAGER"],
  "roster:edit": ["ADMIN", "MANAGER"],
  "capacity:view": ["ADMIN", "MANAGER", "RECRUITER"],
  "capacity:edit": ["ADMIN", "MANAGER"],
  "recruiting:view": ["ADMIN", "MANAGER", "RECRUITER"],
  "openings:edit": ["ADMIN", "MANAGER", "RECRUITER"],
  "applicants:edit": ["ADMIN", "RECRUITER"],
  "applicants:erase": ["ADMIN", "RECRUITER"],
  "outbox:view": ["ADMIN"],
  "outbox:retry": ["ADMIN"],
  "shifts:own": ["AGENT"],
  "profile:own": ["AGENT"],
  "jobs:view": ["ADMIN", "MANAGER"],
  "jobs:run": ["ADMIN", "MANAGER"],
  "admin:view": ["ADMIN"],
  "accounts:edit": ["ADMIN"],
  "audit:view": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Roles an admin can invite or give: agents come through hiring, which also creates their contract. */
export const STAFF_ROLES = ["ADMIN", "MANAGER", "RECRUITER"] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

/**
 * The loader's answer to "which of these may this user do?", for the page to hide what the role cannot use:
 * `can: permitted(user, ["requests:decide"])` → `can["requests:decide"]`. The action still checks; hiding is a courtesy.
 */
export function permitted<P extends Permission>(user: { role: Role } | null | undefined, permissions: readonly P[]): Record<P, boolean> {
  return Object.fromEntries(permissions.map((p) => [p, can(user, p)])) as Record<P, boolean>;
}

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  ADMIN: "/admin",
  MANAGER: "/planning",
  RECRUITER: "/recruiting",
  AGENT: "/shifts",
};
