// Labour rules: the settings every schedule run follows (shift lengths, rest, breaks, shifts a week, per
// contract type), saved as versions with who and when; older versions stay readable.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Badge, Button, Card, PageHeader } from "~/components/ui";
import {
  allowedShiftLengths,
  BREAK_ROWS,
  CONTRACT_LABELS,
  CONTRACT_TYPES,
  hoursLabel,
  parseRulesForm,
  rulesFormDefaults,
  rulesFormInput,
} from "~/models/labour-rules";
import { currentRuleSet, ruleSetByVersion, ruleSetHistory, saveRuleSet } from "~/models/labour-rules.server";
import { requireCan, requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import { can } from "~/utils/permissions";
import { invariantResponse } from "~/utils/responses.server";
import { formatInZone } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Labour rules · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  const asked = new URL(request.url).searchParams.get("version");
  const [current, history] = await Promise.all([currentRuleSet(), ruleSetHistory()]);
  let shown = current;
  if (asked !== null) {
    const version = z.coerce.number().int().positive().max(1_000_000).safeParse(asked);
    invariantResponse(version.success, "A version is a whole number, like ?version=2", { status: 400 });
    const found = await ruleSetByVersion(version.data);
    invariantResponse(found, `There is no version ${version.data} of the labour rules`, { status: 404 });
    shown = found;
  }
  const describe = (set: typeof current) => ({
    version: set.version,
    by: set.createdByName,
    at: formatInZone(set.createdAt, user.timeZone, "d MMM yyyy HH:mm"),
  });
  return {
    current: describe(current),
    shown: { ...describe(shown), lengths: allowedShiftLengths(shown.rules).map(hoursLabel), form: rulesFormDefaults(shown.rules) },
    isCurrent: shown.version === current.version,
    canEdit: can(user, "rules:edit"),
    history: history.map((h) => ({ ...describe(h), changes: h.changes })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  requireCan(user, "rules:edit");
  const form = await readForm(request);
  const base = z.coerce.number().int().positive().max(1_000_000).safeParse(form.get("baseVersion"));
  if (!base.success)
    return data(
      { fieldErrors: {} as Record<string, string>, error: "The form lost its version; reload the page and try again.", typed: {} as Record<string, string> },
      { status: 400 },
    );
  const parsed = parseRulesForm(rulesFormInput(form));
  if (!parsed.ok) {
    // What was typed comes back, so a page without JavaScript shows it beside its errors.
    const typed = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
    return data({ fieldErrors: parsed.fieldErrors, error: "Some rules need fixing before they can be saved; nothing was saved.", typed }, { status: 400 });
  }
  const saved = await saveRuleSet(parsed.rules, base.data, user);
  if (!saved.ok) return data({ fieldErrors: {} as Record<string, string>, error: saved.conflict, typed: {} as Record<string, string> }, { status: 409 });
  if (saved.changes.length === 0)
    return redirectWithToast("/planning/rules", { title: "Nothing changed", description: `Version ${saved.version} stays current.` });
  return redirectWithToast("/planning/rules", {
    title: `Labour rules version ${saved.version} saved`,
    description: "The next schedule run uses them. Weeks already built keep the rules they were built with until they are run again.",
  });
}

type FieldProps = { name: string; label: string; unit: string; defaultValue: string; error?: string; hint?: string; disabled: boolean; step?: string };

function RuleField({ name, label, unit, defaultValue, error, hint, disabled, step = "any" }: FieldProps) {
  const id = `rule-${name.replace(/[^a-zA-Z0-9]/g, "-")}`;
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <span className="mt-1 flex items-center gap-2">
        <input
          id={id}
          name={name}
          type="number"
          inputMode="decimal"
          min="0"
          step={step}
          defaultValue={defaultValue}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          className="w-24 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm tabular-nums shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 disabled:bg-slate-50 disabled:text-slate-600 aria-[invalid=true]:border-rose-400"
        />
        <span className="text-sm text-slate-600">{unit}</span>
      </span>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-rose-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export default function LabourRulesPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string> = actionData?.fieldErrors ?? {};
  const typed: Record<string, string> = actionData?.typed ?? {};
  const readOnly = !d.canEdit || !d.isCurrent;
  const f = d.shown.form;
  // The lengths the typed shortest, longest and step allow, as the manager types (the saved ones before).
  const [lengths, setLengths] = useState<string[] | null>(null);
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget);
    const minutes = (name: string) => Math.round(Number(String(form.get(name) ?? "").replace(",", ".")) * 60);
    const [min, max, step] = [minutes("shiftMinHours"), minutes("shiftMaxHours"), minutes("shiftStepHours")];
    const fine = [min, max, step].every((m) => Number.isFinite(m) && m > 0) && min <= max && (max - min) / step < 24;
    setLengths(fine ? allowedShiftLengths({ shiftMinMinutes: min, shiftMaxMinutes: max, shiftStepMinutes: step }).map(hoursLabel) : []);
  };
  const shownLengths = lengths ?? d.shown.lengths;
  const field = (name: string, label: string, unit: string, defaultValue: string, extra: Partial<FieldProps> = {}) => (
    <RuleField name={name} label={label} unit={unit} defaultValue={typed[name] ?? defaultValue} error={errors[name]} disabled={readOnly} {...extra} />
  );

  return (
    <>
      <PageHeader
        title="Labour rules"
        description="Every schedule run follows these rules, and hand edits and swaps are checked against the rules their week was built with. Saving makes a new version; the next schedule run uses it."
      />
      <p className="mb-4 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <Badge tone={d.isCurrent ? "success" : "neutral"}>
          Version {d.shown.version}
          {d.isCurrent ? " · current" : ""}
        </Badge>
        <span>
          saved by {d.shown.by}, {d.shown.at}
        </span>
      </p>
      {!d.isCurrent ? (
        <p className="mb-4 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          You are reading version {d.shown.version}, which is no longer used for new runs.{" "}
          <Link to="/planning/rules" className="font-medium underline">
            Open the current version ({d.current.version})
          </Link>
        </p>
      ) : !d.canEdit ? (
        <p className="mb-4 text-sm text-slate-600">You can read the rules; planning managers and admins change them.</p>
      ) : null}
      {actionData?.error ? (
        <p role="alert" className="mb-4 rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
          {actionData.error}
          {errors.form || errors.breaks ? ` ${errors.form ?? errors.breaks}` : ""}
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Form method="post" className="space-y-6" key={`${d.shown.version}`} noValidate onInput={onInput}>
          <input type="hidden" name="baseVersion" value={d.current.version} />
          <Card title="Shift lengths">
            <div className="grid gap-4 sm:grid-cols-3">
              {field("shiftMinHours", "Shortest shift", "hours", f.shiftMinHours)}
              {field("shiftMaxHours", "Longest shift", "hours", f.shiftMaxHours)}
              {field("shiftStepHours", "Lengths in steps of", "hours", f.shiftStepHours)}
            </div>
            <p className="mt-3 text-sm text-slate-700" aria-live="polite">
              Allowed lengths: <span className="font-medium">{shownLengths.length ? shownLengths.join(", ") : "none yet: check the three fields"}</span>
            </p>
          </Card>
          <Card title="Rest and shifts a week">
            <div className="grid gap-4 sm:grid-cols-2">
              {field("minRestHours", "Minimum rest between shifts", "hours", f.minRestHours, { hint: "From the end of one shift to the start of the next." })}
              {field("maxShiftsPerWeek", "Most shifts a week", "shifts", f.maxShiftsPerWeek, {
                step: "1",
                hint: "An agent's own contract can allow fewer.",
              })}
            </div>
          </Card>
          <Card title="Breaks">
            <p className="mb-3 text-sm text-slate-600">
              Each break applies to shifts at least as long as its first field, and starts within its window. Leave a row empty for no break.
            </p>
            {errors.breaks ? <p className="mb-3 text-sm text-rose-700">{errors.breaks}</p> : null}
            <div className="space-y-4">
              {Array.from({ length: BREAK_ROWS }, (_, i) => (
                <fieldset key={i} className="rounded-lg border border-slate-200 p-3">
                  <legend className="px-1 text-sm font-semibold text-slate-900">Break {i + 1}</legend>
                  <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
                    {field(`breaks[${i}].fromShiftHours`, "For shifts from", "hours", f.breaks[i]!.fromShiftHours)}
                    {field(`breaks[${i}].minutes`, "Break length", "min", f.breaks[i]!.minutes, { step: "15" })}
                    {field(`breaks[${i}].earliestAfterStartMinutes`, "Earliest after start", "min", f.breaks[i]!.earliestAfterStartMinutes, { step: "15" })}
                    {field(`breaks[${i}].latestBeforeEndMinutes`, "Latest before end", "min", f.breaks[i]!.latestBeforeEndMinutes, { step: "15" })}
                  </div>
                </fieldset>
              ))}
            </div>
          </Card>
          <Card title="Most shifts a week, per contract type">
            <p className="mb-3 text-sm text-slate-600">
              Where a contract type differs from the company rule. Leave empty to follow it. Students' lower caps in exam periods stay on each agent.
            </p>
            <div className="grid gap-4 sm:grid-cols-3">
              {CONTRACT_TYPES.map((type) =>
                field(`byContract.${type}.maxShiftsPerWeek`, `${CONTRACT_LABELS[type]}s`, "shifts", f.byContract[type], { step: "1" }),
              )}
            </div>
          </Card>
          {readOnly ? null : (
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={navigation.state === "submitting"}>
                Save as version {d.current.version + 1}
              </Button>
              <span className="text-sm text-slate-600">The next schedule run uses the new version.</span>
            </div>
          )}
        </Form>
        <Card title="Versions" className="self-start">
          <ol className="space-y-4 text-sm" data-testid="rule-versions">
            {d.history.map((h) => (
              <li key={h.version}>
                <p className="font-medium text-slate-900">
                  {h.version === d.shown.version ? (
                    <span>Version {h.version} (shown)</span>
                  ) : (
                    <Link to={h.version === d.current.version ? "/planning/rules" : `?version=${h.version}`} className="text-brand-700 underline">
                      Version {h.version}
                    </Link>
                  )}
                  {h.version === d.current.version ? " · current" : ""}
                </p>
                <p className="text-xs text-slate-600">
                  {h.by}, {h.at}
                </p>
                {h.changes.length ? (
                  <ul className="mt-1 list-disc pl-5 text-slate-700">
                    {h.changes.map((c) => (
                      <li key={c}>{c}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="mt-1 text-slate-700">{h.version === 1 ? "The first rules." : "No change in the rules."}</p>
                )}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
