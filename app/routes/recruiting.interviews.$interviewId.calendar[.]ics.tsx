// An interview as an .ics file, for the recruiter's calendar; recruiting roles only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createEvent } from "ics";
import { getInterviewForCalendar } from "~/models/interview.server";
import { requirePermission } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "recruiting:view");
  const interview = await getInterviewForCalendar(params.interviewId ?? "");
  invariantResponse(interview, "Not found", { status: 404 });
  const { applicant, opening } = interview.application;
  const { error, value } = createEvent({
    uid: `interview-${interview.id}@handoff`,
    start: interview.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: interview.durationMinutes },
    title: `Interview: ${applicant.name} — ${opening.title}`,
    description: [`Interview with ${applicant.name} (${applicant.email}) for ${opening.title}.`, interview.link ? `Join: ${interview.link}` : null]
      .filter(Boolean)
      .join("\n"),
    ...(interview.link ? { url: interview.link, location: interview.link } : {}),
    ...(interview.interviewer ? { organizer: { name: interview.interviewer.name, email: interview.interviewer.email } } : {}),
    attendees: [{ name: applicant.name, email: applicant.email, rsvp: true, role: "REQ-PARTICIPANT" }],
    productId: "handoff/recruiting",
  });
  if (error || !value) throw new Response("Could not build the calendar file", { status: 500 });
  return new Response(value, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="interview-${interview.id}.ics"`,
      "Cache-Control": "private, no-store",
    },
  });
}
