// People who sign in: counts and listings for admins.
import { prisma } from "~/utils/db.server";
import type { Role } from "~/utils/permissions";

export async function usersByRole(): Promise<Record<Role, number>> {
  const groups = await prisma.user.groupBy({ by: ["role"], _count: true });
  const counts: Record<Role, number> = { ADMIN: 0, MANAGER: 0, RECRUITER: 0, AGENT: 0 };
  for (const g of groups) counts[g.role] = g._count;
  return counts;
}

export function listUsers(take = 50) {
  return prisma.user.findMany({
    orderBy: [{ role: "asc" }, { name: "asc" }],
    take,
    select: { id: true, name: true, email: true, role: true, timeZone: true, createdAt: true },
  });
}
