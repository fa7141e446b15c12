// The demo company's staff who sign in: an admin, planning managers, recruiters and a first group of agents.
import type { Role } from "../../app/utils/permissions";

export type DemoPerson = { name: string; email: string; role: Role; timeZone: string };

export const DEMO_PEOPLE: DemoPerson[] = [
  { name: "Henrik Sandberg", email: "admin@handoff.example", role: "ADMIN", timeZone: "Europe/Stockholm" },
  { name: "Maja Lindqvist", email: "maja.lindqvist@handoff.example", role: "MANAGER", timeZone: "Europe/Stockholm" },
  { name: "Jukka Heikkinen", email: "jukka.heikkinen@handoff.example", role: "MANAGER", timeZone: "Europe/Helsinki" },
  { name: "Rasmus Berg", email: "rasmus.berg@handoff.example", role: "RECRUITER", timeZone: "Europe/Copenhagen" },
  { name: "Ingrid Solheim", email: "ingrid.solheim@handoff.example", role: "RECRUITER", timeZone: "Europe/Oslo" },
  { name: "Aino Virtanen", email: "aino.virtanen@handoff.example", role: "AGENT", timeZone: "Europe/Helsinki" },
  { name: "Elsa Nordström", email: "elsa.nordstrom@handoff.example", role: "AGENT", timeZone: "Europe/Stockholm" },
  { name: "Mikkel Kristensen", email: "mikkel.kristensen@handoff.example", role: "AGENT", timeZone: "Europe/Copenhagen" },
  { name: "Sofie Andersen", email: "sofie.andersen@handoff.example", role: "AGENT", timeZone: "Europe/Copenhagen" },
  { name: "Oskar Lundgren", email: "oskar.lundgren@handoff.example", role: "AGENT", timeZone: "Europe/Stockholm" },
  { name: "Lotta Mäkelä", email: "lotta.makela@handoff.example", role: "AGENT", timeZone: "Europe/Helsinki" },
];
