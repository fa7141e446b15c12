-- CreateIndex
CREATE INDEX "Applicant_anonymizedAt_idx" ON "Applicant"("anonymizedAt");
