// The words recruiting forms and filters share on server and client: cohorts, levels, languages, countries, sources, stages, consent wording.

export const COHORTS = ["student", "rural", "loyal-customer"] as const;
export type Cohort = (typeof COHORTS)[number];
export const COHORT_LABELS: Record<Cohort, string> = {
  student: "Student",
  rural: "Rural resident",
  "loyal-customer": "Loyal customer",
};

export const LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2", "NATIVE"] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { A1: "A1", A2: "A2", B1: "B1", B2: "B2", C1: "C1", C2: "C2", NATIVE: "Native" };

/** A stored cohort (a string column) in people's words; an unknown one as it is stored. */
export function cohortLabel(value: string): string {
  return (COHORTS as readonly string[]).includes(value) ? COHORT_LABELS[value as Cohort] : value;
}

/** A stored language level (from a JSON column) in people's words; an unknown one as it is stored. */
export function levelLabel(value: string): string {
  return (LEVELS as readonly string[]).includes(value) ? LEVEL_LABELS[value as Level] : value;
}

export const LANGUAGES: Record<string, string> = {
  sv: "Swedish",
  fi: "Finnish",
  no: "Norwegian",
  da: "Danish",
  is: "Icelandic",
  en: "English",
  de: "German",
  et: "Estonian",
  pl: "Polish",
};
export const LANGUAGE_CODES = Object.keys(LANGUAGES);

export const COUNTRIES: Record<string, string> = {
  SE: "Sweden",
  FI: "Finland",
  NO: "Norway",
  DK: "Denmark",
  IS: "Iceland",
  EE: "Estonia",
  DE: "Germany",
  PL: "Poland",
  GB: "United Kingdom",
};
export const COUNTRY_CODES = Object.keys(COUNTRIES);
/** The usual zone of each country, to preselect on forms. */
export const COUNTRY_ZONES: Record<string, string> = {
  SE: "Europe/Stockholm",
  FI: "Europe/Helsinki",
  NO: "Europe/Oslo",
  DK: "Europe/Copenhagen",
  IS: "Atlantic/Reykjavik",
  EE: "Europe/Tallinn",
  DE: "Europe/Berlin",
  PL: "Europe/Warsaw",
  GB: "Europe/London",
};

export const TIME_ZONES = [
  "Europe/Stockholm",
  "Europe/Helsinki",
  "Europe/Oslo",
  "Europe/Copenhagen",
  "Atlantic/Reykjavik",
  "Europe/Tallinn",
  "Europe/Berlin",
  "Europe/Warsaw",
  "Europe/London",
] as const;

export const SOURCES: Record<string, string> = {
  careers: "Careers page",
  university: "University job fair",
  referral: "Referral by an agent",
  "customer-newsletter": "Customer newsletter",
  "job-board": "Job board",
  linkedin: "LinkedIn",
  "employment-office": "Employment office",
  import: "CSV import",
};
export const SOURCE_CODES = Object.keys(SOURCES);

export const CHANNEL_LABELS = { CHAT: "Chat", PHONE: "Phone", EMAIL: "Email" } as const;
export const CHANNELS = ["CHAT", "PHONE", "EMAIL"] as const;

export const OPENING_STATUSES = ["DRAFT", "OPEN", "PAUSED", "CLOSED"] as const;
export const OPENING_STATUS_LABELS = { DRAFT: "Draft", OPEN: "Open", PAUSED: "Paused", CLOSED: "Closed" } as const;

export const DEFAULT_STAGES = [
  { name: "Applied", kind: "ACTIVE" },
  { name: "Screening", kind: "ACTIVE" },
  { name: "Assessment", kind: "ACTIVE" },
  { name: "Interview", kind: "ACTIVE" },
  { name: "Offer", kind: "ACTIVE" },
  { name: "Hired", kind: "HIRED" },
  { name: "Rejected", kind: "REJECTED" },
  { name: "Withdrawn", kind: "WITHDRAWN" },
] as const;

export const RECOMMENDATIONS = ["STRONG_NO", "NO", "YES", "STRONG_YES"] as const;
export const RECOMMENDATION_LABELS = { STRONG_NO: "Strong no", NO: "No", YES: "Yes", STRONG_YES: "Strong yes" } as const;

export const SCORE_CRITERIA = [
  { key: "fluency", label: "Language fluency" },
  { key: "empathy", label: "Empathy" },
  { key: "writtenClarity", label: "Written clarity" },
  { key: "problemSolving", label: "Problem solving" },
] as const;

/** Bump the version whenever the wording changes: each consent records the version the applicant saw. */
export const CONSENT_WORDING_VERSION = "2026-11-v1";
export function consentWording(retentionDays: number): string {
  return `I agree that Handoff keeps the information in this application to assess it for this and similar openings. If I am not hired, it is deleted ${retentionDays} days after I apply, and I can ask for a copy or for deletion at any time.`;
}
