-- AlterTable
ALTER TABLE "Schedule" ADD COLUMN     "ruleSetId" TEXT;

-- CreateTable
CREATE TABLE "LabourRuleSet" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LabourRuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reapplication" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "changes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Reapplication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LabourRuleSet_version_key" ON "LabourRuleSet"("version");

-- CreateIndex
CREATE INDEX "Reapplication_applicationId_createdAt_idx" ON "Reapplication"("applicationId", "createdAt");

-- AddForeignKey
ALTER TABLE "Schedule" ADD CONSTRAINT "Schedule_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "LabourRuleSet"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabourRuleSet" ADD CONSTRAINT "LabourRuleSet_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reapplication" ADD CONSTRAINT "Reapplication_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;
