-- CreateEnum
CREATE TYPE "SpecialDayKind" AS ENUM ('HOLIDAY', 'CLOSED', 'EVENT');

-- AlterTable
ALTER TABLE "Queue" ADD COLUMN     "country" TEXT;

-- CreateTable
CREATE TABLE "SpecialDay" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SpecialDayKind" NOT NULL,
    "firstDay" DATE NOT NULL,
    "lastDay" DATE NOT NULL,
    "multiplier" DOUBLE PRECISION,
    "queueId" TEXT,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SpecialDay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SpecialDay_firstDay_idx" ON "SpecialDay"("firstDay");

-- AddForeignKey
ALTER TABLE "SpecialDay" ADD CONSTRAINT "SpecialDay_queueId_fkey" FOREIGN KEY ("queueId") REFERENCES "Queue"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SpecialDay" ADD CONSTRAINT "SpecialDay_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Existing queues take the holiday calendar of their language's country (editable in the queue's settings).
UPDATE "Queue" SET "country" = CASE "language"
  WHEN 'sv' THEN 'SE' WHEN 'fi' THEN 'FI' WHEN 'no' THEN 'NO' WHEN 'nb' THEN 'NO' WHEN 'da' THEN 'DK'
  WHEN 'de' THEN 'DE' WHEN 'en' THEN 'GB' WHEN 'pl' THEN 'PL' ELSE NULL END;
