// What an agent sees of their own record: contract, skills, availability, start date.
import { prisma } from "~/utils/db.server";
import { AvailabilityColumn, readJsonColumn } from "./json-columns";

export async function getOwnAgentProfile(userId: string) {
  const agent = await prisma.agent.findUnique({
    where: { userId },
    select: {
      cohort: true,
      timeZone: true,
      startDate: true,
      weeklyMinMinutes: true,
      weeklyMaxMinutes: true,
      availability: true,
      skills: { select: { queue: { select: { name: true } } }, orderBy: { queue: { key: "asc" } } },
    },
  });
  return agent ? { ...agent, availability: readJsonColumn(AvailabilityColumn, agent.availability, "availability") } : null;
}
