// What recruiters learn about an applicant, shown and added on the applicant page: notes, interviews and scorecards.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ApplicantDetail, ApplicationDetail } from "~/models/applicant.server";
import { InterviewSchema, NoteSchema, ScorecardSchema } from "~/models/applicant-forms";
import { RECOMMENDATION_LABELS, RECOMMENDATIONS, SCORE_CRITERIA } from "~/models/recruiting-vocabulary";
import { useIsPending, useResultFor, useZodForm } from "~/utils/form";
import { formatInZone, zoneAbbreviation } from "~/utils/time";
import { FieldError, SelectField, TextAreaField, TextField } from "./forms";
import { Badge, Button, Card } from "./ui";

export function NotesCard({
  applicant,
  applicationId,
  canEdit,
  timeZone,
}: {
  applicant: ApplicantDetail;
  applicationId: string;
  canEdit: boolean;
  timeZone: string;
}) {
  const [form, fields] = useZodForm(NoteSchema, { id: "note", lastResult: useResultFor("note") });
  const pending = useIsPending({ intent: "note" });
  return (
    <Card title="Notes">
      {canEdit ? (
        <Form method="post" {...getFormProps(form)} className="mb-4 space-y-2">
          <input type="hidden" name="intent" value="note" />
          <input type="hidden" name="applicationId" value={applicationId} />
          <TextAreaField
            label="New note"
            hideLabel
            meta={fields.body}
            textareaProps={{ ...getTextareaProps(fields.body), rows: 3, placeholder: "What did you learn? Visible to recruiters and managers." }}
          />
          <Button type="submit" variant="secondary" disabled={pending}>
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
                {n.author?.name ?? "Former user"} · {formatInZone(n.createdAt, timeZone)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function InterviewForm({ applicationId, zone }: { applicationId: string; zone: string }) {
  const [form, fields] = useZodForm(InterviewSchema, { id: "interview", lastResult: useResultFor("interview"), defaultValue: { durationMinutes: "30" } });
  const pending = useIsPending({ intent: "interview" });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2 border-t border-slate-200 pt-3">
      <input type="hidden" name="intent" value="interview" />
      <input type="hidden" name="applicationId" value={applicationId} />
      <TextField label={`Starts (your time, ${zone})`} meta={fields.startsAt} inputProps={getInputProps(fields.startsAt, { type: "datetime-local" })} />
      <SelectField
        label="Length"
        meta={fields.durationMinutes}
        selectProps={getSelectProps(fields.durationMinutes)}
        options={[20, 30, 45, 60].map((m) => ({ value: String(m), label: `${m} minutes` }))}
      />
      <TextField
        label="Meeting link"
        meta={fields.link}
        inputProps={{ ...getInputProps(fields.link, { type: "url" }), placeholder: "https://meet.example/…" }}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        Schedule interview
      </Button>
    </Form>
  );
}

export function InterviewCard({
  applicant,
  application,
  canSchedule,
  viewer,
}: {
  applicant: ApplicantDetail;
  application: ApplicationDetail;
  canSchedule: boolean;
  viewer: { timeZone: string; zone: string };
}) {
  return (
    <Card title="Interview">
      {application.interviews.length ? (
        <ul className="mb-4 space-y-3">
          {application.interviews.map((iv) => (
            <li key={iv.id} className="text-sm" data-testid="interview">
              <p className="font-medium text-slate-900">
                {formatInZone(iv.startsAt, viewer.timeZone, "EEE d MMM yyyy, HH:mm")} {viewer.zone} · {iv.durationMinutes} min
              </p>
              <p className="text-xs text-slate-600">
                Their time: {formatInZone(iv.startsAt, applicant.timeZone, "EEE HH:mm")} ({zoneAbbreviation(applicant.timeZone, new Date(iv.startsAt))}) · with{" "}
                {iv.interviewer?.name ?? "—"}
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
      {canSchedule ? <InterviewForm applicationId={application.id} zone={viewer.zone} /> : null}
    </Card>
  );
}

function ScorecardForm({ applicationId, interviewId }: { applicationId: string; interviewId?: string }) {
  const [form, fields] = useZodForm(ScorecardSchema, { id: "scorecard", lastResult: useResultFor("scorecard") });
  const pending = useIsPending({ intent: "scorecard" });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3 border-t border-slate-200 pt-3">
      <input type="hidden" name="intent" value="scorecard" />
      <input type="hidden" name="applicationId" value={applicationId} />
      {interviewId ? <input type="hidden" name="interviewId" value={interviewId} /> : null}
      <p className="text-xs text-slate-600">1 = weak · 4 = excellent</p>
      {SCORE_CRITERIA.map((c) => {
        const meta = fields[c.key];
        return (
          <fieldset key={c.key} aria-describedby={meta.errors?.length ? meta.errorId : undefined}>
            <legend className="text-sm text-slate-800">{c.label}</legend>
            <div className="mt-1 flex gap-1">
              {[1, 2, 3, 4].map((n) => (
                <label key={n} className="flex-1">
                  <input
                    type="radio"
                    name={meta.name}
                    value={n}
                    defaultChecked={meta.initialValue === String(n)}
                    className="peer sr-only"
                    aria-label={`${c.label}: ${n}`}
                  />
                  <span className="block cursor-pointer rounded-md border border-slate-300 py-1 text-center text-sm peer-checked:border-brand-600 peer-checked:bg-brand-600 peer-checked:text-white peer-focus-visible:ring-2 peer-focus-visible:ring-brand-300">
                    {n}
                  </span>
                </label>
              ))}
            </div>
            <FieldError meta={meta} />
          </fieldset>
        );
      })}
      <SelectField
        label="Recommendation"
        meta={fields.recommendation}
        selectProps={getSelectProps(fields.recommendation)}
        placeholder="Choose…"
        options={RECOMMENDATIONS.map((r) => ({ value: r, label: RECOMMENDATION_LABELS[r] }))}
      />
      <TextAreaField label="Comment (optional)" meta={fields.comment} textareaProps={{ ...getTextareaProps(fields.comment), rows: 2 }} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Save scorecard
      </Button>
    </Form>
  );
}

export function ScorecardsCard({ application, canEdit }: { application: ApplicationDetail; canEdit: boolean }) {
  const latestInterview = application.interviews[application.interviews.length - 1];
  return (
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
      {canEdit ? <ScorecardForm applicationId={application.id} interviewId={latestInterview?.id} /> : null}
    </Card>
  );
}
