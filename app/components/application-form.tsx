// The public application form, section by section: about you, languages, cohort, when you can work, set-up at home, consent.
import { getFormProps, getInputProps, getSelectProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CareersFormSchema } from "~/models/application-form";
import { DAY_LONG } from "~/models/availability";
import type { getOpenOpeningBySlug } from "~/models/opening.server";
import {
  CONSENT_WORDING_VERSION,
  consentWording,
  COUNTRIES,
  COUNTRY_ZONES,
  SOURCES,
  TIME_ZONES,
  type Cohort,
  cohortLabel,
} from "~/models/recruiting-vocabulary";
import { useIsPending, useZodForm } from "~/utils/form";
import { FieldError, FormErrors, SelectField, TextField } from "./forms";
import { LanguageLevelFields } from "./language-fields";
import { Button } from "./ui";

export type PublicOpening = Omit<NonNullable<Awaited<ReturnType<typeof getOpenOpeningBySlug>>>, "id">;

function useApplicationForm(opening: PublicOpening, lastResult: SubmissionResult<string[]> | undefined) {
  return useZodForm(CareersFormSchema, {
    id: "apply",
    lastResult,
    defaultValue: {
      country: opening.countries[0],
      timeZone: COUNTRY_ZONES[opening.countries[0]] ?? "Europe/Stockholm",
      languages: [{ language: opening.languages[0]?.language ?? "", level: "" }],
      cohort: opening.cohorts.length === 1 ? opening.cohorts[0] : "",
      availability: [{ day: "0", from: "17:00", to: "21:00" }],
      source: "careers",
    },
  });
}
type ApplicationFormState = ReturnType<typeof useApplicationForm>;
type Parts = { form: ApplicationFormState[0]; fields: ApplicationFormState[1]; opening: PublicOpening };

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <legend className="px-1 text-base font-semibold text-slate-900">{title}</legend>
      {description ? <p className="mb-4 text-sm text-slate-600">{description}</p> : null}
      <div className="space-y-4">{children}</div>
    </fieldset>
  );
}

function Checkbox({ meta, label }: { meta: FieldMetadata<boolean | undefined>; label: string }) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-800">
      <input {...getInputProps(meta, { type: "checkbox" })} className="h-4 w-4 accent-brand-600" />
      {label}
    </label>
  );
}

function AboutYou({ fields, opening }: Parts) {
  return (
    <Section title="About you">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Full name" meta={fields.name} inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "name" }} />
        <TextField label="Email" meta={fields.email} inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email" }} />
        <TextField
          label="Phone (optional)"
          meta={fields.phone}
          inputProps={{ ...getInputProps(fields.phone, { type: "tel" }), autoComplete: "tel" }}
          hint="With country code, e.g. +358 40 123 4567"
        />
        <SelectField
          label="Country you live in"
          meta={fields.country}
          selectProps={getSelectProps(fields.country)}
          options={opening.countries.map((c) => ({ value: c, label: COUNTRIES[c] ?? c }))}
        />
        <TextField label="Region or city (optional)" meta={fields.region} inputProps={getInputProps(fields.region, { type: "text" })} />
        <SelectField
          label="Your time zone"
          meta={fields.timeZone}
          selectProps={getSelectProps(fields.timeZone)}
          options={TIME_ZONES.map((z) => ({ value: z, label: z.replace("_", " ") }))}
          hint="The times you give below are in this zone."
        />
      </div>
    </Section>
  );
}

function Languages({ form, fields }: Parts) {
  return (
    <Section title="Languages" description="Levels follow the CEFR scale: A1 (beginner) to C2 (mastery), or native.">
      <LanguageLevelFields form={form} meta={fields.languages} levelLabel="Level" levelPlaceholder="Choose…" newRow={{ language: "", level: "" }} />
    </Section>
  );
}

function WhoYouAre({ fields, opening }: Parts) {
  const cohort = fields.cohort.value as Cohort | undefined;
  return (
    <Section title="Which describes you?">
      <fieldset>
        <legend className="sr-only">Cohort</legend>
        <div className="flex flex-wrap gap-3">
          {opening.cohorts.map((c) => (
            <label
              key={c}
              className="flex items-center gap-2 rounded-lg border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name={fields.cohort.name} value={c} defaultChecked={fields.cohort.initialValue === c} className="accent-brand-600" />
              {cohortLabel(c)}
            </label>
          ))}
        </div>
        <FieldError meta={fields.cohort} />
      </fieldset>
      {cohort === "student" ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label="School or university" meta={fields.school} inputProps={getInputProps(fields.school, { type: "text" })} />
          <TextField label="Expected graduation" meta={fields.graduation} inputProps={getInputProps(fields.graduation, { type: "month" })} />
          <TextField
            label="Term-time cap (hours a week)"
            meta={fields.termTimeCapHours}
            inputProps={getInputProps(fields.termTimeCapHours, { type: "number" })}
            hint="The most your study rules allow"
          />
        </div>
      ) : null}
      {cohort === "rural" ? (
        <TextField label="Municipality or region" meta={fields.municipality} inputProps={getInputProps(fields.municipality, { type: "text" })} />
      ) : null}
      {cohort === "loyal-customer" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Customer since (year)"
            meta={fields.customerSince}
            inputProps={{ ...getInputProps(fields.customerSince, { type: "text" }), inputMode: "numeric", placeholder: "2019" }}
          />
          <TextField label="Customer number (optional)" meta={fields.customerId} inputProps={getInputProps(fields.customerId, { type: "text" })} />
        </div>
      ) : null}
    </Section>
  );
}

function WhenYouCanWork({ form, fields }: Parts) {
  const availability = fields.availability.getFieldList();
  return (
    <Section
      title="When can you work?"
      description="Add each stretch of time you could usually work in a week, in your own time zone. Add several for different days."
    >
      <ul className="space-y-3">
        {availability.map((item, index) => {
          const slot = item.getFieldset();
          return (
            <li key={item.key} className="flex flex-wrap items-end gap-3" aria-label={`Time range ${index + 1}`}>
              <div className="w-40">
                <SelectField
                  label="Day"
                  meta={slot.day}
                  selectProps={getSelectProps(slot.day)}
                  options={DAY_LONG.map((d, i) => ({ value: String(i), label: d }))}
                />
              </div>
              <div className="w-32">
                <TextField label="From" meta={slot.from} inputProps={getInputProps(slot.from, { type: "time" })} />
              </div>
              <div className="w-32">
                <TextField label="To" meta={slot.to} inputProps={getInputProps(slot.to, { type: "time" })} />
              </div>
              {availability.length > 1 ? (
                <Button
                  variant="ghost"
                  {...form.remove.getButtonProps({ name: fields.availability.name, index })}
                  aria-label={`Remove time range ${index + 1}`}
                >
                  Remove
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <FieldError meta={fields.availability} />
      <Button
        variant="secondary"
        {...form.insert.getButtonProps({
          name: fields.availability.name,
          defaultValue: { day: String(Math.min(6, availability.length)), from: "17:00", to: "21:00" },
        })}
      >
        Add a time range
      </Button>
      <div className="max-w-xs">
        <TextField label="Hours you'd like per week" meta={fields.hoursWanted} inputProps={getInputProps(fields.hoursWanted, { type: "number" })} />
      </div>
    </Section>
  );
}

function SetUp({ fields }: Parts) {
  return (
    <Section title="Your set-up at home">
      <div className="flex flex-wrap gap-6">
        <Checkbox meta={fields.quietRoom} label="A quiet room I can close" />
        <Checkbox meta={fields.headset} label="A headset with a microphone" />
      </div>
      <div className="max-w-xs">
        <TextField
          label="Broadband speed in Mbit/s (optional)"
          meta={fields.broadbandMbps}
          inputProps={getInputProps(fields.broadbandMbps, { type: "number" })}
        />
      </div>
      <div className="max-w-sm">
        <SelectField
          label="Where did you hear about us?"
          meta={fields.source}
          selectProps={getSelectProps(fields.source)}
          options={Object.entries(SOURCES)
            .filter(([k]) => k !== "import")
            .map(([value, label]) => ({ value, label }))}
        />
      </div>
    </Section>
  );
}

function Consent({ fields, opening }: Parts) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <label className="flex items-start gap-3 text-sm text-slate-800">
        <input
          {...getInputProps(fields.consent, { type: "checkbox" })}
          className="mt-0.5 h-4 w-4 accent-brand-600"
          aria-describedby={fields.consent.errors?.length ? fields.consent.errorId : undefined}
        />
        <span>{consentWording(opening.retentionDays)}</span>
      </label>
      <FieldError meta={fields.consent} />
      <p className="mt-2 text-xs text-slate-500">Consent wording version {CONSENT_WORDING_VERSION}.</p>
    </div>
  );
}

export function ApplicationForm({ opening, lastResult }: { opening: PublicOpening; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useApplicationForm(opening, lastResult);
  const parts = { form, fields, opening };
  const busy = useIsPending({ state: "submitting" });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-8 space-y-6">
      <FormErrors errors={form.errors} id={form.errorId} />
      {/* Honeypot: hidden from people and screen readers, filled only by bots. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="website">Website</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <AboutYou {...parts} />
      <Languages {...parts} />
      <WhoYouAre {...parts} />
      <WhenYouCanWork {...parts} />
      <SetUp {...parts} />
      <Consent {...parts} />
      <Button type="submit" disabled={busy} className="w-full sm:w-auto">
        {busy ? "Sending…" : "Send application"}
      </Button>
    </Form>
  );
}
