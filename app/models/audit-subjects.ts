// What an audit entry can be about, shared by the audit model and the log page's filter (no server code here).

/** New features add their subject types here, so the log's filter lists them. */
export const AUDIT_SUBJECTS = ["User", "LabourRule", "CapacityPlan", "CapacityScenario", "CapacityRun", "CohortSetting", "Queue", "SpecialDay"] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECTS)[number];

export const AUDIT_SUBJECT_LABELS: Record<AuditSubjectType, string> = {
  User: "Accounts",
  LabourRule: "Labour rules",
  CapacityPlan: "Capacity plans",
  CapacityScenario: "Capacity scenarios",
  CapacityRun: "Plans applied to openings",
  CohortSetting: "Cohort settings",
  Queue: "Queue settings",
  SpecialDay: "Special days",
};
