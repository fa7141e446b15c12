// The applicant page: profile, availability in the recruiter's zone, timeline, notes, scorecards, interview, and the actions (move, reject, hire, export, erase) in one place.
import { TZDate } from "@date-fns/tz";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { AvailabilitySummary, CohortBadge } from "~/components/applicant-bits";
import { AvailabilityGrid } from "~/components/availability-grid";
import { Badge, Button, Card, cx } from "~/components/ui";
import { addNote, addScorecard, eraseApplicant, findApplicationOf, getApplicantDetail, moveApplication, scheduleInterview } from "~/models/applicant.server";
import { gridInZone } from "~/models/availability";
import { hireApplicant, HireSchema, skillOptions } from "~/models/hire.server";
import {
  COHORT_LABELS,
  COUNTRIES,
  LANGUAGES,
  LEVEL_LABELS,
  RECOMMENDATION_LABELS,
  RECOMMENDATIONS,
  SCORE_CRITERIA,
  SOURCES,
  type Cohort,
  type Level,
} from "~/models/recruiting-vocabulary";
import { requirePermission } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { can } from "~/utils/permissions";
import { invariantResponse } from "~/utils/responses.server";
import { formatInZone, zoneAbbreviation } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";
import { readForm } from "~/utils/form.server";

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
    can: { edit: can(user, "applicants:edit"), erase: can(user, "applicants:erase") },
  };
}

const id = z.string().min(1).max(100);
const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("move"), applicationId: id, stageId: id }),
  z.object({ intent: z.literal("close"), applicationId: id, stageId: id, reason: z.string().trim().min(3, "Give a reason (at least a few words)").max(300) }),
  z.object({ intent: z.literal("note"), body: z.string().trim().min(1, "Write something first").max(4000) }),
  z.object({
    intent: z.literal("scorecard"),
    applicationId: id,
    interviewId: z.string().max(100).optional(),
    fluency: z.coerce.number({ error: "Rate language fluency" }).int().min(1, "Rate language fluency").max(4),
    empathy: z.coerce.number({ error: "Rate empathy" }).int().min(1, "Rate empathy").max(4),
    writtenClarity: z.coerce.number({ error: "Rate written clarity" }).int().min(1, "Rate written clarity").max(4),
    problemSolving: z.coerce.number({ error: "Rate problem solving" }).int().min(1, "Rate problem solving").max(4),
    recommendation: z.enum(RECOMMENDATIONS, { error: "Choose a recommendation" }),
    comment: z.string().trim().max(2000).optional(),
  }),
  z.object({
    intent: z.literal("interview"),
    applicationId: id,
    startsAt: z.string({ error: "Choose a date and time" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time"),
    durationMinutes: z.coerce.number().int().min(15).max(180),
    link: z
      .url({ protocol: /^https$/, error: "Use an https:// meeting link" })
      .max(500)
      .optional()
      .or(z.literal("").transform(() => undefined)),
  }),
  z.object({ intent: z.literal("erase"), confirm: z.literal("on", { error: "Tick the box to confirm" }) }),
]);

type ActionErrors = { intent: string; errors: Record<string, string> };

function fail(intent: string, errors: Record<string, string>) {
  return data<ActionErrors>({ intent, errors }, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "applicants:edit");
  const applicantId = params.applicantId ?? "";
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  if (intent === "hire") {
    const parsed = HireSchema.safeParse({ ...Object.fromEntries(formData), queueIds: formData.getAll("queueIds") });
    if (!parsed.success) return fail("hire", Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])));
    invariantResponse(await findApplicationOf(applicantId, parsed.data.applicationId), "Not found", { status: 404 });
    const result = await hireApplicant(applicantId, parsed.data, user.id, env().APP_URL ?? new URL(request.url).origin);
    if (!result.ok) return fail("hire", { [result.field ?? "form"]: result.error });
    return redirectWithToast(`/recruiting/applicants/${applicantId}?application=${parsed.data.applicationId}`, {
      title: "Hired",
      description: `An invitation to set a password was sent to ${result.email}.`,
    });
  }
  const parsed = ActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return fail(intent, Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])));
  const form = parsed.data;
  const here = (applicationId?: string) => `/recruiting/applicants/${applicantId}${applicationId ? `?application=${applicationId}` : ""}`;

  if (form.intent === "erase") {
    await requirePermission(request, "applicants:erase");
    const outcome = await eraseApplicant(applicantId);
    invariantResponse(outcome !== "not-found", "Not found", { status: 404 });
    if (outcome === "hired")
      return fail("erase", { form: "A hired applicant is an agent now: their data is kept with their employment, not erased from here." });
    return redirectWithToast("/recruiting/applicants", { title: "Applicant erased", description: "Personal data is gone; the pipeline counts stay." });
  }
  if (form.intent === "note") {
    invariantResponse(await getApplicantDetail(applicantId), "Not found", { status: 404 });
    await addNote(applicantId, user.id, form.body);
    return redirectWithToast(here(String(formData.get("applicationId") ?? "") || undefined), { title: "Note added" });
  }
  const application = await findApplicationOf(applicantId, form.applicationId);
  invariantResponse(application, "Not found", { status: 404 });
  if (form.intent === "move" || form.intent === "close") {
    const result = await moveApplication(application.id, form.stageId, user.id, { reason: form.intent === "close" ? form.reason : undefined });
    if (!result.ok) return fail(form.intent, { form: result.error });
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

type LoaderData = Awaited<ReturnType<typeof loader>>;

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

function ErrorText({ children }: { children?: string }) {
  return children ? <p className="mt-1 text-sm text-rose-700">{children}</p> : null;
}

const input = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm";

export default function ApplicantPage() {
  const { applicant, application, viewer, grid, hire, can: allowed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errorsFor = (intent: string) => (actionData && "intent" in actionData && actionData.intent === intent ? actionData.errors : {});
  const stages = application.opening.stages;
  const active = application.stage.kind === "ACTIVE";
  const latestInterview = application.interviews[application.interviews.length - 1];
  const consent = applicant.consents[0];

  return (
    <>
      <header className="mb-6">
        <Link to={`/recruiting/openings/${application.opening.id}`} className="text-sm font-medium text-brand-700 hover:underline">
          ← {application.opening.title}
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{applicant.name}</h1>
          <CohortBadge cohort={applicant.cohort} />
          <Badge tone={application.stage.kind === "HIRED" ? "success" : active ? "info" : "danger"}>{application.stage.name}</Badge>
        </div>
        {applicant.applications.length > 1 ? (
          <nav aria-label="Applications" className="mt-3 flex flex-wrap gap-2 text-sm">
            {applicant.applications.map((a) => (
              <Link
                key={a.id}
                to={`?application=${a.id}`}
                aria-current={a.id === application.id ? "page" : undefined}
                className={cx(
                  "rounded-full border px-3 py-1",
                  a.id === application.id ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 text-slate-700 hover:bg-slate-50",
                )}
              >
                {a.opening.title} · {a.stage.name}
              </Link>
            ))}
          </nav>
        ) : null}
      </header>

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card title="Profile">
            <dl className="grid gap-4 sm:grid-cols-2">
              <Field label="Email">
                <a href={`mailto:${applicant.email}`} className="text-brand-700 underline">
                  {applicant.email}
                </a>
              </Field>
              <Field label="Phone">{applicant.phone ?? "—"}</Field>
              <Field label="Lives in">
                {[applicant.region, COUNTRIES[applicant.country] ?? applicant.country].filter(Boolean).join(", ")} · {applicant.timeZone.replace("_", " ")}
              </Field>
              <Field label="Languages">
                {applicant.languages.map((l) => `${LANGUAGES[l.language] ?? l.language} (${LEVEL_LABELS[l.level as Level] ?? l.level})`).join(", ")}
              </Field>
              <Field label="Cohort">{COHORT_LABELS[applicant.cohort as Cohort] ?? applicant.cohort}</Field>
              {applicant.cohort === "student" ? (
                <Field label="Studies">
                  {applicant.school}, graduating {applicant.graduation} · term-time cap {applicant.termTimeCapHours} h/week
                </Field>
              ) : null}
              {applicant.cohort === "rural" ? <Field label="Municipality">{applicant.municipality}</Field> : null}
              {applicant.cohort === "loyal-customer" ? (
                <Field label="Customer">
                  since {applicant.customerSince}
                  {applicant.customerId ? ` · no. ${applicant.customerId}` : ""}
                </Field>
              ) : null}
              <Field label="Hours wanted">{applicant.hoursWanted} h/week</Field>
              <Field label="Set-up">
                {[
                  applicant.quietRoom ? "quiet room" : "no quiet room",
                  applicant.headset ? "headset" : "no headset",
                  applicant.broadbandMbps ? `${applicant.broadbandMbps} Mbit/s` : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </Field>
              <Field label="Source">{SOURCES[application.source] ?? application.source}</Field>
              <Field label="Consent">
                {consent ? `Version ${consent.wordingVersion}, ${formatInZone(consent.givenAt, viewer.timeZone, "d MMM yyyy HH:mm")}` : "—"} · kept until{" "}
                {formatInZone(applicant.retainUntil, viewer.timeZone, "d MMM yyyy")} unless hired
              </Field>
            </dl>
          </Card>

          <Card title={`Availability in your time (${viewer.zone})`}>
            <AvailabilityGrid grid={grid} caption={`Shown in ${viewer.timeZone.replace("_", " ")}.`} />
            <p className="mt-1 text-xs text-slate-600">
              As they gave it: <AvailabilitySummary slots={applicant.availability} timeZone={applicant.timeZone} />
            </p>
          </Card>

          <Card title="Timeline">
            <Timeline application={application} timeZone={viewer.timeZone} />
          </Card>

          <Card title="Notes">
            {allowed.edit ? (
              <Form method="post" className="mb-4 space-y-2">
                <input type="hidden" name="intent" value="note" />
                <input type="hidden" name="applicationId" value={application.id} />
                <label htmlFor="note-body" className="sr-only">
                  New note
                </label>
                <textarea
                  id="note-body"
                  name="body"
                  required
                  maxLength={4000}
                  rows={3}
                  className={input}
                  placeholder="What did you learn? Visible to recruiters and managers."
                />
                <ErrorText>{errorsFor("note").body}</ErrorText>
                <Button type="submit" variant="secondary" disabled={busy}>
                  Add note
                </Button>
              </Form>
            ) : null}
            {applicant.notes.length === 0 ? (
              <p className="text-sm text-slate-600">No notes yet.</p>
            ) : (
              <ul className="space-y-3">
                {applicant.notes.map((n) => (
                  <li key={n.id} className="rounded-lg bg-slate-50 p-3 text-sm">
                    <p className="whitespace-pre-line text-slate-800">{n.body}</p>
                    <p className="mt-1 text-xs text-slate-500">
                      {n.author?.name ?? "Former user"} · {formatInZone(n.createdAt, viewer.timeZone)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>

        <div className="space-y-6">
          {allowed.edit ? (
            <Card title="Actions">
              {application.stage.kind === "HIRED" ? (
                <p className="text-sm text-slate-700">
                  Hired{application.hiredAt ? ` on ${formatInZone(application.hiredAt, viewer.timeZone, "d MMM yyyy")}` : ""}.{" "}
                  {applicant.agent
                    ? `Agent account: ${applicant.agent.user.email}, starting ${formatInZone(applicant.agent.startDate, "UTC", "d MMM yyyy")}.`
                    : ""}
                </p>
              ) : null}
              {!active && application.closedReason ? <p className="mb-3 text-sm text-slate-700">Reason: {application.closedReason}</p> : null}
              {active || application.stage.kind !== "HIRED" ? (
                <Form method="post" className="space-y-2">
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="applicationId" value={application.id} />
                  <label htmlFor="move-stage" className="block text-sm font-medium text-slate-800">
                    Move to stage
                  </label>
                  <div className="flex gap-2">
                    <select
                      id="move-stage"
                      name="stageId"
                      defaultValue={application.stage.id}
                      className="min-w-0 flex-1 rounded-lg border border-slate-300 px-2 py-2 text-sm"
                    >
                      {stages
                        .filter((s) => s.kind === "ACTIVE")
                        .map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                          </option>
                        ))}
                    </select>
                    <Button type="submit" variant="secondary" disabled={busy}>
                      Move
                    </Button>
                  </div>
                  <ErrorText>{errorsFor("move").form}</ErrorText>
                </Form>
              ) : null}
              {active ? (
                <details className="mt-4 rounded-lg border border-slate-200 p-3">
                  <summary className="cursor-pointer text-sm font-medium text-slate-800">Reject or withdraw…</summary>
                  <Form method="post" className="mt-3 space-y-2">
                    <input type="hidden" name="intent" value="close" />
                    <input type="hidden" name="applicationId" value={application.id} />
                    <fieldset>
                      <legend className="text-sm text-slate-700">Outcome</legend>
                      {stages
                        .filter((s) => s.kind === "REJECTED" || s.kind === "WITHDRAWN")
                        .map((s, i) => (
                          <label key={s.id} className="mr-4 inline-flex items-center gap-1.5 text-sm">
                            <input type="radio" name="stageId" value={s.id} defaultChecked={i === 0} className="accent-brand-600" /> {s.name}
                          </label>
                        ))}
                    </fieldset>
                    <label className="block text-sm text-slate-700">
                      Reason
                      <input name="reason" required minLength={3} maxLength={300} className={input} />
                    </label>
                    <ErrorText>{errorsFor("close").reason ?? errorsFor("close").form}</ErrorText>
                    <Button type="submit" variant="danger" disabled={busy}>
                      Close application
                    </Button>
                  </Form>
                </details>
              ) : null}
            </Card>
          ) : null}

          {allowed.edit && active ? <HireCard application={application} hire={hire} errors={errorsFor("hire")} busy={busy} /> : null}

          <Card title="Interview">
            {application.interviews.length ? (
              <ul className="mb-4 space-y-3">
                {application.interviews.map((iv) => (
                  <li key={iv.id} className="text-sm" data-testid="interview">
                    <p className="font-medium text-slate-900">
                      {formatInZone(iv.startsAt, viewer.timeZone, "EEE d MMM yyyy, HH:mm")} {viewer.zone} · {iv.durationMinutes} min
                    </p>
                    <p className="text-xs text-slate-600">
                      Their time: {formatInZone(iv.startsAt, applicant.timeZone, "EEE HH:mm")} ({zoneAbbreviation(applicant.timeZone, new Date(iv.startsAt))}) ·
                      with {iv.interviewer?.name ?? "—"}
                    </p>
                    <div className="mt-1 flex flex-wrap gap-3">
                      {iv.link ? (
                        <a href={iv.link} className="text-brand-700 underline" target="_blank" rel="noreferrer">
                          Meeting link
                        </a>
                      ) : null}
                      <a href={`/recruiting/interviews/${iv.id}/calendar.ics`} className="text-brand-700 underline" download>
                        Download .ics
                      </a>
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mb-3 text-sm text-slate-600">No interview scheduled.</p>
            )}
            {allowed.edit && active ? (
              <Form method="post" className="space-y-2 border-t border-slate-200 pt-3">
                <input type="hidden" name="intent" value="interview" />
                <input type="hidden" name="applicationId" value={application.id} />
                <label className="block text-sm text-slate-700">
                  Starts (your time, {viewer.zone})
                  <input type="datetime-local" name="startsAt" required className={input} />
                </label>
                <ErrorText>{errorsFor("interview").startsAt}</ErrorText>
                <label className="block text-sm text-slate-700">
                  Length
                  <select name="durationMinutes" defaultValue="30" className={input}>
                    {[20, 30, 45, 60].map((m) => (
                      <option key={m} value={m}>
                        {m} minutes
                      </option>
                    ))}
                  </select>
                </label>
                <label className="block text-sm text-slate-700">
                  Meeting link
                  <input type="url" name="link" placeholder="https://meet.example/…" className={input} />
                </label>
                <ErrorText>{errorsFor("interview").link}</ErrorText>
                <Button type="submit" variant="secondary" disabled={busy}>
                  Schedule interview
                </Button>
              </Form>
            ) : null}
          </Card>

          <Card title="Scorecards">
            {application.scorecards.length ? (
              <ul className="mb-4 space-y-3">
                {application.scorecards.map((s) => (
                  <li key={s.id} className="rounded-lg bg-slate-50 p-3 text-sm" data-testid="scorecard">
                    <div className="flex items-center justify-between">
                      <span className="font-medium text-slate-900">{s.author?.name ?? "Former user"}</span>
                      <Badge tone={s.recommendation.endsWith("YES") ? "success" : "danger"}>{RECOMMENDATION_LABELS[s.recommendation]}</Badge>
                    </div>
                    <dl className="mt-2 grid grid-cols-2 gap-1 text-xs text-slate-700">
                      {SCORE_CRITERIA.map((c) => (
                        <div key={c.key} className="flex justify-between gap-2">
                          <dt>{c.label}</dt>
                          <dd className="font-semibold tabular-nums">{s[c.key]} / 4</dd>
                        </div>
                      ))}
                    </dl>
                    {s.comment ? <p className="mt-2 text-slate-700">{s.comment}</p> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {allowed.edit ? (
              <ScorecardForm applicationId={application.id} interviewId={latestInterview?.id} errors={errorsFor("scorecard")} busy={busy} />
            ) : null}
          </Card>

          {allowed.edit ? (
            <Card title="Privacy">
              <div className="space-y-3 text-sm">
                <a href={`/recruiting/applicants/${applicant.id}/export.json`} className="font-medium text-brand-700 underline" download>
                  Export their data (JSON)
                </a>
                {allowed.erase && !applicant.agent ? (
                  <Form method="post" className="space-y-2 border-t border-slate-200 pt-3">
                    <input type="hidden" name="intent" value="erase" />
                    <label className="flex items-start gap-2 text-slate-700">
                      <input type="checkbox" name="confirm" className="mt-0.5 accent-rose-600" />
                      Erase {applicant.name}: remove name, contact details, notes and comments for good. Pipeline counts stay.
                    </label>
                    <ErrorText>{errorsFor("erase").confirm ?? errorsFor("erase").form}</ErrorText>
                    <Button type="submit" variant="danger" disabled={busy}>
                      Erase applicant
                    </Button>
                  </Form>
                ) : null}
              </div>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

function HireCard({
  application,
  hire,
  errors,
  busy,
}: {
  application: LoaderData["application"];
  hire: LoaderData["hire"];
  errors: Record<string, string>;
  busy: boolean;
}) {
  return (
    <section id="hire" aria-labelledby="hire-title" className="scroll-mt-6 rounded-xl border border-emerald-200 bg-emerald-50/50 p-5 shadow-sm">
      <h2 id="hire-title" className="text-sm font-semibold text-slate-900">
        Hire
      </h2>
      <p className="mt-1 text-xs text-slate-600">Creates the agent account and sends a one-time link to set a password.</p>
      <Form method="post" className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="hire" />
        <input type="hidden" name="applicationId" value={application.id} />
        {errors.form ? (
          <p role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-2 text-sm text-rose-800">
            {errors.form}
          </p>
        ) : null}
        <label className="block text-sm text-slate-700">
          Start date
          <input type="date" name="startDate" required className={input} />
        </label>
        <ErrorText>{errors.startDate}</ErrorText>
        <div className="grid grid-cols-2 gap-2">
          <label className="block text-sm text-slate-700">
            Fewest h/week
            <input type="number" name="weeklyMinHours" min={0} max={40} defaultValue={hire.minHours} required className={input} />
          </label>
          <label className="block text-sm text-slate-700">
            Most h/week
            <input
              type="number"
              name="weeklyMaxHours"
              min={1}
              max={hire.cap ?? 40}
              defaultValue={hire.maxHours}
              required
              className={input}
              aria-describedby="hire-cap"
            />
          </label>
        </div>
        <ErrorText>{errors.weeklyMaxHours ?? errors.weeklyMinHours}</ErrorText>
        {hire.cap ? (
          <p id="hire-cap" className="text-xs text-slate-600">
            Student: term-time cap {hire.cap} h/week.
          </p>
        ) : null}
        <fieldset>
          <legend className="text-sm text-slate-700">Queues (skills)</legend>
          {hire.skills.length ? (
            hire.skills.map((q) => (
              <label key={q.id} className="mr-4 inline-flex items-center gap-1.5 text-sm">
                <input type="checkbox" name="queueIds" value={q.id} defaultChecked className="accent-brand-600" /> {q.name}
              </label>
            ))
          ) : (
            <p className="text-xs text-slate-600">No queue matches this opening's languages and channels yet.</p>
          )}
        </fieldset>
        <ErrorText>{errors.queueIds}</ErrorText>
        <Button type="submit" disabled={busy} className="w-full">
          Hire and send invitation
        </Button>
      </Form>
    </section>
  );
}

function ScorecardForm({
  applicationId,
  interviewId,
  errors,
  busy,
}: {
  applicationId: string;
  interviewId?: string;
  errors: Record<string, string>;
  busy: boolean;
}) {
  return (
    <Form method="post" className="space-y-3 border-t border-slate-200 pt-3">
      <input type="hidden" name="intent" value="scorecard" />
      <input type="hidden" name="applicationId" value={applicationId} />
      {interviewId ? <input type="hidden" name="interviewId" value={interviewId} /> : null}
      <p className="text-xs text-slate-600">1 = weak · 4 = excellent</p>
      {SCORE_CRITERIA.map((c) => (
        <fieldset key={c.key}>
          <legend className="text-sm text-slate-800">{c.label}</legend>
          <div className="mt-1 flex gap-1">
            {[1, 2, 3, 4].map((n) => (
              <label key={n} className="flex-1">
                <input type="radio" name={c.key} value={n} className="peer sr-only" aria-label={`${c.label}: ${n}`} />
                <span className="block cursor-pointer rounded-md border border-slate-300 py-1 text-center text-sm peer-checked:border-brand-600 peer-checked:bg-brand-600 peer-checked:text-white peer-focus-visible:ring-2 peer-focus-visible:ring-brand-300">
                  {n}
                </span>
              </label>
            ))}
          </div>
          <ErrorText>{errors[c.key]}</ErrorText>
        </fieldset>
      ))}
      <label className="block text-sm text-slate-800">
        Recommendation
        <select name="recommendation" defaultValue="" className={input}>
          <option value="" disabled>
            Choose…
          </option>
          {RECOMMENDATIONS.map((r) => (
            <option key={r} value={r}>
              {RECOMMENDATION_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <ErrorText>{errors.recommendation}</ErrorText>
      <label className="block text-sm text-slate-800">
        Comment (optional)
        <textarea name="comment" rows={2} maxLength={2000} className={input} />
      </label>
      <Button type="submit" variant="secondary" disabled={busy}>
        Save scorecard
      </Button>
    </Form>
  );
}

function Timeline({ application, timeZone }: { application: LoaderData["application"]; timeZone: string }) {
  const events = [
    ...application.stageChanges.map((c) => ({
      at: c.createdAt,
      key: c.id,
      text: c.fromStage ? `Moved from ${c.fromStage.name} to ${c.toStage.name}` : "Applied",
      detail: [c.by?.name, c.reason].filter(Boolean).join(" · "),
    })),
    ...application.reapplications.map((r) => ({
      at: r.createdAt,
      key: r.id,
      text: `Applied again (${r.changes.length ? `changed: ${r.changes.join(", ")}` : "no changes"})`,
      detail: "",
    })),
    ...application.interviews.map((iv) => ({ at: iv.startsAt, key: iv.id, text: `Interview (${iv.durationMinutes} min)`, detail: iv.interviewer?.name ?? "" })),
    ...application.scorecards.map((s) => ({
      at: s.createdAt,
      key: s.id,
      text: `Scorecard: ${RECOMMENDATION_LABELS[s.recommendation]}`,
      detail: s.author?.name ?? "",
    })),
  ].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="timeline">
      {events.map((e) => (
        <li key={e.key} className="relative">
          <span aria-hidden="true" className="absolute -left-[1.6rem] top-1 h-2.5 w-2.5 rounded-full bg-brand-600 ring-4 ring-white" />
          <p className="text-sm font-medium text-slate-900">{e.text}</p>
          <p className="text-xs text-slate-600">
            {formatInZone(e.at, timeZone, "d MMM yyyy HH:mm")}
            {e.detail ? ` · ${e.detail}` : ""}
          </p>
        </li>
      ))}
    </ol>
  );
}
