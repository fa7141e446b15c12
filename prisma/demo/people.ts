// The demo company's office staff who sign in: an admin, planning managers and recruiters (agents: roster.ts).
import type { Role } from "../../app/utils/permissions";

export type DemoPerson = { name: string; email: string; role: Role; timeZone: string };

export const DEMO_PEOPLE: DemoPerson[] = [
  { name: "Henrik Sandberg", email: "admin@handoff.example", role: "ADMIN", timeZone: "Europe/Stockholm" },
  { name: "Maja Lindqvist", email: "maja.lindqvist@handoff.example", role: "MANAGER", timeZone: "Europe/Stockholm" },
  { name: "Jukka Heikkinen", email: "jukka.heikkinen@handoff.example", role: "MANAGER", timeZone: "Europe/Helsinki" },
  { name: "Rasmus Berg", email: "rasmus.berg@handoff.example", role: "RECRUITER", timeZone: "Europe/Copenhagen" },
  { name: "Ingrid Solheim", email: "ingrid.solheim@handoff.example", role: "RECRUITER", timeZone: "Europe/Oslo" },
];
