// Public careers page: the open openings, filterable by language; no sign-in.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { CareersLayout } from "~/components/careers-layout";
import { Badge, Button } from "~/components/ui";
import { listOpenOpenings } from "~/models/opening.server";
import { CHANNEL_LABELS, LANGUAGES, cohortLabel, levelLabel } from "~/models/recruiting-vocabulary";

export const meta: MetaFunction = () => [{ title: "Careers · Remote customer support jobs" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const language = new URL(request.url).searchParams.get("language") ?? "";
  const openings = await listOpenOpenings(language in LANGUAGES ? language : undefined);
  return { openings, language };
}

export default function Careers() {
  const { openings, language } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  return (
    <CareersLayout>
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900">Help our customers when the AI can't</h1>
      <p className="mt-2 max-w-2xl text-slate-600">
        Our assistant answers most questions. You take the ones that need a person — disputes, hardship, worried customers — from home, in your language, on
        hours that fit your studies, your village or your life.
      </p>
      <Form method="get" className="mt-6 flex flex-wrap items-end gap-3" onChange={(e) => submit(e.currentTarget)}>
        <div>
          <label htmlFor="language" className="block text-sm font-medium text-slate-800">
            Language
          </label>
          <select id="language" name="language" defaultValue={language} className="mt-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">All languages</option>
            {Object.entries(LANGUAGES).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <noscript>
          <Button type="submit" variant="secondary">
            Filter
          </Button>
        </noscript>
      </Form>
      <ul className="mt-6 space-y-4" aria-label="Open positions">
        {openings.length === 0 ? (
          <li className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
            No open positions in this language right now. Try another language, or come back next month.
          </li>
        ) : (
          openings.map((o) => (
            <li key={o.slug} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <h2 className="text-lg font-semibold text-slate-900">
                <Link to={`/careers/${o.slug}`} className="hover:text-brand-700 hover:underline">
                  {o.title}
                </Link>
              </h2>
              <p className="mt-1 line-clamp-2 text-sm text-slate-600">{o.description}</p>
              <div className="mt-3 flex flex-wrap gap-2">
                {o.languages.map((l) => (
                  <Badge key={l.language} tone="info">
                    {LANGUAGES[l.language] ?? l.language} {levelLabel(l.level)}+
                  </Badge>
                ))}
                {o.channels.map((c) => (
                  <Badge key={c}>{CHANNEL_LABELS[c]}</Badge>
                ))}
                <Badge>
                  {o.weeklyHoursMin}–{o.weeklyHoursMax} h/week
                </Badge>
                {o.cohorts.map((c) => (
                  <Badge key={c} tone="success">
                    {cohortLabel(c)}s welcome
                  </Badge>
                ))}
              </div>
            </li>
          ))
        )}
      </ul>
    </CareersLayout>
  );
}
