// Public application form for one open opening: the applicant's details, cohort fields, weekly availability and consent.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ApplicationForm } from "~/components/application-form";
import { CareersLayout } from "~/components/careers-layout";
import { Badge } from "~/components/ui";
import { CareersFormSchema } from "~/models/application-form";
import { ALWAYS } from "~/models/whole-form";
import { submitApplication } from "~/models/applicant.server";
import { getOpenOpeningBySlug } from "~/models/opening.server";
import { CHANNEL_LABELS, CONSENT_WORDING_VERSION, COUNTRIES, LANGUAGES, levelLabel } from "~/models/recruiting-vocabulary";
import { invariantResponse } from "~/utils/responses.server";
import { readForm, replyInvalid } from "~/utils/form.server";

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
      if (value.cohort && !opening.cohorts.includes(value.cohort))
        ctx.addIssue({ code: "custom", path: ["cohort"], message: "Choose one of the groups this position is for" });
    }, ALWAYS),
  });
  if (submission.status !== "success") return replyInvalid(submission);
  const { consent: _consent, website: _website, ...input } = submission.value;
  await submitApplication(opening.id, input, { consent: { wordingVersion: CONSENT_WORDING_VERSION, retentionDays: opening.retentionDays } });
  throw redirect(`/careers/${opening.slug}/thanks`);
}

export default function Apply() {
  const { opening } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <CareersLayout>
      <p className="text-sm font-medium text-brand-700">Remote · {opening.channels.map((c) => CHANNEL_LABELS[c]).join(", ")}</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight text-slate-900">{opening.title}</h1>
      <p className="mt-3 max-w-2xl whitespace-pre-line text-slate-700">{opening.description}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        {opening.languages.map((l) => (
          <Badge key={l.language} tone="info">
            {LANGUAGES[l.language] ?? l.language} at {levelLabel(l.level)} or better
          </Badge>
        ))}
        <Badge>
          {opening.weeklyHoursMin}–{opening.weeklyHoursMax} hours a week
        </Badge>
      </div>
      <ApplicationForm opening={opening} lastResult={actionData?.result} />
    </CareersLayout>
  );
}
