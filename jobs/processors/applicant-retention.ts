// Processor for "applicant-retention" (daily, see its repeat in the registry): anonymises applicants past retention who were never hired.
import { anonymizeExpiredApplicants } from "../../app/models/applicant.server";
import { defineProcessor } from "./define";

export const processApplicantRetention = defineProcessor("applicant-retention", async (payload, { progress }) => {
  await progress(0);
  const now = payload.asOf ? new Date(payload.asOf) : new Date();
  const anonymized = await anonymizeExpiredApplicants(now, (done, total) => progress(Math.round((done / Math.max(1, total)) * 100)));
  await progress(100);
  return { anonymized, asOf: now.toISOString() };
});
