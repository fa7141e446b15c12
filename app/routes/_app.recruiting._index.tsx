// Recruiting home: every opening with its pipeline per stage and hires against target; the way into boards, lists, import and reports.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PeopleIcon } from "~/components/icons";
import { Badge, ButtonLink, Card, EmptyState, PageHeader, ProgressBar, Stat } from "~/components/ui";
import { openingsBehindPlan } from "~/models/capacity.server";
import { listOpeningsSummary } from "~/models/opening.server";
import { planTargetLine } from "~/components/plan-target";
import { CHANNEL_LABELS, LANGUAGES, OPENING_STATUS_LABELS, cohortLabel } from "~/models/recruiting-vocabulary";
import { requirePermission } from "~/utils/auth.server";
import { permitted } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "Recruiting · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "recruiting:view");
  const [openings, behindPlan] = await Promise.all([listOpeningsSummary(), openingsBehindPlan()]);
  return { behindPlan, firstName: user.name.split(" ")[0], openings, can: permitted(user, ["openings:edit", "applicants:edit"]) };
}

const STATUS_TONES = { OPEN: "success", DRAFT: "neutral", PAUSED: "warning", CLOSED: "neutral" } as const;

export default function RecruitingHome() {
  const { behindPlan, firstName, openings, can } = useLoaderData<typeof loader>();
  const open = openings.filter((o) => o.status === "OPEN");
  const inPipeline = open.reduce((n, o) => n + o.active, 0);
  const hired = open.reduce((n, o) => n + o.hired, 0);
  const target = open.reduce((n, o) => n + o.headcountTarget, 0);
  return (
    <>
      <PageHeader
        title={`Pipeline, ${firstName}`}
        description="Openings per language and channel, and where every applicant stands."
        actions={
          <>
            <ButtonLink to="/recruiting/applicants">All applicants</ButtonLink>
            <ButtonLink to="/recruiting/reports">Reports</ButtonLink>
            {can["applicants:edit"] ? <ButtonLink to="/recruiting/import">Import CSV</ButtonLink> : null}
            {can["openings:edit"] ? (
              <ButtonLink to="/recruiting/openings/new" variant="primary">
                New opening
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {openings.length === 0 ? (
        <EmptyState
          icon={<PeopleIcon />}
          title="No openings yet"
          action={
            can["openings:edit"] ? (
              <ButtonLink to="/recruiting/openings/new" variant="primary">
                Create the first opening
              </ButtonLink>
            ) : undefined
          }
        >
          Openings define a language, the channels and the cohorts you hire from. Their pipelines — applied, screening, interview, offer, hired — are summarised
          here.
        </EmptyState>
      ) : (
        <>
          <div className="mb-6 grid gap-4 sm:grid-cols-3">
            <Stat label="Open openings" value={open.length} />
            <Stat label="In the pipeline" value={inPipeline.toLocaleString("en-GB")} hint="Applicants not yet hired, rejected or withdrawn" />
            <Stat label="Hired against target" value={`${hired} / ${target}`} hint="Across open openings" />
          </div>
          {behindPlan.length > 0 ? (
            <Card title="Furthest behind plan" className="mb-6">
              <ul className="-mx-5 divide-y divide-slate-100" aria-label="Openings furthest behind plan">
                {behindPlan.map((o) => (
                  <li key={o.key} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
                    <span>
                      <Link to={`/recruiting/openings/${o.openingId}`} className="font-medium text-brand-700 underline">
                        {o.title}
                      </Link>
                      <span className="block text-xs text-slate-600">{planTargetLine(o)}</span>
                    </span>
                    <span className="font-semibold tabular-nums text-amber-800">{Math.round(o.behind * 10) / 10} behind</span>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          <Card title="Openings">
            <ul className="-mx-5 divide-y divide-slate-100">
              {openings.map((o) => (
                <li key={o.id} className="grid gap-3 px-5 py-4 lg:grid-cols-[1.3fr_2fr_11rem] lg:items-center">
                  <div>
                    <Link to={`/recruiting/openings/${o.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {o.title}
                    </Link>
                    <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
                      <Badge tone={STATUS_TONES[o.status]}>{OPENING_STATUS_LABELS[o.status]}</Badge>
                      {o.languageCodes.map((l) => LANGUAGES[l] ?? l).join(", ")} · {o.channels.map((c) => CHANNEL_LABELS[c]).join(", ")} ·{" "}
                      {o.cohorts.map((c) => cohortLabel(c)).join(", ")}
                    </div>
                  </div>
                  <ol className="flex flex-wrap gap-1.5 text-xs" aria-label={`Applicants per stage of ${o.title}`}>
                    {o.stages
                      .filter((s) => s.kind === "ACTIVE")
                      .map((s) => (
                        <li key={s.id} className="rounded-md bg-slate-100 px-2 py-1 text-slate-700">
                          {s.name} <span className="font-semibold tabular-nums text-slate-900">{s.count.toLocaleString("en-GB")}</span>
                        </li>
                      ))}
                  </ol>
                  <div>
                    <div className="mb-1 text-xs text-slate-600">
                      Hired {o.hired} of {o.headcountTarget}
                    </div>
                    <ProgressBar value={(o.hired / Math.max(1, o.headcountTarget)) * 100} label={`Hires against target for ${o.title}`} />
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        </>
      )}
    </>
  );
}
