-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('KEPT', 'QUEUED', 'SENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "InvitationPurpose" AS ENUM ('WELCOME', 'PASSWORD_RESET');

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "purpose" "InvitationPurpose" NOT NULL DEFAULT 'WELCOME';

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "status" "MailStatus" NOT NULL DEFAULT 'QUEUED';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deactivatedAt" TIMESTAMP(3),
ADD COLUMN     "lastSignInAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "OutboxMessage_status_createdAt_idx" ON "OutboxMessage"("status", "createdAt");

-- Backfill: before this migration no mail server was ever used, so unsent messages were kept for admins to read.
UPDATE "OutboxMessage" SET "status" = 'KEPT' WHERE "sentAt" IS NULL;
UPDATE "OutboxMessage" SET "status" = 'SENT' WHERE "sentAt" IS NOT NULL;
