// Public application form for one open opening: the applicant's details, cohort fields, weekly availability and consent.
import { getFormProps, getInputProps, getSelectProps, useForm, type FieldMetadata } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CareersLayout } from "~/components/careers-layout";
import { FieldError, SelectField, TextField } from "~/components/forms";
import { Badge, Button } from "~/components/ui";
import { ALWAYS, CareersFormSchema } from "~/models/application-form";
import { submitApplication } from "~/models/applicant.server";
import { DAY_LONG } from "~/models/availability";
import { getOpenOpeningBySlug } from "~/models/opening.server";
import {
  CHANNEL_LABELS,
  COHORT_LABELS,
  CONSENT_WORDING_VERSION,
  consentWording,
  COUNTRIES,
  COUNTRY_ZONES,
  LANGUAGES,
  LEVEL_LABELS,
  LEVELS,
  SOURCES,
  TIME_ZONES,
  type Cohort,
  type Level,
} from "~/models/recruiting-vocabulary";
import { invariantResponse } from "~/utils/responses.server";
import { readForm } from "~/utils/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Apply: ${data.opening.title}` : "Careers" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const opening = await getOpenOpeningBySlug(params.slug ?? "");
  invariantResponse(opening, "This position is not open. It may have been filled.", { status: 404 });
  const { id: _, ...shown } = opening;
  return { opening: shown };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const opening = await getOpenOpeningBySlug(params.slug ?? "");
  invariantResponse(opening, "This position is not open. It may have been filled.", { status: 404 });
  const formData = await readForm(request);
  // Bots fill every field, people never see this one: pretend it worked and keep nothing.
  if (String(formData.get("website") ?? "").trim()) throw redirect(`/careers/${opening.slug}/thanks`);
  const submission = parseWithZod(formData, {
    schema: CareersFormSchema.superRefine((value, ctx) => {
      if (value.country && !opening.countries.includes(value.country))
        ctx.addIssue({
          code: "custom",
          path: ["country"],
          message: "This position is open to people living in " + opening.countries.map((c) => COUNTRIES[c] ?? c).join(", "),
        });
      if (value.cohort && !opening.cohorts.includes(value.cohort)) ctx.addIssue({ code: "custom", path: ["cohort"], message: "Choose one of the groups this position is for" });
    }, ALWAYS),
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { consent: _consent, website: _website, ...input } = submission.value;
  await submitApplication(opening.id, input, { consent: { wordingVersion: CONSENT_WORDING_VERSION, retentionDays: opening.retentionDays } });
  throw redirect(`/careers/${opening.slug}/thanks`);
}

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

export default function Apply() {
  const { opening } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "apply",
    lastResult: actionData?.result,
    constraint: getZodConstraint(CareersFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: {
      country: opening.countries[0],
      timeZone: COUNTRY_ZONES[opening.countries[0]] ?? "Europe/Stockholm",
      languages: [{ language: opening.languages[0]?.language ?? "", level: "" }],
      cohort: opening.cohorts.length === 1 ? opening.cohorts[0] : "",
      availability: [{ day: "0", from: "17:00", to: "21:00" }],
      source: "careers",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CareersFormSchema }),
  });
  const cohort = fields.cohort.value as Cohort | undefined;
  const languages = fields.languages.getFieldList();
  const availability = fields.availability.getFieldList();
  const busy = navigation.state === "submitting";

  return (
    <CareersLayout>
      <p className="text-sm font-medium text-brand-700">Remote · {opening.channels.map((c) => CHANNEL_LABELS[c]).join(", ")}</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight text-slate-900">{opening.title}</h1>
      <p className="mt-3 max-w-2xl whitespace-pre-line text-slate-700">{opening.description}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        {opening.languages.map((l) => (
          <Badge key={l.language} tone="info">
            {LANGUAGES[l.language] ?? l.language} at {LEVEL_LABELS[l.level as Level]} or better
          </Badge>
        ))}
        <Badge>
          {opening.weeklyHoursMin}–{opening.weeklyHoursMax} hours a week
        </Badge>
      </div>

      <Form method="post" {...getFormProps(form)} className="mt-8 space-y-6">
        {form.errors?.length ? (
          <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
            {form.errors.join(" ")}
          </div>
        ) : null}
        {/* Honeypot: hidden from people and screen readers, filled only by bots. */}
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor="website">Website</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>

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

        <Section title="Languages" description="Levels follow the CEFR scale: A1 (beginner) to C2 (mastery), or native.">
          <ul className="space-y-3">
            {languages.map((item, index) => {
              const l = item.getFieldset();
              return (
                <li key={item.key} className="flex flex-wrap items-end gap-3">
                  <div className="min-w-40 flex-1">
                    <SelectField
                      label={`Language ${index + 1}`}
                      meta={l.language}
                      selectProps={getSelectProps(l.language)}
                      placeholder="Choose…"
                      options={Object.entries(LANGUAGES).map(([value, label]) => ({ value, label }))}
                    />
                  </div>
                  <div className="w-36">
                    <SelectField
                      label="Level"
                      meta={l.level}
                      selectProps={getSelectProps(l.level)}
                      placeholder="Choose…"
                      options={LEVELS.map((v) => ({ value: v, label: LEVEL_LABELS[v] }))}
                    />
                  </div>
                  {languages.length > 1 ? (
                    <Button variant="ghost" {...form.remove.getButtonProps({ name: fields.languages.name, index })} aria-label={`Remove language ${index + 1}`}>
                      Remove
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ul>
          <FieldError meta={fields.languages} />
          <Button variant="secondary" {...form.insert.getButtonProps({ name: fields.languages.name, defaultValue: { language: "", level: "" } })}>
            Add a language
          </Button>
        </Section>

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
                  {COHORT_LABELS[c as Cohort]}
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

        <Button type="submit" disabled={busy} className="w-full sm:w-auto">
          {busy ? "Sending…" : "Send application"}
        </Button>
      </Form>
    </CareersLayout>
  );
}
