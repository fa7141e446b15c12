// What the applicant page shows about the person: profile facts, availability in the viewer's zone, and the timeline of the application.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { ApplicantDetail, ApplicationDetail } from "~/models/applicant.server";
import { COUNTRIES, LANGUAGES, RECOMMENDATION_LABELS, SOURCES, cohortLabel, levelLabel } from "~/models/recruiting-vocabulary";
import { formatInZone } from "~/utils/time";
import { AvailabilitySummary, CohortBadge } from "./applicant-bits";
import { AvailabilityGrid } from "./availability-grid";
import { Badge, Card, cx } from "./ui";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export function ProfileCard({ applicant, application, timeZone }: { applicant: ApplicantDetail; application: ApplicationDetail; timeZone: string }) {
  const consent = applicant.consents[0];
  return (
    <Card title="Profile">
      <dl className="grid gap-4 sm:grid-cols-2">
        <Fact label="Email">
          <a href={`mailto:${applicant.email}`} className="text-brand-700 underline">
            {applicant.email}
          </a>
        </Fact>
        <Fact label="Phone">{applicant.phone ?? "—"}</Fact>
        <Fact label="Lives in">
          {[applicant.region, COUNTRIES[applicant.country] ?? applicant.country].filter(Boolean).join(", ")} · {applicant.timeZone.replace("_", " ")}
        </Fact>
        <Fact label="Languages">{applicant.languages.map((l) => `${LANGUAGES[l.language] ?? l.language} (${levelLabel(l.level)})`).join(", ")}</Fact>
        <Fact label="Cohort">{cohortLabel(applicant.cohort)}</Fact>
        {applicant.cohort === "student" ? (
          <Fact label="Studies">
            {applicant.school}, graduating {applicant.graduation} · term-time cap {applicant.termTimeCapHours} h/week
          </Fact>
        ) : null}
        {applicant.cohort === "rural" ? <Fact label="Municipality">{applicant.municipality}</Fact> : null}
        {applicant.cohort === "loyal-customer" ? (
          <Fact label="Customer">
            since {applicant.customerSince}
            {applicant.customerId ? ` · no. ${applicant.customerId}` : ""}
          </Fact>
        ) : null}
        <Fact label="Hours wanted">{applicant.hoursWanted} h/week</Fact>
        <Fact label="Set-up">
          {[
            applicant.quietRoom ? "quiet room" : "no quiet room",
            applicant.headset ? "headset" : "no headset",
            applicant.broadbandMbps ? `${applicant.broadbandMbps} Mbit/s` : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </Fact>
        <Fact label="Source">{SOURCES[application.source] ?? application.source}</Fact>
        <Fact label="Consent">
          {consent ? `Version ${consent.wordingVersion}, ${formatInZone(consent.givenAt, timeZone, "d MMM yyyy HH:mm")}` : "—"} · kept until{" "}
          {formatInZone(applicant.retainUntil, timeZone, "d MMM yyyy")} unless hired
        </Fact>
      </dl>
    </Card>
  );
}

export function AvailabilityCard({ applicant, grid, viewer }: { applicant: ApplicantDetail; grid: boolean[][]; viewer: { timeZone: string; zone: string } }) {
  return (
    <Card title={`Availability in your time (${viewer.zone})`}>
      <AvailabilityGrid grid={grid} caption={`Shown in ${viewer.timeZone.replace("_", " ")}.`} />
      <p className="mt-1 text-xs text-slate-600">
        As they gave it: <AvailabilitySummary slots={applicant.availability} timeZone={applicant.timeZone} />
      </p>
    </Card>
  );
}

export function Timeline({ application, timeZone }: { application: ApplicationDetail; timeZone: string }) {
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
    <Card title="Timeline">
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
    </Card>
  );
}

/** The page's heading: back to the opening, name, cohort and stage, and the applicant's other applications. */
export function ApplicantHeader({ applicant, application }: { applicant: ApplicantDetail; application: ApplicationDetail }) {
  const kind = application.stage.kind;
  return (
    <header className="mb-6">
      <Link to={`/recruiting/openings/${application.opening.id}`} className="text-sm font-medium text-brand-700 hover:underline">
        ← {application.opening.title}
      </Link>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{applicant.name}</h1>
        <CohortBadge cohort={applicant.cohort} />
        <Badge tone={kind === "HIRED" ? "success" : kind === "ACTIVE" ? "info" : "danger"}>{application.stage.name}</Badge>
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
  );
}
