import { describe, expect, it } from "vitest";
import { can, HOME_BY_ROLE, ROLES } from "./permissions";

describe("can", () => {
  it("lets managers plan and agents only see their own shifts", () => {
    expect(can({ role: "MANAGER" }, "planning:view")).toBe(true);
    expect(can({ role: "AGENT" }, "planning:view")).toBe(false);
    expect(can({ role: "AGENT" }, "recruiting:view")).toBe(false);
    expect(can({ role: "AGENT" }, "shifts:own")).toBe(true);
    expect(can({ role: "RECRUITER" }, "jobs:view")).toBe(false);
    expect(can(null, "planning:view")).toBe(false);
  });

  it("lets only admins manage accounts and read the audit log", () => {
    for (const role of ROLES) {
      expect(can({ role }, "accounts:edit")).toBe(role === "ADMIN");
      expect(can({ role }, "audit:view")).toBe(role === "ADMIN");
    }
  });

  it("gives every role a home it is allowed to open", () => {
    const homePermission = { "/admin": "admin:view", "/planning": "planning:view", "/recruiting": "recruiting:view", "/shifts": "shifts:own" } as const;
    for (const role of ROLES) {
      const home = HOME_BY_ROLE[role] as keyof typeof homePermission;
      expect(can({ role }, homePermission[home])).toBe(true);
    }
  });
});
