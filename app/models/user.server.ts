// People who sign in: active accounts per role, for the admin page's figures.
import { prisma } from "~/utils/db.server";
import type { Role } from "~/utils/permissions";

export async function usersByRole(): Promise<Record<Role, number>> {
  const groups = await prisma.user.groupBy({ by: ["role"], where: { deactivatedAt: null }, _count: true });
  const counts: Record<Role, number> = { ADMIN: 0, MANAGER: 0, RECRUITER: 0, AGENT: 0 };
  for (const g of groups) counts[g.role] = g._count;
  return counts;
}
