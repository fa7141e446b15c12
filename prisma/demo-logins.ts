// One demo sign-in per role, printed by `npm start` and used by the seed and the end-to-end tests.
export const DEMO_LOGINS = [
  { role: "ADMIN", email: "admin@handoff.example", password: "handoff-admin" },
  { role: "MANAGER", email: "maja.lindqvist@handoff.example", password: "handoff-demo" },
  { role: "RECRUITER", email: "rasmus.berg@handoff.example", password: "handoff-demo" },
  { role: "AGENT", email: "aino.virtanen@handoff.example", password: "handoff-demo" },
] as const;
