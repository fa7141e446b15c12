// The one Prisma client of a process, over node-postgres through the driver adapter.
import { PrismaClient } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { envOnly } from "./env.server";

declare global {
  // Survives live reloads in development so connections are not leaked.
  var __prisma: PrismaClient | undefined;
}

function createClient() {
  const adapter = new PrismaPg({ connectionString: envOnly("DATABASE_URL").DATABASE_URL, max: 10 });
  return new PrismaClient({ adapter, log: ["warn", "error"] });
}

export const prisma: PrismaClient = globalThis.__prisma ?? (globalThis.__prisma = createClient());
