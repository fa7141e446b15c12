// The filtered applicants list as a CSV download (same filters as the list view), streamed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseFilters } from "~/models/applicant-filters";
import { exportCsv } from "~/models/applicant-csv.server";
import { requirePermission } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "recruiting:view");
  const { filters } = parseFilters(new URL(request.url).searchParams);
  const lines = exportCsv(filters, user.timeZone);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="applicants-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
