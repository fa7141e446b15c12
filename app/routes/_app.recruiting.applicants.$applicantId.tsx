// The applicant page: profile, availability in the recruiter's zone, timeline, notes, scorecards, interview, and the actions (move, reject, hire, export, erase) in one place.
import { parseWithZod } from "@conform-to/zod/v4";
import { TZDate } from "@date-fns/tz";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { HireCard, PrivacyCard, StageCard } from "~/components/applicant-actions";
import { ApplicantHeader, AvailabilityCard, ProfileCard, Timeline } from "~/components/applicant-profile";
import { InterviewCard, NotesCard, ScorecardsCard } from "~/components/applicant-reviews";
import { ApplicantActionSchema } from "~/models/applicant-forms";
import { eraseApplicant, getApplicantDetail } from "~/models/applicant.server";
import { findApplicationOf, moveApplication } from "~/models/application.server";
import { addNote, addScorecard } from "~/models/scorecard.server";
import { scheduleInterview } from "~/models/interview.server";
import { gridInZone } from "~/models/availability";
import { hireApplicant, skillOptions } from "~/models/hire.server";
import { requirePermission } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { readForm, replyInvalid } from "~/utils/form.server";
import { permitted } from "~/utils/permissions";
import { invariantResponse } from "~/utils/responses.server";
import { zoneAbbreviation } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.applicant.name ?? "Applicant"} · Handoff` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "recruiting:view");
  const applicant = await getApplicantDetail(params.applicantId ?? "");
  invariantResponse(applicant, "Not found", { status: 404 });
  const wanted = new URL(request.url).searchParams.get("application");
  const application = applicant.applications.find((a) => a.id === wanted) ?? applicant.applications[0];
  invariantResponse(application, "Not found", { status: 404 });
  const opening = application.opening;
  const skills = await skillOptions(opening.languageCodes, opening.channels);
  const cap = applicant.cohort === "student" ? applicant.termTimeCapHours : null;
  return {
    applicant,
    application,
    viewer: { timeZone: user.timeZone, zone: zoneAbbreviation(user.timeZone) },
    grid: gridInZone(applicant.availability, applicant.timeZone, user.timeZone),
    hire: {
      skills,
      minHours: Math.min(opening.weeklyHoursMin, applicant.hoursWanted),
      maxHours: Math.min(opening.weeklyHoursMax, applicant.hoursWanted, cap ?? 40),
      cap,
    },
    can: permitted(user, ["applicants:edit", "applicants:erase"]),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "applicants:edit");
  const applicantId = params.applicantId ?? "";
  const submission = parseWithZod(await readForm(request), { schema: ApplicantActionSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const form = submission.value;
  const here = (applicationId?: string) => `/recruiting/applicants/${applicantId}${applicationId ? `?application=${applicationId}` : ""}`;

  if (form.intent === "erase") {
    await requirePermission(request, "applicants:erase");
    const outcome = await eraseApplicant(applicantId);
    invariantResponse(outcome !== "not-found", "Not found", { status: 404 });
    if (outcome === "hired")
      return replyInvalid(submission, { formErrors: ["A hired applicant is an agent now: their data is kept with their employment, not erased from here."] });
    return redirectWithToast("/recruiting/applicants", { title: "Applicant erased", description: "Personal data is gone; the pipeline counts stay." });
  }
  if (form.intent === "note") {
    invariantResponse(await getApplicantDetail(applicantId), "Not found", { status: 404 });
    await addNote(applicantId, user.id, form.body);
    return redirectWithToast(here(form.applicationId), { title: "Note added" });
  }
  const application = await findApplicationOf(applicantId, form.applicationId);
  invariantResponse(application, "Not found", { status: 404 });
  if (form.intent === "hire") {
    const result = await hireApplicant(applicantId, form, user.id, env().APP_URL ?? new URL(request.url).origin);
    if (!result.ok) return replyInvalid(submission, result.field ? { fieldErrors: { [result.field]: [result.error] } } : { formErrors: [result.error] });
    return redirectWithToast(here(application.id), { title: "Hired", description: `An invitation to set a password was sent to ${result.email}.` });
  }
  if (form.intent === "move" || form.intent === "close") {
    const result = await moveApplication(application.id, form.stageId, user.id, { reason: form.intent === "close" ? form.reason : undefined });
    if (!result.ok) return replyInvalid(submission, { formErrors: [result.error] });
    return redirectWithToast(here(application.id), { title: result.changed ? "Stage changed" : "Already in that stage" });
  }
  if (form.intent === "scorecard") {
    const { intent: _, applicationId: __, ...score } = form;
    await addScorecard(application.id, user.id, score);
    return redirectWithToast(here(application.id), { title: "Scorecard saved" });
  }
  const [date, time] = form.startsAt.split("T");
  const [y, m, d] = date.split("-").map(Number);
  const [h, min] = time.split(":").map(Number);
  const startsAt = new Date(new TZDate(y, m - 1, d, h, min, 0, user.timeZone).getTime());
  await scheduleInterview(application.id, user.id, startsAt, form.durationMinutes, form.link);
  return redirectWithToast(here(application.id), { title: "Interview scheduled", description: "Download the .ics file to add it to a calendar." });
}

export default function ApplicantPage() {
  const { applicant, application, viewer, grid, hire, can } = useLoaderData<typeof loader>();
  const allowed = { edit: can["applicants:edit"], erase: can["applicants:erase"] };
  const active = application.stage.kind === "ACTIVE";
  return (
    <>
      <ApplicantHeader applicant={applicant} application={application} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <ProfileCard applicant={applicant} application={application} timeZone={viewer.timeZone} />
          <AvailabilityCard applicant={applicant} grid={grid} viewer={viewer} />
          <Timeline application={application} timeZone={viewer.timeZone} />
          <NotesCard applicant={applicant} applicationId={application.id} canEdit={allowed.edit} timeZone={viewer.timeZone} />
        </div>
        <div className="space-y-6">
          {allowed.edit ? <StageCard applicant={applicant} application={application} timeZone={viewer.timeZone} /> : null}
          {allowed.edit && active ? <HireCard application={application} hire={hire} /> : null}
          <InterviewCard applicant={applicant} application={application} canSchedule={allowed.edit && active} viewer={viewer} />
          <ScorecardsCard application={application} canEdit={allowed.edit} />
          {allowed.edit ? <PrivacyCard applicant={applicant} canErase={allowed.erase} /> : null}
        </div>
      </div>
    </>
  );
}
