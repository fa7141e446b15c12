// Integration (real Postgres): calendar tokens are secrets, random for every new agent and never derived from ids.
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { rotateCalendarToken } from "./agent.server";

const stamp = Date.now();
const emails = [0, 1, 2].map((i) => `token-${stamp}-${i}@handoff.test`);

afterAll(async () => {
  await prisma.user.deleteMany({ where: { email: { in: emails } } });
});

describe("calendar tokens", () => {
  it("are 64 random hex characters for agents made at the same moment, sharing nothing with their ids", async () => {
    const agents = await Promise.all(
      emails.map((email) =>
        prisma.user.create({
          data: {
            email,
            name: "Token Test",
            passwordHash: "x",
            role: "AGENT",
            agent: {
              create: { cohort: "student", timeZone: "Europe/Helsinki", startDate: new Date("2026-01-05"), weeklyMinMinutes: 0, weeklyMaxMinutes: 1200 },
            },
          },
          select: { agent: { select: { id: true, calendarToken: true } } },
        }),
      ),
    );
    const tokens = agents.map((a) => a.agent!.calendarToken);
    for (const [i, token] of tokens.entries()) {
      expect(token).toMatch(/^[0-9a-f]{64}$/);
      expect(token.slice(0, 8)).not.toBe(agents[i].agent!.id.slice(0, 8));
    }
    expect(new Set(tokens).size).toBe(tokens.length);
    // No two tokens share a long prefix (a cuid's timestamp and counter would).
    expect(new Set(tokens.map((t) => t.slice(0, 6))).size).toBe(tokens.length);
  });

  it("are replaced by a new random secret on request", async () => {
    const agent = await prisma.agent.findFirstOrThrow({ where: { user: { email: emails[0] } }, select: { id: true, calendarToken: true } });
    const { calendarToken } = await rotateCalendarToken(agent.id);
    expect(calendarToken).not.toBe(agent.calendarToken);
    expect(calendarToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
