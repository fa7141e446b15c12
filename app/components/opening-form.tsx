// The opening form shared by "new" and "edit": title, languages with levels, channels, cohorts, countries, hours, status, retention.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { OpeningSchema } from "~/models/opening-form";
import { CHANNEL_LABELS, CHANNELS, COHORT_LABELS, COHORTS, COUNTRIES, OPENING_STATUS_LABELS, OPENING_STATUSES } from "~/models/recruiting-vocabulary";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "./forms";
import { LanguageLevelFields } from "./language-fields";
import { Button, Card } from "./ui";

export type OpeningDefaults = {
  title?: string;
  description?: string;
  status?: string;
  languages?: Array<{ language: string; level: string }>;
  channels?: string[];
  cohorts?: string[];
  countries?: string[];
  headcountTarget?: number;
  weeklyHoursMin?: number;
  weeklyHoursMax?: number;
  retentionDays?: number;
};

export function OpeningForm({
  defaults,
  lastResult,
  submitLabel,
}: {
  defaults: OpeningDefaults;
  lastResult?: SubmissionResult<string[]>;
  submitLabel: string;
}) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "opening",
    lastResult,
    constraint: getZodConstraint(OpeningSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: {
      ...defaults,
      languages: defaults.languages?.length ? defaults.languages : [{ language: "", level: "B2" }],
      headcountTarget: defaults.headcountTarget?.toString(),
      weeklyHoursMin: defaults.weeklyHoursMin?.toString(),
      weeklyHoursMax: defaults.weeklyHoursMax?.toString(),
      retentionDays: (defaults.retentionDays ?? 180).toString(),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OpeningSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-6">
      <input type="hidden" name="intent" value="save-opening" />
      <Card>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <TextField label="Title" meta={fields.title} inputProps={getInputProps(fields.title, { type: "text" })} />
          </div>
          <div className="sm:col-span-2">
            <TextAreaField label="Description (shown on the careers page)" meta={fields.description} textareaProps={getTextareaProps(fields.description)} />
          </div>
          <SelectField
            label="Status"
            meta={fields.status}
            selectProps={getSelectProps(fields.status)}
            options={OPENING_STATUSES.map((s) => ({ value: s, label: OPENING_STATUS_LABELS[s] }))}
            hint="Only open openings appear on the careers page."
          />
          <TextField label="Headcount target" meta={fields.headcountTarget} inputProps={getInputProps(fields.headcountTarget, { type: "number" })} />
          <TextField label="Fewest hours a week" meta={fields.weeklyHoursMin} inputProps={getInputProps(fields.weeklyHoursMin, { type: "number" })} />
          <TextField label="Most hours a week" meta={fields.weeklyHoursMax} inputProps={getInputProps(fields.weeklyHoursMax, { type: "number" })} />
          <TextField
            label="Keep applications of people not hired for (days)"
            meta={fields.retentionDays}
            inputProps={getInputProps(fields.retentionDays, { type: "number" })}
            hint="Stated to applicants when they consent."
          />
        </div>
      </Card>
      <Card title="Languages">
        <LanguageLevelFields form={form} meta={fields.languages} levelLabel="Lowest level" newRow={{ language: "", level: "B2" }} addClassName="mt-3" />
      </Card>
      <Card>
        <div className="space-y-5">
          <CheckboxGroup
            legend="Channels"
            meta={fields.channels}
            options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
            defaultValues={defaults.channels}
          />
          <CheckboxGroup
            legend="Cohorts targeted"
            meta={fields.cohorts}
            options={COHORTS.map((c) => ({ value: c, label: COHORT_LABELS[c] }))}
            defaultValues={defaults.cohorts}
          />
          <CheckboxGroup
            legend="Applicants may live in (all work is remote)"
            meta={fields.countries}
            options={Object.entries(COUNTRIES).map(([value, label]) => ({ value, label }))}
            defaultValues={defaults.countries}
          />
        </div>
      </Card>
      <Button type="submit" disabled={navigation.state === "submitting"}>
        {submitLabel}
      </Button>
    </Form>
  );
}
