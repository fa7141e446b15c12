// What a recruiter does to an application from the applicant page: move it, close it, hire, or erase the applicant.
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ApplicantDetail, ApplicationDetail } from "~/models/applicant.server";
import { CloseSchema, EraseSchema, HireSchema, MoveSchema } from "~/models/applicant-forms";
import { useIsPending, useResultFor, useZodForm } from "~/utils/form";
import { formatInZone } from "~/utils/time";
import { FieldError, FormErrors, TextField } from "./forms";
import { Button, Card } from "./ui";

function MoveForm({ application }: { application: ApplicationDetail }) {
  const [form, fields] = useZodForm(MoveSchema, { id: "move", lastResult: useResultFor("move"), defaultValue: { stageId: application.stage.id } });
  const pending = useIsPending({ intent: "move" });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="applicationId" value={application.id} />
      <label htmlFor={fields.stageId.id} className="block text-sm font-medium text-slate-800">
        Move to stage
      </label>
      <div className="flex gap-2">
        <select {...getSelectProps(fields.stageId)} className="min-w-0 flex-1 rounded-lg border border-slate-300 px-2 py-2 text-sm">
          {application.opening.stages
            .filter((s) => s.kind === "ACTIVE")
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
        </select>
        <Button type="submit" variant="secondary" disabled={pending}>
          Move
        </Button>
      </div>
      <FieldError meta={fields.stageId} />
      <FormErrors errors={form.errors} id={form.errorId} />
    </Form>
  );
}

function CloseForm({ application }: { application: ApplicationDetail }) {
  const outcomes = application.opening.stages.filter((s) => s.kind === "REJECTED" || s.kind === "WITHDRAWN");
  const [form, fields] = useZodForm(CloseSchema, { id: "close", lastResult: useResultFor("close"), defaultValue: { stageId: outcomes[0]?.id } });
  const pending = useIsPending({ intent: "close" });
  return (
    <details className="mt-4 rounded-lg border border-slate-200 p-3" open={Boolean(form.errors?.length || fields.reason.errors?.length)}>
      <summary className="cursor-pointer text-sm font-medium text-slate-800">Reject or withdraw…</summary>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-2">
        <input type="hidden" name="intent" value="close" />
        <input type="hidden" name="applicationId" value={application.id} />
        <fieldset>
          <legend className="text-sm text-slate-700">Outcome</legend>
          {outcomes.map((s) => (
            <label key={s.id} className="mr-4 inline-flex items-center gap-1.5 text-sm">
              <input type="radio" name={fields.stageId.name} value={s.id} defaultChecked={fields.stageId.initialValue === s.id} className="accent-brand-600" />{" "}
              {s.name}
            </label>
          ))}
        </fieldset>
        <TextField label="Reason" meta={fields.reason} inputProps={getInputProps(fields.reason, { type: "text" })} />
        <FormErrors errors={form.errors} id={form.errorId} />
        <Button type="submit" variant="danger" disabled={pending}>
          Close application
        </Button>
      </Form>
    </details>
  );
}

export function StageCard({ applicant, application, timeZone }: { applicant: ApplicantDetail; application: ApplicationDetail; timeZone: string }) {
  const active = application.stage.kind === "ACTIVE";
  return (
    <Card title="Actions">
      {application.stage.kind === "HIRED" ? (
        <p className="text-sm text-slate-700">
          Hired{application.hiredAt ? ` on ${formatInZone(application.hiredAt, timeZone, "d MMM yyyy")}` : ""}.{" "}
          {applicant.agent ? `Agent account: ${applicant.agent.user.email}, starting ${formatInZone(applicant.agent.startDate, "UTC", "d MMM yyyy")}.` : ""}
        </p>
      ) : null}
      {!active && application.closedReason ? <p className="mb-3 text-sm text-slate-700">Reason: {application.closedReason}</p> : null}
      {application.stage.kind !== "HIRED" ? <MoveForm application={application} /> : null}
      {active ? <CloseForm application={application} /> : null}
    </Card>
  );
}

export type HireTerms = { skills: Array<{ id: string; name: string }>; minHours: number; maxHours: number; cap: number | null };

export function HireCard({ application, hire }: { application: ApplicationDetail; hire: HireTerms }) {
  const [form, fields] = useZodForm(HireSchema, {
    // Not "hire": the card around it has that id (the page's #hire anchor), and inputs find their form by id.
    id: "hire-form",
    lastResult: useResultFor("hire"),
    defaultValue: { weeklyMinHours: hire.minHours, weeklyMaxHours: hire.maxHours, queueIds: hire.skills.map((q) => q.id) },
  });
  const pending = useIsPending({ intent: "hire" });
  const chosen = (fields.queueIds.initialValue as string[] | string | undefined) ?? [];
  return (
    <section id="hire" aria-labelledby="hire-title" className="scroll-mt-6 rounded-xl border border-emerald-200 bg-emerald-50/50 p-5 shadow-sm">
      <h2 id="hire-title" className="text-sm font-semibold text-slate-900">
        Hire
      </h2>
      <p className="mt-1 text-xs text-slate-600">Creates the agent account and sends a one-time link to set a password.</p>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="hire" />
        <input type="hidden" name="applicationId" value={application.id} />
        <FormErrors errors={form.errors} id={form.errorId} />
        <TextField label="Start date" meta={fields.startDate} inputProps={getInputProps(fields.startDate, { type: "date" })} />
        <div className="grid grid-cols-2 gap-2">
          <TextField
            label="Fewest h/week"
            meta={fields.weeklyMinHours}
            inputProps={{ ...getInputProps(fields.weeklyMinHours, { type: "number" }), min: 0, max: 40 }}
          />
          <TextField
            label="Most h/week"
            meta={fields.weeklyMaxHours}
            inputProps={{ ...getInputProps(fields.weeklyMaxHours, { type: "number" }), min: 1, max: hire.cap ?? 40 }}
            hint={hire.cap ? `Student: term-time cap ${hire.cap} h/week.` : undefined}
          />
        </div>
        <fieldset aria-describedby={fields.queueIds.errors?.length ? fields.queueIds.errorId : undefined}>
          <legend className="text-sm text-slate-700">Queues (skills)</legend>
          {hire.skills.length ? (
            hire.skills.map((q) => (
              <label key={q.id} className="mr-4 inline-flex items-center gap-1.5 text-sm">
                <input type="checkbox" name={fields.queueIds.name} value={q.id} defaultChecked={chosen.includes(q.id)} className="accent-brand-600" /> {q.name}
              </label>
            ))
          ) : (
            <p className="text-xs text-slate-600">No queue matches this opening&apos;s languages and channels yet.</p>
          )}
          <FieldError meta={fields.queueIds} />
        </fieldset>
        <Button type="submit" disabled={pending} className="w-full">
          Hire and send invitation
        </Button>
      </Form>
    </section>
  );
}

export function PrivacyCard({ applicant, canErase }: { applicant: ApplicantDetail; canErase: boolean }) {
  const [form, fields] = useZodForm(EraseSchema, { id: "erase", lastResult: useResultFor("erase") });
  const pending = useIsPending({ intent: "erase" });
  return (
    <Card title="Privacy">
      <div className="space-y-3 text-sm">
        <a href={`/recruiting/applicants/${applicant.id}/export.json`} className="font-medium text-brand-700 underline" download>
          Export their data (JSON)
        </a>
        {canErase && !applicant.agent ? (
          <Form method="post" {...getFormProps(form)} className="space-y-2 border-t border-slate-200 pt-3">
            <input type="hidden" name="intent" value="erase" />
            <label className="flex items-start gap-2 text-slate-700">
              <input {...getInputProps(fields.confirm, { type: "checkbox" })} className="mt-0.5 accent-rose-600" />
              Erase {applicant.name}: remove name, contact details, notes and comments for good. Pipeline counts stay.
            </label>
            <FieldError meta={fields.confirm} />
            <FormErrors errors={form.errors} id={form.errorId} />
            <Button type="submit" variant="danger" disabled={pending}>
              Erase applicant
            </Button>
          </Form>
        ) : null}
      </div>
    </Card>
  );
}
