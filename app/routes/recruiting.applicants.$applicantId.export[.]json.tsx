// One applicant's stored data as JSON, for a subject-access request; recruiting roles only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportApplicantData } from "~/models/applicant.server";
import { requirePermission } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "applicants:edit");
  const applicant = await exportApplicantData(params.applicantId ?? "");
  invariantResponse(applicant, "Not found", { status: 404 });
  return new Response(JSON.stringify({ exportedAt: new Date().toISOString(), applicant }, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="applicant-${applicant.id}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
