// Capacity plan: scenarios (create, run with live progress), required vs supply per queue and band, hires, cost and
// the gap to the bound, scenarios compared, measured cohort inputs with overrides, and applying a plan to openings.
// Managers change it; recruiters read it.
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { CapacityChart, COHORT_NAMES, CompareChart, type CapacityChartWeek } from "~/components/capacity-chart";
import { ActionButton, FormErrors, TextField } from "~/components/forms";
import { Badge, Button, Card, PageHeader, ProgressBar, Stat } from "~/components/ui";
import {
  applyPlanToOpenings,
  capacityRunProgress,
  createScenario,
  getPlanSettings,
  HISTORY_WEEKS,
  listScenarios,
  MEASUREMENT_MAX_AGE_MS,
  readCapacityResult,
  resetCohortField,
  saveCohortSetting,
  savePlanSettings,
  SHORTFALL_COST_PER_HOUR,
  scenarioNameTaken,
  shownCohorts,
  startCapacityRun,
  type CapacityAssumptions,
} from "~/models/capacity.server";
import {
  BAND_FIELDS,
  bandLength,
  CohortResetSchema,
  cohortSettingOf,
  CohortSettingsSchema,
  FIELD_LABELS,
  PlanSettingsSchema,
  type BandField,
} from "~/models/capacity-form";
import { QUEUE_UNAVAILABLE_TOAST, unlessQueueUnavailable } from "~/models/job.server";
import type { StoredCapacityResult } from "~/models/json-columns";
import { requireCan, requirePermission } from "~/utils/auth.server";
import { replyMessages, useIsPending, useResultFor, useZodForm } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";
import { permitted } from "~/utils/permissions";
import { usePolling } from "~/utils/polling";
import { parseIsoDate } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";
import { BAND_LABELS, cohortOfPlanCohort } from "../../jobs/planning/capacity-plan";

export const meta: MetaFunction = () => [{ title: "Capacity plan · Handoff" }];

const optionalNumber = (min: number, max: number, message: string) => z.coerce.number({ error: message }).min(min, message).max(max, message).optional();
const IsoDate = z.string().refine((v) => parseIsoDate(v) !== null, "Pick a date between 2000 and 2100");

const ScenarioSchema = z
  .object({
    intent: z.literal("create"),
    name: z.string({ error: "Name the scenario" }).trim().min(3, "Name the scenario (3 characters or more)").max(80),
    containmentPercent: optionalNumber(0, 100, "A containment from 0 to 100 %"),
    containmentBy: IsoDate.optional(),
    volumeGrowthPercent: optionalNumber(-90, 500, "Growth from −90 to 500 %"),
    attritionPercent: optionalNumber(0, 500, "Attrition from 0 to 500 % of measured"),
    launchQueue: z
      .string()
      .regex(/^[a-z]{2}-(chat|phone|email)$/, "A queue key like pl-chat")
      .optional(),
    launchLike: z.string().optional(),
    launchFrom: IsoDate.optional(),
    launchSharePercent: optionalNumber(1, 500, "A share from 1 to 500 %"),
    hiringFreezeUntil: IsoDate.optional(),
  })
  .refine((v) => (v.containmentPercent === undefined) === (v.containmentBy === undefined), {
    path: ["containmentBy"],
    message: "Give both the containment and the date it is reached",
  })
  .refine((v) => !v.launchQueue || (v.launchLike && v.launchFrom && v.launchSharePercent), {
    path: ["launchQueue"],
    message: "A launch needs a queue key, a queue it is like, a date and a share",
  });

const scenarioId = z.string({ error: "Choose a scenario" }).max(40);
/** The page's forms, told apart by `intent`. */
const CapacityFormSchema = z.discriminatedUnion(
  "intent",
  [
    ScenarioSchema,
    z.object({ intent: z.literal("run"), scenarioId }),
    z.object({ intent: z.literal("apply"), scenarioId }),
    CohortSettingsSchema,
    CohortResetSchema,
    PlanSettingsSchema,
    z.object({ intent: z.literal("plan-settings-reset") }),
  ],
  { error: "That request was not understood." },
);

function assumptionsOf(v: z.infer<typeof ScenarioSchema>): CapacityAssumptions {
  return {
    ...(v.containmentPercent !== undefined && v.containmentBy ? { containment: { target: v.containmentPercent / 100, byDate: v.containmentBy } } : {}),
    ...(v.volumeGrowthPercent !== undefined ? { volumeGrowthPercent: v.volumeGrowthPercent } : {}),
    ...(v.attritionPercent !== undefined ? { attritionFactor: v.attritionPercent / 100 } : {}),
    ...(v.launchQueue && v.launchLike && v.launchFrom && v.launchSharePercent
      ? { launch: { queueKey: v.launchQueue, name: v.launchQueue, from: v.launchFrom, like: v.launchLike, share: v.launchSharePercent / 100 } }
      : {}),
    ...(v.hiringFreezeUntil ? { hiringFreezeUntil: v.hiringFreezeUntil } : {}),
  };
}

function describeAssumptions(a: CapacityAssumptions): string {
  const parts: string[] = [];
  if (a.containment) parts.push(`containment reaches ${Math.round(a.containment.target * 100)} % by ${a.containment.byDate}`);
  if (a.volumeGrowthPercent) parts.push(`volume ${a.volumeGrowthPercent > 0 ? "+" : ""}${a.volumeGrowthPercent} %`);
  if (a.launch) parts.push(`${a.launch.queueKey} launches ${a.launch.from} at ${Math.round(a.launch.share * 100)} % of ${a.launch.like}`);
  if (a.attritionFactor !== undefined) parts.push(`attrition ${Math.round(a.attritionFactor * 100)} % of measured`);
  if (a.hiringFreezeUntil) parts.push(`hiring freeze until ${a.hiringFreezeUntil}`);
  return parts.length ? parts.join(" · ") : "Today's assumptions: measured inputs, the forecast's containment, no growth";
}

type RunView = { id: string; status: string; progress: number; error: string | null; createdAt: string; seconds: number | null };

/** The scenarios with their latest runs' state, the one selected, those compared, and the finished results they need. */
async function loadScenarios(url: URL) {
  const scenarios = await listScenarios();
  const selected =
    scenarios.find((s) => s.id === url.searchParams.get("scenario")) ?? scenarios.find((s) => s.latest?.status === "SUCCEEDED") ?? scenarios[0] ?? null;
  const compareIds = url.searchParams.getAll("compare").filter((id) => scenarios.some((s) => s.id === id));
  const compare = (compareIds.length ? compareIds : scenarios.filter((s) => s.latest?.status === "SUCCEEDED").map((s) => s.id)).slice(0, 3);
  const wanted = new Set([
    ...(selected?.latest?.status === "SUCCEEDED" ? [selected.latest.id] : []),
    ...compare.map((id) => scenarios.find((s) => s.id === id)?.latest?.id).filter((x): x is string => Boolean(x)),
  ]);
  const results = new Map<string, StoredCapacityResult>();
  const runViews: Record<string, RunView> = {};
  await Promise.all([
    ...[...wanted].map(async (runId) => {
      const r = await readCapacityResult(runId);
      if (r) results.set(runId, r);
    }),
    ...scenarios.map(async (s) => {
      if (!s.latest) return;
      const live = s.latest.status === "QUEUED" || s.latest.status === "RUNNING" ? await capacityRunProgress(s.latest) : null;
      runViews[s.id] = {
        id: s.latest.id,
        status: live?.failed ? "FAILED" : s.latest.status,
        progress: live ? live.progress : s.latest.status === "SUCCEEDED" ? 100 : 0,
        error: live?.failed ?? s.latest.error,
        createdAt: s.latest.createdAt.toISOString(),
        seconds: s.latest.seconds,
      };
    }),
  ]);
  return { scenarios, selected, compare, results, runViews };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "capacity:view");
  const url = new URL(request.url);
  // The cohort inputs shown are the last measurement (decision 065): nothing here scans the roster or the pipeline.
  const [{ scenarios, selected, compare, results, runViews }, { cohorts, measuredAt }, planSettings] = await Promise.all([
    loadScenarios(url),
    shownCohorts(new Date()),
    getPlanSettings(),
  ]);
  const queue = url.searchParams.get("queue") ?? "all";
  const band = url.searchParams.get("band") ?? "all";
  const selectedResult = selected?.latest ? (results.get(selected.latest.id) ?? null) : null;
  return {
    can: permitted(user, ["capacity:edit"]),
    scenarios: scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      base: s.base,
      description: describeAssumptions(s.assumptions),
      createdBy: s.createdBy,
      run: runViews[s.id] ?? null,
    })),
    selectedId: selected?.id ?? null,
    queue,
    band,
    view: selectedResult ? planView(selectedResult, queue, band) : null,
    compare: compare
      .map((id) => {
        const s = scenarios.find((x) => x.id === id)!;
        const r = s.latest ? results.get(s.latest.id) : undefined;
        return r ? compareRow(s.name, r) : null;
      })
      .filter((x): x is NonNullable<typeof x> => x !== null),
    compareIds: compare,
    measured: { at: measuredAt.toISOString(), everyMinutes: MEASUREMENT_MAX_AGE_MS / 60_000 },
    planSettings: { ...planSettings, updatedAt: planSettings.updatedAt?.toISOString() ?? null, defaultShortfallCostPerHour: SHORTFALL_COST_PER_HOUR },
    cohorts: cohorts.map((c) => {
      const hoursAt0 = (h: number | number[]) => (typeof h === "number" ? h : h[0]);
      return {
        cohort: c.cohort,
        name: COHORT_NAMES[c.cohort],
        hoursPerWeek: hoursAt0(c.hoursPerWeek),
        termWeeksBelow: typeof c.hoursPerWeek === "number" ? 0 : c.hoursPerWeek.filter((h, _, all) => h < Math.max(...all) - 0.5).length,
        bandHours: c.bandHours,
        attritionPerWeek: c.attritionPerWeek,
        leadWeeks: c.leadWeeks,
        trainingWeeks: c.trainingWeeks,
        ramp: c.ramp,
        costPerHour: c.costPerHour,
        hireCost: c.hireCost,
        overridden: c.overridden,
        defaults: {
          hoursPerWeek: hoursAt0(c.defaults.hoursPerWeek),
          bandHours: c.defaults.bandHours,
          attritionPerWeek: c.defaults.attritionPerWeek,
          leadWeeks: c.defaults.leadWeeks,
          ramp: c.defaults.ramp,
          costPerHour: c.defaults.costPerHour,
          hireCost: c.defaults.hireCost,
          measured: c.defaults.measured,
        },
        updatedByName: c.updatedByName,
        updatedAt: c.updatedAt?.toISOString() ?? null,
        measured: {
          agents: c.measured.agents,
          leavers: c.measured.leavers,
          agentWeeks: Math.round(c.measured.agentWeeks),
          attritionPerWeek: c.measured.attritionPerWeek,
          hires: c.measured.hiresMeasured,
          medianDaysToHire: c.measured.medianDaysToHire,
          bandHoursFrom: c.measured.bandHoursFrom,
          contractHours: c.measured.contractHoursPerWeek?.[0] ?? null,
          dayCapHours: c.measured.dayCapHours,
          scheduled: c.measured.scheduled
            ? {
                share: c.measured.scheduled.share,
                weeks: c.measured.scheduled.weekStarts.length,
                scheduledPerAgent: c.measured.scheduled.scheduledHours / c.measured.scheduled.agentWeeks,
                usefulPerAgent: c.measured.scheduled.usefulHours / c.measured.scheduled.agentWeeks,
              }
            : null,
        },
      };
    }),
  };
}

function weekLabel(start: string, w: number) {
  const d = new Date(Date.parse(`${start}T00:00:00Z`) + w * 7 * 86_400_000);
  return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

function planView(r: StoredCapacityResult, queue: string, band: string) {
  const queues = r.weeks[0]?.queues.map((q) => q.id) ?? [];
  const bands = r.context.bands;
  const bi = bands.indexOf(band);
  const pick = (values: number[]) => (bi >= 0 ? (values[bi] ?? 0) : values.reduce((s, v) => s + v, 0));
  const weeks: CapacityChartWeek[] = r.weeks.map((wk) => {
    const qs = wk.queues.filter((q) => queue === "all" || q.id === queue);
    const required = qs.reduce((s, q) => s + pick(q.required), 0);
    const covered = qs.reduce((s, q) => s + pick(q.covered), 0);
    const short = qs.reduce((s, q) => s + pick(q.short), 0);
    const supply = qs.every((q) => q.coveredBy) ? supplyByCohort(qs, bi) : estimatedSupply(r, wk.headcount, covered, band, bi);
    return { label: weekLabel(r.context.start, wk.week), required, short, supply };
  });
  const hires = [...r.hires]
    .sort((a, b) => a.startWeek - b.startWeek || a.skills[0].localeCompare(b.skills[0]))
    .map((h) => ({
      cohort: COHORT_NAMES[h.cohort] ?? h.cohort,
      queue: h.skills.join(" + "),
      decide: weekLabel(r.context.start, h.week),
      start: weekLabel(r.context.start, h.startWeek),
      count: h.count,
    }));
  const humanHours = r.weeks.reduce((s, wk) => s + wk.queues.reduce((t, q) => t + q.covered.reduce((a, b) => a + b, 0), 0), 0);
  return {
    start: r.context.start,
    queues,
    bands,
    weeks,
    estimated: r.weeks.some((wk) => wk.queues.some((q) => !q.coveredBy)),
    hires,
    summary: r.summary,
    shortWeeks: weeks.filter((w) => w.short > 0.5).length,
    humanHours,
    /** Queues the run had no history for, so no demand: named above the chart rather than shown as a quiet zero. */
    unplanned: r.context.unplannedQueues ?? [],
    historyWeeks: HISTORY_WEEKS,
  };
}

/** Covered hours per cohort from the engine's split (pipeline cohorts such as "student@pipeline-w5" count as their cohort). */
function supplyByCohort(qs: StoredCapacityResult["weeks"][number]["queues"], bi: number): Record<string, number> {
  const supply: Record<string, number> = {};
  for (const q of qs)
    for (const [id, row] of Object.entries(q.coveredBy ?? {})) {
      const c = cohortOfPlanCohort(id);
      supply[c] = (supply[c] ?? 0) + (bi >= 0 ? (row[bi] ?? 0) : row.reduce((a, b) => a + b, 0));
    }
  return supply;
}

/**
 * Runs stored before the engine reported the split per cohort: covered hours shared between cohorts by the
 * hours each cohort's head count can give in the band shown (all bands: its weekly hours).
 */
function estimatedSupply(r: StoredCapacityResult, headcount: Record<string, number>, covered: number, band: string, bi: number): Record<string, number> {
  const available: Record<string, number> = {};
  for (const [id, n] of Object.entries(headcount)) {
    const c = cohortOfPlanCohort(id);
    const weekly = r.context.hoursPerWeek[c] ?? 0;
    const perAgent = bi >= 0 && r.context.bandHours ? Math.min(r.context.bandHours[c]?.[band] ?? 0, weekly) : weekly;
    available[c] = (available[c] ?? 0) + n * perAgent;
  }
  const total = Object.values(available).reduce((s, v) => s + v, 0) || 1;
  return Object.fromEntries(Object.entries(available).map(([c, v]) => [c, (covered * v) / total]));
}

function compareRow(name: string, r: StoredCapacityResult) {
  const s = r.summary;
  const last = r.weeks[r.weeks.length - 1];
  const headcount = last ? Object.values(last.headcount).reduce((a, b) => a + b, 0) : 0;
  const contacts = r.context.contacts.reduce((a, b) => a + b, 0);
  const humanCost = r.context.existingLabourCost + s.hireCost + s.labourCost;
  const humanHours = r.weeks.reduce((t, wk) => t + wk.queues.reduce((u, q) => u + q.covered.reduce((a, b) => a + b, 0), 0), 0);
  return {
    name,
    humanHours,
    headcount,
    hires: s.hires,
    hireCost: s.hireCost,
    labourCost: s.labourCost,
    shortfallCost: s.shortfallCost,
    shortfallHours: s.shortfallHours,
    totalCost: s.totalCost,
    costPerContact: contacts > 0 ? (r.context.aiCost + humanCost) / contacts : 0,
    gap: s.gap,
    status: s.status,
    shortfallCostPerHour: r.context.shortfallCostPerHour ?? SHORTFALL_COST_PER_HOUR,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "capacity:view");
  requireCan(user, "capacity:edit");
  const submission = parseWithZod(await readForm(request), { schema: CapacityFormSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const form = submission.value;
  const url = new URL(request.url);
  const here = url.pathname + url.search;

  if (form.intent === "run" || form.intent === "apply") {
    const scenario = (await listScenarios()).find((s) => s.id === form.scenarioId);
    if (!scenario) return replyInvalid(submission, { formErrors: ["That scenario no longer exists. Reload the page."], status: 404 });
    if (form.intent === "run") {
      const run = await unlessQueueUnavailable(() => startCapacityRun(scenario.id, user.name));
      if (!run) return redirectWithToast(here, QUEUE_UNAVAILABLE_TOAST);
      return redirectWithToast(`/planning/capacity?scenario=${scenario.id}`, {
        title: `“${scenario.name}” is being planned`,
        description: "26 weeks, all queues; it takes up to half a minute.",
      });
    }
    if (scenario.latest?.status !== "SUCCEEDED") return replyInvalid(submission, { formErrors: ["That scenario has no finished plan to apply."] });
    const outcome = await applyPlanToOpenings(scenario.latest.id, user);
    const changedAny = outcome.created + outcome.changed > 0;
    return redirectWithToast(here, {
      title: changedAny ? `“${scenario.name}” applied to openings` : "The openings already have these targets",
      description: changedAny
        ? `${outcome.changed} openings changed, ${outcome.created} draft openings created, ${outcome.unchanged} unchanged.`
        : `${outcome.unchanged} openings unchanged.`,
    });
  }
  if (form.intent === "cohort") {
    const changed = await saveCohortSetting(form.cohort, cohortSettingOf(form), user);
    return redirectWithToast(here, {
      title: changed.length ? `${COHORT_NAMES[form.cohort]}: ${changed.map((k) => FIELD_LABELS[k] ?? k).join(", ")} saved` : "Nothing changed",
      description: "Blank fields use what was measured. Run a scenario to plan with them.",
    });
  }
  if (form.intent === "cohort-reset") {
    await resetCohortField(form.cohort, form.field, user);
    return redirectWithToast(here, {
      title: `${COHORT_NAMES[form.cohort]}: ${FIELD_LABELS[form.field] ?? form.field} back to what was measured`,
      description: "Run a scenario to plan with it.",
    });
  }
  if (form.intent === "plan-settings" || form.intent === "plan-settings-reset") {
    const value = form.intent === "plan-settings" ? (form.shortfallCostPerHour ?? null) : null;
    await savePlanSettings({ shortfallCostPerHour: value }, user);
    return redirectWithToast(here, {
      title: value === null ? `Cost of an hour short back to the default (€${SHORTFALL_COST_PER_HOUR})` : `Cost of an hour short: €${value}`,
      description: "Run a scenario to plan with it.",
    });
  }
  if (await scenarioNameTaken(form.name)) return replyInvalid(submission, { fieldErrors: { name: ["A scenario has this name already"] } });
  const scenario = await createScenario({ name: form.name, assumptions: assumptionsOf(form) }, user);
  return redirectWithToast(`/planning/capacity?scenario=${scenario.id}`, {
    title: `Scenario “${scenario.name}” created`,
    description: "Run it to see whom to hire.",
  });
}

const eur = (n: number) => `€${Math.round(n).toLocaleString("en-GB")}`;
const num = (n: number, digits = 0) => n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });

export default function CapacityPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  usePolling(d.scenarios.some((s) => s.run?.status === "QUEUED" || s.run?.status === "RUNNING"));
  const selected = d.scenarios.find((s) => s.id === d.selectedId) ?? null;
  const canEdit = d.can["capacity:edit"];
  // Forms with fields show their own errors; one-button forms (run, apply, reset) show theirs here.
  const intent = actionData?.result?.initialValue?.intent;
  const buttonErrors = intent === "create" || intent === "cohort" || intent === "plan-settings" ? [] : replyMessages(actionData?.result);

  return (
    <>
      <PageHeader
        title="Capacity plan"
        description="Whom to hire, and when: the next 26 weeks of human demand per queue and band against the agents we have, those the pipeline brings, and new hires. Service (hours short) is always shown beside cost."
      />
      <div className="mb-4 empty:hidden">
        <FormErrors errors={buttonErrors} />
      </div>
      <div className="grid gap-6 xl:grid-cols-[22rem_1fr]">
        <div className="space-y-6">
          <ScenarioList scenarios={d.scenarios} selectedId={d.selectedId} canEdit={canEdit} />
          {canEdit ? <CreateScenario /> : null}
        </div>
        <div className="space-y-6">
          {selected && d.view ? (
            <PlanView scenario={selected} view={d.view} queue={d.queue} band={d.band} canEdit={canEdit} />
          ) : (
            <Card title="No plan yet">Run a scenario to see its plan.</Card>
          )}
          {d.compare.length > 0 ? <Compare rows={d.compare} /> : null}
        </div>
      </div>
      <CohortCards cohorts={d.cohorts} measured={d.measured} planSettings={d.planSettings} canEdit={canEdit} />
    </>
  );
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function ScenarioList({ scenarios, selectedId, canEdit }: { scenarios: Loaded["scenarios"]; selectedId: string | null; canEdit: boolean }) {
  return (
    <Card title="Scenarios">
      <ul className="divide-y divide-slate-200" aria-label="Scenarios">
        {scenarios.map((s) => (
          <li key={s.id} className="py-3" data-testid={`scenario-${s.name}`}>
            <div className="flex items-start justify-between gap-2">
              <div>
                <Link
                  to={`?scenario=${s.id}`}
                  aria-current={s.id === selectedId ? "true" : undefined}
                  className={s.id === selectedId ? "font-semibold text-brand-700 underline" : "font-medium text-slate-900 hover:underline"}
                >
                  {s.name}
                </Link>
                {s.base ? (
                  <span className="ml-2">
                    <Badge tone="info">base · nightly</Badge>
                  </span>
                ) : null}
                <p className="mt-1 text-xs text-slate-600">{s.description}</p>
              </div>
              {canEdit ? (
                <ActionButton
                  intent="run"
                  values={{ scenarioId: s.id }}
                  variant="secondary"
                  disabled={s.run?.status === "QUEUED" || s.run?.status === "RUNNING"}
                >
                  Run<span className="sr-only"> {s.name}</span>
                </ActionButton>
              ) : null}
            </div>
            {s.run ? (
              <div className="mt-2 text-xs text-slate-600">
                {s.run.status === "QUEUED" || s.run.status === "RUNNING" ? (
                  <ProgressBar value={s.run.progress} label={`Planning ${s.name}`} />
                ) : s.run.status === "FAILED" ? (
                  <span className="text-rose-700">Failed: {s.run.error}</span>
                ) : (
                  <span>
                    Planned {new Date(s.run.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
                    {s.run.seconds !== null ? ` · solved in ${num(s.run.seconds, 1)} s` : ""}
                  </span>
                )}
              </div>
            ) : (
              <p className="mt-2 text-xs text-slate-600">Not run yet.</p>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function CreateScenario() {
  const [form, fields] = useZodForm(ScenarioSchema, { id: "create", lastResult: useResultFor("create") });
  const pending = useIsPending({ intent: "create" });
  return (
    <Card title="New scenario">
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="create" />
        <TextField
          label="Name"
          meta={fields.name}
          inputProps={{ ...getInputProps(fields.name, { type: "text" }), placeholder: "Containment 75 % by spring" }}
        />
        <fieldset className="grid grid-cols-2 gap-2">
          <legend className="text-sm font-medium text-slate-800">Containment path (linear from today)</legend>
          <TextField
            label="Reaches %"
            meta={fields.containmentPercent}
            inputProps={{ ...getInputProps(fields.containmentPercent, { type: "number" }), step: "any" }}
          />
          <TextField label="By" meta={fields.containmentBy} inputProps={getInputProps(fields.containmentBy, { type: "date" })} />
        </fieldset>
        <div className="grid grid-cols-2 gap-2">
          <TextField
            label="Volume growth %"
            meta={fields.volumeGrowthPercent}
            inputProps={{ ...getInputProps(fields.volumeGrowthPercent, { type: "number" }), step: "any" }}
          />
          <TextField
            label="Attrition, % of measured"
            meta={fields.attritionPercent}
            inputProps={{ ...getInputProps(fields.attritionPercent, { type: "number" }), step: "any" }}
            hint="150 = half again as many leavers"
          />
        </div>
        <fieldset className="grid grid-cols-2 gap-2">
          <legend className="text-sm font-medium text-slate-800">New queue launch</legend>
          <TextField
            label="Queue key"
            meta={fields.launchQueue}
            inputProps={{ ...getInputProps(fields.launchQueue, { type: "text" }), placeholder: "pl-chat" }}
          />
          <TextField
            label="Like queue"
            meta={fields.launchLike}
            inputProps={{ ...getInputProps(fields.launchLike, { type: "text" }), placeholder: "sv-chat" }}
          />
          <TextField label="From" meta={fields.launchFrom} inputProps={getInputProps(fields.launchFrom, { type: "date" })} />
          <TextField
            label="Share of its volume %"
            meta={fields.launchSharePercent}
            inputProps={{ ...getInputProps(fields.launchSharePercent, { type: "number" }), step: "any" }}
          />
        </fieldset>
        <TextField
          label="Hiring freeze until"
          meta={fields.hiringFreezeUntil}
          inputProps={getInputProps(fields.hiringFreezeUntil, { type: "date" })}
          hint="No hire is decided before this date; the pipeline still counts"
        />
        <FormErrors errors={form.errors} />
        <Button type="submit" disabled={pending}>
          Create scenario
        </Button>
      </Form>
    </Card>
  );
}

function PlanView({
  scenario,
  view,
  queue,
  band,
  canEdit,
}: {
  scenario: Loaded["scenarios"][number];
  view: NonNullable<Loaded["view"]>;
  queue: string;
  band: string;
  canEdit: boolean;
}) {
  const [params] = useSearchParams();
  const link = (change: Record<string, string>) => {
    const next = new URLSearchParams(params);
    next.set("scenario", scenario.id);
    for (const [k, v] of Object.entries(change)) next.set(k, v);
    return `?${next}`;
  };
  const pill = (active: boolean) =>
    active
      ? "rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-medium text-white"
      : "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50";
  const s = view.summary;
  const title = `${scenario.name}: required vs supply, ${queue === "all" ? "all queues" : queue}, ${band === "all" ? "all bands" : BAND_LABELS[band]}`;
  return (
    <Card
      title={`Plan: ${scenario.name}`}
      action={
        canEdit ? (
          <ActionButton intent="apply" values={{ scenarioId: scenario.id }}>
            Apply to openings
          </ActionButton>
        ) : null
      }
    >
      {/* Five figures fit one row only on wide screens: the card is two thirds of the page. */}
      <div className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 2xl:grid-cols-5">
        <Stat label="Hires" value={num(s.hires)} />
        <Stat label="Hours short" value={num(s.shortfallHours)} hint={`all queues · ${view.shortWeeks} of ${view.weeks.length} weeks short in the chart`} />
        <Stat label="Total cost" value={eur(s.totalCost)} hint={`hiring ${eur(s.hireCost)} · pay ${eur(s.labourCost)} · short ${eur(s.shortfallCost)}`} />
        <Stat label="Gap to optimal" value={`${num(s.gap * 100, 2)} %`} hint={s.status === "optimal" ? "proven optimal" : `bound ${eur(s.lowerBoundCost)}`} />
        <Stat label="Solved in" value={`${num(s.seconds, 1)} s`} />
      </div>
      {view.unplanned.length > 0 ? (
        <p className="mb-4 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="unplanned-queues">
          Planned at zero: <strong>{view.unplanned.join(", ")}</strong> {view.unplanned.length === 1 ? "has" : "have"} no contact history in the last{" "}
          {view.historyWeeks} weeks, so this plan has no demand and hires no one for {view.unplanned.length === 1 ? "it" : "them"}. Import history on{" "}
          <Link to="/planning/queues" className="font-medium underline">
            Queues
          </Link>{" "}
          or plan a launch in a scenario, then run the plan again.
        </p>
      ) : null}
      <div className="mb-3 flex flex-wrap gap-1" role="group" aria-label="Queue">
        {["all", ...view.queues].map((q) => (
          <Link key={q} to={link({ queue: q })} aria-current={q === queue ? "page" : undefined} className={pill(q === queue)}>
            {q === "all" ? "All queues" : q}
          </Link>
        ))}
      </div>
      <div className="mb-3 flex flex-wrap gap-1" role="group" aria-label="Band">
        {["all", ...view.bands].map((b) => (
          <Link key={b} to={link({ band: b })} aria-current={b === band ? "page" : undefined} className={pill(b === band)}>
            {b === "all" ? "All bands" : BAND_LABELS[b]}
          </Link>
        ))}
      </div>
      <CapacityChart weeks={view.weeks} title={title} estimated={view.estimated} />
      <h3 className="mt-6 text-sm font-semibold text-slate-900">Hires by cohort and start week</h3>
      {view.hires.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No hires: the agents we have and the pipeline cover this scenario at least cost.</p>
      ) : (
        <div className="mt-2 max-h-80 overflow-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Hires of {scenario.name}</caption>
            <thead className="text-left text-xs uppercase text-slate-600">
              <tr>
                <th className="py-1">Cohort</th>
                <th>Queue</th>
                <th>Start recruiting</th>
                <th>Starts work</th>
                <th className="px-2 text-right">Hires</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {view.hires.map((h, i) => (
                <tr key={i}>
                  <td className="py-1">{h.cohort}</td>
                  <td>{h.queue}</td>
                  <td>week of {h.decide}</td>
                  <td>week of {h.start}</td>
                  <td className="px-2 text-right tabular-nums">{h.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function Compare({ rows }: { rows: Loaded["compare"] }) {
  return (
    <Card title="Scenarios compared">
      <CompareChart rows={rows} />
      <div className="mt-4 overflow-x-auto">
        <table className="w-full text-sm" data-testid="compare-table">
          <caption className="sr-only">Scenarios compared over 26 weeks</caption>
          <thead className="text-left text-xs uppercase text-slate-600">
            <tr>
              <th className="py-1">Scenario</th>
              <th className="px-2 text-right">Human hours</th>
              <th className="px-2 text-right">Hours short</th>
              <th className="px-2 text-right">Head count (week 26)</th>
              <th className="px-2 text-right">Hires</th>
              <th className="px-2 text-right">Cost</th>
              <th className="px-2 text-right">Cost per contact</th>
              <th className="px-2 text-right">Gap</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row" className="py-1 text-left font-medium">
                  {r.name}
                </th>
                <td className="whitespace-nowrap px-2 text-right tabular-nums">{num(r.humanHours)}</td>
                <td className="whitespace-nowrap px-2 text-right tabular-nums">{num(r.shortfallHours)}</td>
                <td className="whitespace-nowrap px-2 text-right tabular-nums">{num(r.headcount, 1)}</td>
                <td className="whitespace-nowrap px-2 text-right tabular-nums">{r.hires}</td>
                <td className="whitespace-nowrap px-2 text-right tabular-nums">{eur(r.totalCost)}</td>
                <td className="whitespace-nowrap px-2 text-right tabular-nums">€{num(r.costPerContact, 2)}</td>
                <td className="whitespace-nowrap px-2 text-right tabular-nums">{num(r.gap * 100, 2)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-600">
        Cost is hiring, pay of new agents and{" "}
        {new Set(rows.map((r) => r.shortfallCostPerHour)).size === 1 ? `€${num(rows[0].shortfallCostPerHour)}` : "each scenario's cost"} per hour short; cost
        per contact adds the pay of today&apos;s agents and €0.40 per contact the AI resolves, over all contacts.
      </p>
    </Card>
  );
}

const BAND_SHORT: Record<string, string> = { "weekday-day": "Days", "weekday-evening": "Evenings", weekend: "Weekends" };

/** Hours with one decimal only where there is one: 12 h, 12.5 h. */
const hrs = (v: number) => `${v.toLocaleString("en-GB", { maximumFractionDigits: 1 })} h`;
const pct = (v: number) => `${num(v * 100, 2)} %`;
const rampText = (ramp: number[]) => (ramp.length ? `${ramp.map((r) => `${num(r * 100, 0)} %`).join(" → ")} → full` : "full from the first week");
const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });

function CohortCards({
  cohorts,
  measured,
  planSettings,
  canEdit,
}: {
  cohorts: Loaded["cohorts"];
  measured: Loaded["measured"];
  planSettings: Loaded["planSettings"];
  canEdit: boolean;
}) {
  return (
    <section aria-labelledby="cohort-inputs" className="mt-8">
      <h2 id="cohort-inputs" className="mb-1 text-lg font-semibold text-slate-900">
        Cohort inputs, measured from our data
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        Each value is measured from the roster, the pipeline and recent published schedules (or a default where there is nothing to measure). A planner who
        knows better overrides it; “Reset” goes back to the measured value. Runs use the values at the time they start.
      </p>
      <p className="mb-3 text-xs text-slate-600">
        Measured <time dateTime={measured.at}>{when(measured.at)}</time>; measured again when an agent joins, leaves or changes their availability, when a new
        week begins, and every {measured.everyMinutes} minutes.
      </p>
      <div className="grid gap-4 lg:grid-cols-3">
        {cohorts.map((c) => (
          <CohortCard key={c.cohort} c={c} canEdit={canEdit} />
        ))}
      </div>
      <PlanSettingsCard settings={planSettings} canEdit={canEdit} />
    </section>
  );
}

type CohortView = Loaded["cohorts"][number];

/** One input on a cohort card: its value, where it comes from, and (when overridden) a reset button. */
function InputRow({
  c,
  field,
  label,
  value,
  measured,
  note,
  canEdit,
}: {
  c: CohortView;
  field: string;
  label: string;
  value: string;
  measured: string;
  note?: string;
  canEdit: boolean;
}) {
  const overridden = c.overridden.includes(field);
  const source = c.defaults.measured.includes(field) ? "measured" : "default";
  return (
    <div className="flex items-start justify-between gap-2 py-1.5">
      <dt className="w-28 shrink-0 text-slate-600">{label}</dt>
      <dd className="min-w-0 flex-1 tabular-nums">
        <span className={overridden ? "font-semibold text-slate-900" : "text-slate-900"}>{value}</span>
        {overridden ? (
          <span className="ml-2">
            <Badge tone="warning">override</Badge>
          </span>
        ) : null}
        <span className="block text-xs text-slate-600">{overridden ? `${source}: ${measured}` : (note ?? source)}</span>
      </dd>
      {overridden && canEdit ? (
        <button
          type="submit"
          form={`reset-${c.cohort}`}
          name="field"
          value={field}
          className="shrink-0 rounded-md px-2 py-1 text-xs font-medium text-brand-700 underline hover:bg-brand-50"
        >
          Reset
          <span className="sr-only">
            {" "}
            {FIELD_LABELS[field]} of {c.name} to {source}
          </span>
        </button>
      ) : null}
    </div>
  );
}

/** The card's rows: each input's value now, what was measured (or the default), and how it was measured. */
function cohortRows(c: CohortView): { field: string; label: string; value: string; measured: string; note?: string }[] {
  const d = c.defaults;
  const m = c.measured;
  return [
    {
      field: "attritionPerWeek",
      label: "Attrition",
      value: `${pct(c.attritionPerWeek)} a week`,
      measured: pct(d.attritionPerWeek),
      note: m.attritionPerWeek === null ? "default: nobody employed in the last 26 weeks" : `${m.leavers} leavers over ${num(m.agentWeeks)} agent-weeks`,
    },
    {
      field: "leadWeeks",
      label: "Lead time",
      value: `${c.leadWeeks} weeks`,
      measured: `${d.leadWeeks} weeks`,
      note: `${m.medianDaysToHire === null ? "default 3–4 weeks to hire" : `median ${num(m.medianDaysToHire, 0)} days to hire (${m.hires} hires)`} + ${c.trainingWeeks} training`,
    },
    {
      field: "trainingWeeks",
      label: "Training",
      value: `${c.trainingWeeks} ${c.trainingWeeks === 1 ? "week" : "weeks"}`,
      measured: "1 week",
      note: "default; part of the lead time",
    },
    {
      field: "hoursPerWeek",
      label: "Hours a week",
      value: hrs(c.hoursPerWeek),
      measured: hrs(d.hoursPerWeek),
      note: hoursNote(c),
    },
    ...Object.values(BAND_FIELDS).map((band) => ({
      field: `bandHours.${band}`,
      label: BAND_LABELS[band],
      value: `${hrs(c.bandHours[band] ?? 0)} at most`,
      measured: hrs(d.bandHours[band] ?? 0),
      note: m.bandHoursFrom ? `measured from ${m.bandHoursFrom}' availability, at most ${hrs(m.dayCapHours)} a day (the longest shift)` : undefined,
    })),
    { field: "ramp", label: "Ramp", value: rampText(c.ramp), measured: rampText(d.ramp), note: "default: productivity in the first weeks" },
    { field: "costPerHour", label: "Cost per hour", value: `€${num(c.costPerHour, 2)}`, measured: `€${num(d.costPerHour, 2)}` },
    { field: "hireCost", label: "Cost per hire", value: `€${num(c.hireCost)}`, measured: `€${num(d.hireCost)}` },
  ];
}

/** Where a cohort's hours a week come from: the contract maximum, times the share recent schedules turned into covered requirement. */
function hoursNote(c: CohortView): string | undefined {
  const m = c.measured;
  const term = c.termWeeksBelow ? `; lower in ${c.termWeeksBelow} weeks (term caps, exams)` : "";
  if (m.contractHours === null) return undefined;
  if (!m.scheduled) return `contract maximum ${hrs(m.contractHours)}${term}; no published schedule short enough to measure how much of it is usable`;
  const s = m.scheduled;
  return (
    `${hrs(m.contractHours)} contract × ${num(s.share * 100)} % usable, measured from the last ${s.weeks === 1 ? "week's schedule" : `${s.weeks} weeks' schedules`}: ` +
    `${hrs(Math.round(s.scheduledPerAgent * 10) / 10)} scheduled an agent, ${hrs(Math.round(s.usefulPerAgent * 10) / 10)} of it where required${term}`
  );
}

function CohortCard({ c, canEdit }: { c: CohortView; canEdit: boolean }) {
  return (
    <Card title={c.name}>
      {canEdit ? (
        <Form id={`reset-${c.cohort}`} method="post" className="hidden">
          <input type="hidden" name="intent" value="cohort-reset" />
          <input type="hidden" name="cohort" value={c.cohort} />
        </Form>
      ) : null}
      <dl className="divide-y divide-slate-100 text-sm">
        {cohortRows(c).map((row) => (
          <InputRow key={row.field} c={c} canEdit={canEdit} {...row} />
        ))}
      </dl>
      {c.updatedByName && c.updatedAt ? (
        <p className="mt-2 text-xs text-slate-600">
          Last changed by {c.updatedByName}, {when(c.updatedAt)}
        </p>
      ) : null}
      {canEdit ? <CohortEditor c={c} /> : null}
    </Card>
  );
}

function CohortEditor({ c }: { c: CohortView }) {
  const result = useResultFor("cohort");
  // Three cards send the intent "cohort": the reply is this card's when it names this cohort.
  const mine = result?.initialValue?.cohort === c.cohort;
  const [form, fields] = useZodForm(CohortSettingsSchema, { id: `cohort-${c.cohort}`, lastResult: mine ? result : undefined });
  const pending = useIsPending({ intent: "cohort" });
  const d = c.defaults;
  const over = (field: string, value: number | string) => (c.overridden.includes(field) ? String(value) : "");
  const number = (name: keyof typeof fields, label: string, value: string, placeholder: string, hint: string, step = "any") => (
    <TextField
      key={name}
      label={label}
      meta={fields[name]}
      inputProps={{ ...getInputProps(fields[name], { type: "number" }), step, defaultValue: value, placeholder }}
      hint={hint}
    />
  );
  return (
    <details className="mt-3" open={mine ? true : undefined}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit {c.name.toLowerCase()} inputs</summary>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="cohort" />
        <input type="hidden" name="cohort" value={c.cohort} />
        <p className="text-xs text-slate-600">Leave a field blank to use the measured value (shown greyed).</p>
        <div className="grid grid-cols-2 gap-3">
          {number(
            "attritionPercent",
            "Attrition, % a week",
            over("attritionPerWeek", num(c.attritionPerWeek * 100, 3)),
            num(d.attritionPerWeek * 100, 2),
            "0–20",
          )}
          {number("hoursPerWeek", "Hours a week", over("hoursPerWeek", c.hoursPerWeek), num(d.hoursPerWeek, 1), "Replaces term-time weeks too")}
          {number("leadWeeks", "Lead weeks", over("leadWeeks", c.leadWeeks), String(d.leadWeeks), "Decision to first shift", "1")}
          <TextField
            label="Training weeks"
            meta={fields.trainingWeeks}
            inputProps={{ ...getInputProps(fields.trainingWeeks, { type: "number" }), step: "1", defaultValue: String(c.trainingWeeks) }}
            hint="Part of the lead weeks"
          />
        </div>
        <fieldset className="grid grid-cols-3 gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-800">
            Most hours one agent gives a band per week{" "}
            <span className="font-normal text-slate-600">(weekdays to 17:00, weekday evenings from 17:00, weekends)</span>
          </legend>
          {(Object.entries(BAND_FIELDS) as [BandField, string][]).map(([name, band]) =>
            number(name, BAND_SHORT[band], over(`bandHours.${band}`, c.bandHours[band] ?? 0), num(d.bandHours[band] ?? 0, 1), `0–${bandLength(band)} h`),
          )}
        </fieldset>
        <TextField
          label="Ramp: productivity in the first weeks, %"
          meta={fields.ramp}
          inputProps={{
            ...getInputProps(fields.ramp, { type: "text" }),
            defaultValue: c.overridden.includes("ramp") ? c.ramp.map((r) => num(r * 100, 1)).join(", ") : "",
            placeholder: d.ramp.map((r) => num(r * 100, 0)).join(", "),
            inputMode: "decimal",
          }}
          hint="Week 1, week 2, …, rising to 100 %; full after the last"
        />
        <div className="grid grid-cols-2 gap-3">
          {number("costPerHour", "Cost per hour €", over("costPerHour", c.costPerHour), num(d.costPerHour, 2), "Pay incl. employer costs")}
          {number("hireCost", "Cost per hire €", over("hireCost", c.hireCost), num(d.hireCost), "Recruiting and training")}
        </div>
        <FormErrors errors={form.errors} />
        <Button type="submit" variant="secondary" disabled={pending}>
          Save {c.name.toLowerCase()} inputs
        </Button>
      </Form>
    </details>
  );
}

function PlanSettingsCard({ settings, canEdit }: { settings: Loaded["planSettings"]; canEdit: boolean }) {
  const [form, fields] = useZodForm(PlanSettingsSchema, { id: "plan-settings", lastResult: useResultFor("plan-settings") });
  const pending = useIsPending({ intent: "plan-settings" });
  return (
    <Card title="Service: the cost of an hour short" className="mt-4">
      <div className="flex flex-wrap items-start justify-between gap-4 text-sm">
        <div>
          <p className="tabular-nums">
            <span className="text-lg font-semibold text-slate-900">€{num(settings.shortfallCostPerHour)}</span> for every hour of required work no agent covers
            {settings.overridden ? (
              <span className="ml-2">
                <Badge tone="warning">override</Badge>
              </span>
            ) : null}
          </p>
          <p className="mt-1 text-xs text-slate-600">
            {settings.overridden
              ? `default €${settings.defaultShortfallCostPerHour}; set by ${settings.updatedByName ?? "a planner"}${settings.updatedAt ? `, ${when(settings.updatedAt)}` : ""}`
              : "default: what an hour short costs in lost contacts and escalations"}
            . Higher buys more service (fewer hours short) with more hires.
          </p>
        </div>
        {canEdit ? (
          <div className="flex items-end gap-2">
            <Form method="post" {...getFormProps(form)} className="flex items-end gap-2">
              <input type="hidden" name="intent" value="plan-settings" />
              <TextField
                label="Cost of an hour short €"
                meta={fields.shortfallCostPerHour}
                inputProps={{
                  ...getInputProps(fields.shortfallCostPerHour, { type: "number" }),
                  step: "any",
                  defaultValue: settings.overridden ? String(settings.shortfallCostPerHour) : "",
                  placeholder: String(settings.defaultShortfallCostPerHour),
                }}
              />
              <Button type="submit" variant="secondary" disabled={pending}>
                Save
              </Button>
            </Form>
            {settings.overridden ? (
              <ActionButton intent="plan-settings-reset" variant="ghost">
                Reset<span className="sr-only"> the cost of an hour short to the default</span>
              </ActionButton>
            ) : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}
