// Recruiting reports: the funnel with pass-through and time in stage, funnels by cohort, source effectiveness, and hires against target.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSubmit } from "@remix-run/react";
import { BarList, FunnelChart } from "~/components/recruiting-charts";
import { ButtonLink, Card, PageHeader, ProgressBar, Stat } from "~/components/ui";
import { listOpeningOptions } from "~/models/opening.server";
import { recruitingReport } from "~/models/recruiting-report.server";
import { SOURCES, cohortLabel } from "~/models/recruiting-vocabulary";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Recruiting reports · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "recruiting:view");
  const openings = await listOpeningOptions();
  const wanted = new URL(request.url).searchParams.get("openingId");
  const openingId = openings.some((o) => o.id === wanted) ? wanted : null;
  return { openings, openingId, report: await recruitingReport(openingId) };
}

const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)}%`);
const days = (v: number | null) => (v === null ? "—" : `${v < 10 ? v.toFixed(1) : Math.round(v)} d`);

export default function Reports() {
  const { openings, openingId, report } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const scope = openingId ? openings.find((o) => o.id === openingId)?.title : "All openings";
  return (
    <>
      <PageHeader
        title="Recruiting reports"
        description="How applicants move through the pipeline, where good hires come from, and how far each opening is from its target."
        actions={<ButtonLink to="/recruiting">Openings</ButtonLink>}
      />
      <Form method="get" className="mb-6" onChange={(e) => submit(e.currentTarget)}>
        <label className="text-sm font-medium text-slate-800">
          Opening
          <select name="openingId" defaultValue={openingId ?? ""} className="ml-2 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm">
            <option value="">All openings</option>
            {openings.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        </label>
        <noscript>
          <button type="submit" className="ml-2 underline">
            Show
          </button>
        </noscript>
      </Form>
      <div className="mb-6 grid gap-4 sm:grid-cols-4">
        <Stat label="Applications" value={report.applications.toLocaleString("en-GB")} hint={scope} />
        <Stat label="Hires" value={report.hires.toLocaleString("en-GB")} />
        <Stat label="Applied → hired" value={pct(report.applications ? report.hires / report.applications : null)} />
        <Stat label="Median time to hire" value={days(report.medianDaysToHire)} hint="From applying to Hired" />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Funnel: applications that reached each step">
          <FunnelChart steps={report.funnel} title={`Funnel for ${scope}`} />
          <table className="mt-4 w-full text-left text-sm">
            <caption className="sr-only">Funnel figures</caption>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 font-medium">Step</th>
                <th className="py-2 text-right font-medium">Reached</th>
                <th className="py-2 text-right font-medium">Pass-through</th>
                <th className="py-2 text-right font-medium">Median time in step</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.funnel.map((s) => (
                <tr key={s.name}>
                  <td className="py-1.5">{s.name}</td>
                  <td className="py-1.5 text-right tabular-nums">{s.reached.toLocaleString("en-GB")}</td>
                  <td className="py-1.5 text-right tabular-nums">{pct(s.passThrough)}</td>
                  <td className="py-1.5 text-right tabular-nums">{days(s.medianDays)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title="Hires against headcount target">
          <ul className="space-y-3">
            {report.targets.map((t) => (
              <li key={t.id}>
                <div className="mb-1 flex justify-between gap-2 text-sm">
                  <span className="line-clamp-2 text-slate-800" title={t.title}>
                    {t.title}
                  </span>
                  <span className="tabular-nums text-slate-700">
                    {t.hired} / {t.target}
                  </span>
                </div>
                <ProgressBar value={(t.hired / Math.max(1, t.target)) * 100} label={`Hires against target for ${t.title}`} />
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Funnel by cohort (share of applicants reaching each step)" className="lg:col-span-2">
          <div className="-mx-5 overflow-x-auto">
            <table className="w-full min-w-[640px] text-left text-sm">
              <caption className="sr-only">Funnel per cohort</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-5 py-2 font-medium">Cohort</th>
                  {report.funnel.map((s) => (
                    <th key={s.name} className="px-3 py-2 text-right font-medium">
                      {s.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {report.cohorts.map((c) => (
                  <tr key={c.value}>
                    <td className="px-5 py-2 font-medium text-slate-900">{cohortLabel(c.value)}</td>
                    {c.funnel.map((s) => (
                      <td key={s.name} className="px-3 py-2 text-right tabular-nums">
                        {s.reached.toLocaleString("en-GB")} <span className="text-xs text-slate-500">{pct(c.total ? s.reached / c.total : null)}</span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <Card title="Source effectiveness: hire rate">
          <BarList
            label="Hire rate per source"
            items={report.sources.map((s) => ({ name: SOURCES[s.value] ?? s.value, value: s.hireRate }))}
            format={(v) => pct(v)}
          />
        </Card>
        <Card title="Sources">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Applications, interviews and hires per source</caption>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-2 font-medium">Source</th>
                <th className="py-2 text-right font-medium">Applied</th>
                <th className="py-2 text-right font-medium">Interviewed</th>
                <th className="py-2 text-right font-medium">Hired</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.sources.map((s) => (
                <tr key={s.value}>
                  <td className="py-1.5">{SOURCES[s.value] ?? s.value}</td>
                  <td className="py-1.5 text-right tabular-nums">{s.total.toLocaleString("en-GB")}</td>
                  <td className="py-1.5 text-right tabular-nums">{s.interviewed.toLocaleString("en-GB")}</td>
                  <td className="py-1.5 text-right tabular-nums">{s.hires.toLocaleString("en-GB")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      </div>
    </>
  );
}
