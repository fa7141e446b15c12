// Small pieces that show an applicant the same way everywhere: cohort badge, languages, availability summary, days waiting.
import { summarizeAvailability, type Slot } from "~/models/availability";
import { type Cohort, cohortLabel, levelLabel } from "~/models/recruiting-vocabulary";
import { Badge, type BadgeTone } from "./ui";

const COHORT_TONES: Record<Cohort, BadgeTone> = { student: "info", rural: "success", "loyal-customer": "warning" };

export function CohortBadge({ cohort }: { cohort: string }) {
  return <Badge tone={COHORT_TONES[cohort as Cohort] ?? "neutral"}>{cohortLabel(cohort)}</Badge>;
}

export function LanguageList({ languages }: { languages: Array<{ language: string; level: string }> }) {
  return <span className="tabular-nums">{languages.map((l) => `${l.language.toUpperCase()} ${levelLabel(l.level)}`).join(" · ")}</span>;
}

export function AvailabilitySummary({ slots, timeZone }: { slots: Slot[]; timeZone?: string }) {
  return (
    <span>
      {summarizeAvailability(slots)}
      {timeZone ? <span className="text-slate-500"> ({timeZone.split("/")[1]?.replace("_", " ")} time)</span> : null}
    </span>
  );
}

export function daysSince(iso: string | Date, now = Date.now()): number {
  return Math.max(0, Math.floor((now - new Date(iso).getTime()) / (24 * 3600_000)));
}
