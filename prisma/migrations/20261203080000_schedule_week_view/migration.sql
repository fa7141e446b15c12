-- The schedule page's view of a draft, written with its shifts (see Schedule.staffed in schema.prisma).
-- Existing rows keep NULL and get their view built on first read.
ALTER TABLE "Schedule" ADD COLUMN "staffed" JSONB,
ADD COLUMN "shiftAgents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "changedShifts" INTEGER NOT NULL DEFAULT 0;
