/*
  Warnings:

  - The primary key for the `OpeningPlanTarget` table will be changed. If it partially fails, the table could be left without primary key constraint.

*/
-- AlterTable
ALTER TABLE "OpeningPlanTarget" DROP CONSTRAINT "OpeningPlanTarget_pkey",
ADD CONSTRAINT "OpeningPlanTarget_pkey" PRIMARY KEY ("openingId", "queueKey", "cohort");
