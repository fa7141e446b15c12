/*
  Warnings:

  - You are about to drop the column `publishedHash` on the `Shift` table. All the data in the column will be lost.

*/
-- AlterTable
ALTER TABLE "Shift" DROP COLUMN "publishedHash";

-- CreateTable
CREATE TABLE "PublishedShift" (
    "id" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "shiftId" TEXT,
    "agentId" TEXT NOT NULL,
    "queueKey" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "end" TIMESTAMP(3) NOT NULL,
    "breaks" JSONB NOT NULL DEFAULT '[]',
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublishedShift_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublishedShift_shiftId_key" ON "PublishedShift"("shiftId");

-- CreateIndex
CREATE INDEX "PublishedShift_agentId_start_idx" ON "PublishedShift"("agentId", "start");

-- CreateIndex
CREATE INDEX "PublishedShift_scheduleId_idx" ON "PublishedShift"("scheduleId");

-- AddForeignKey
ALTER TABLE "PublishedShift" ADD CONSTRAINT "PublishedShift_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "Schedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedShift" ADD CONSTRAINT "PublishedShift_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "Shift"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedShift" ADD CONSTRAINT "PublishedShift_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
