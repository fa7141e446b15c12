// How a capacity plan's target reads on an opening: "plan: 6 students for fi-chat by 11 January — pipeline expects 4".
import { Link } from "@remix-run/react";

const COHORT_PLURAL: Record<string, string> = { student: "students", rural: "rural residents", "loyal-customer": "loyal customers" };

export type PlanTargetView = {
  headcount: number;
  cohort: string;
  queueKey: string;
  hireBy: string;
  expected: number;
  scenarioName: string;
  previousHeadcount: number | null;
  previousHireBy: string | null;
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });

export function planTargetLine(t: { headcount: number; cohort: string; queueKey: string; hireBy: string; expected: number }) {
  return `plan: ${t.headcount} ${COHORT_PLURAL[t.cohort] ?? t.cohort} for ${t.queueKey} by ${day(t.hireBy)} — pipeline expects ${Math.round(t.expected * 10) / 10}`;
}

export function PlanTargetNote({ target }: { target: PlanTargetView }) {
  const behind = target.headcount - target.expected;
  return (
    <div
      role="note"
      className={
        behind > 0
          ? "mb-4 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
          : "mb-4 rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-950"
      }
    >
      <p className="font-medium">{planTargetLine(target)}</p>
      <p className="mt-1 text-xs">
        From the capacity plan “{target.scenarioName}”.{" "}
        {target.previousHeadcount !== null
          ? `The latest plan changed this target from ${target.previousHeadcount}${target.previousHireBy ? ` by ${day(target.previousHireBy)}` : ""}. `
          : ""}
        <Link to="/planning/capacity" className="underline">
          See the plan
        </Link>
      </p>
    </div>
  );
}
