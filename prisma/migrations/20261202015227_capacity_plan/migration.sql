-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "leaveReason" TEXT,
ADD COLUMN     "leftAt" DATE;

-- CreateTable
CREATE TABLE "CohortSetting" (
    "cohort" TEXT NOT NULL,
    "hoursPerWeek" DOUBLE PRECISION,
    "bandHours" JSONB,
    "attritionPerWeek" DOUBLE PRECISION,
    "leadWeeks" INTEGER,
    "trainingWeeks" INTEGER NOT NULL DEFAULT 1,
    "ramp" JSONB,
    "costPerHour" DOUBLE PRECISION,
    "hireCost" DOUBLE PRECISION,
    "updatedById" TEXT,
    "updatedByName" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CohortSetting_pkey" PRIMARY KEY ("cohort")
);

-- CreateTable
CREATE TABLE "CapacityScenario" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "base" BOOLEAN NOT NULL DEFAULT false,
    "assumptions" JSONB NOT NULL DEFAULT '{}',
    "createdById" TEXT,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CapacityScenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CapacityRun" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'QUEUED',
    "jobId" TEXT,
    "requestedBy" TEXT,
    "plan" JSONB,
    "result" JSONB,
    "hires" INTEGER,
    "hireCost" DOUBLE PRECISION,
    "labourCost" DOUBLE PRECISION,
    "shortfallHours" DOUBLE PRECISION,
    "shortfallCost" DOUBLE PRECISION,
    "totalCost" DOUBLE PRECISION,
    "lowerBoundCost" DOUBLE PRECISION,
    "gap" DOUBLE PRECISION,
    "solveStatus" TEXT,
    "seconds" DOUBLE PRECISION,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CapacityRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpeningPlanTarget" (
    "openingId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "scenarioName" TEXT NOT NULL,
    "cohort" TEXT NOT NULL,
    "queueKey" TEXT NOT NULL,
    "headcount" INTEGER NOT NULL,
    "hireBy" DATE NOT NULL,
    "previousHeadcount" INTEGER,
    "previousHireBy" DATE,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedBy" TEXT,

    CONSTRAINT "OpeningPlanTarget_pkey" PRIMARY KEY ("openingId")
);

-- CreateIndex
CREATE UNIQUE INDEX "CapacityScenario_name_key" ON "CapacityScenario"("name");

-- CreateIndex
CREATE INDEX "CapacityRun_scenarioId_createdAt_idx" ON "CapacityRun"("scenarioId", "createdAt");

-- AddForeignKey
ALTER TABLE "CapacityRun" ADD CONSTRAINT "CapacityRun_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "CapacityScenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningPlanTarget" ADD CONSTRAINT "OpeningPlanTarget_openingId_fkey" FOREIGN KEY ("openingId") REFERENCES "Opening"("id") ON DELETE CASCADE ON UPDATE CASCADE;
