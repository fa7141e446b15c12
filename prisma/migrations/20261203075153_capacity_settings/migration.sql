-- CreateTable
CREATE TABLE "CapacitySetting" (
    "id" TEXT NOT NULL DEFAULT 'plan',
    "shortfallCostPerHour" DOUBLE PRECISION,
    "updatedById" TEXT,
    "updatedByName" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CapacitySetting_pkey" PRIMARY KEY ("id")
);
