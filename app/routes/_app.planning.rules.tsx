// Labour rules: the settings every schedule run follows (shift lengths, rest, breaks, shifts a week, per
// contract type), saved as versions with who and when; older versions stay readable.
import { FormProvider, getFormProps, useField, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useState, type FormEvent, type ReactNode } from "react";
import { z } from "zod";
import { FormErrors } from "~/components/forms";
import { Badge, Button, Card, PageHeader } from "~/components/ui";
import {
  allowedShiftLengths,
  BREAK_ROWS,
  CONTRACT_LABELS,
  CONTRACT_TYPES,
  describeShiftRules,
  hoursLabel,
  rulesFormDefaults,
  RulesFormSchema,
  rulesOfForm,
} from "~/models/labour-rules";
import { currentRuleSet, ruleSetByVersion, ruleSetHistory, saveRuleSet } from "~/models/labour-rules.server";
import { requireCan, requirePermission } from "~/utils/auth.server";
import { useIsPending, useZodForm } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";
import { permitted } from "~/utils/permissions";
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
    shown: {
      ...describe(shown),
      lengths: allowedShiftLengths(shown.rules).map(hoursLabel),
      form: rulesFormDefaults(shown.rules),
      // Which contract types have their own lengths, rest and breaks, in one line each (null: the company's).
      contracts: CONTRACT_TYPES.map((type) => {
        const own = shown.rules.byContract[type]?.shifts;
        return {
          type,
          label: `${CONTRACT_LABELS[type]}s`,
          own: own ? describeShiftRules(own) : null,
          lengths: allowedShiftLengths(own ?? shown.rules).map(hoursLabel),
        };
      }),
    },
    isCurrent: shown.version === current.version,
    can: permitted(user, ["rules:edit"]),
    history: history.map((h) => ({ ...describe(h), changes: h.changes })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  requireCan(user, "rules:edit");
  // Every problem in one round: each field's own and the rules checked against each other (see RulesFormSchema).
  const submission = parseWithZod(await readForm(request), { schema: RulesFormSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const { rules, baseVersion } = rulesOfForm(submission.value);
  const saved = await saveRuleSet(rules, baseVersion, user);
  if (!saved.ok) return replyInvalid(submission, { formErrors: [saved.conflict], status: 409 });
  if (saved.changes.length === 0)
    return redirectWithToast("/planning/rules", { title: "Nothing changed", description: `Version ${saved.version} stays current.` });
  return redirectWithToast("/planning/rules", {
    title: `Labour rules version ${saved.version} saved`,
    description: "The next schedule run uses them. Weeks already built keep the rules they were built with until they are run again.",
  });
}

type FieldProps = {
  meta: FieldMetadata<unknown>;
  label: string;
  /** Said by screen readers after the label ("for students"), so the same field of each contract type has its own name. */
  whose?: string;
  unit: string;
  hint?: string;
  disabled: boolean;
  step?: string;
};

function RuleField({ meta, label, whose, unit, hint, disabled, step = "any" }: FieldProps) {
  const error = meta.errors?.filter(Boolean).join(" ");
  const described = error ? meta.errorId : hint ? `${meta.id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={meta.id} className="block text-sm font-medium text-slate-800">
        {label}
        {whose ? <span className="sr-only"> {whose}</span> : null}
      </label>
      <span className="mt-1 flex items-center gap-2">
        <input
          key={meta.key}
          id={meta.id}
          name={meta.name}
          form={meta.formId}
          type="number"
          inputMode="decimal"
          min="0"
          step={step}
          defaultValue={typeof meta.initialValue === "string" ? meta.initialValue : ""}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          className="w-24 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm tabular-nums shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 disabled:bg-slate-50 disabled:text-slate-600 aria-[invalid=true]:border-rose-400"
        />
        <span className="text-sm text-slate-600">{unit}</span>
      </span>
      {error ? (
        <p id={meta.errorId} className="mt-1 text-sm text-rose-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${meta.id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A nested field (a break row's, a contract type's) by its name: its metadata exists whatever the reply held. */
function NamedRuleField({ name, ...props }: Omit<FieldProps, "meta"> & { name: string }) {
  const [meta] = useField<unknown>(name);
  return <RuleField meta={meta} {...props} />;
}

export default function LabourRulesPage() {
  const d = useLoaderData<typeof loader>();
  const readOnly = !d.can["rules:edit"] || !d.isCurrent;

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
      ) : !d.can["rules:edit"] ? (
        <p className="mb-4 text-sm text-slate-600">You can read the rules; planning managers and admins change them.</p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <RulesForm key={`${d.shown.version}-${d.current.version}`} readOnly={readOnly} />
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

/** The lengths typed into a set's shortest, longest and step fields ("" for the company's, "byContract.student." for a contract type's). */
function typedLengths(data: FormData, prefix: string): string[] {
  const minutes = (name: string) => Math.round(Number(String(data.get(prefix + name) ?? "").replace(",", ".")) * 60);
  const [min, max, step] = [minutes("shiftMinHours"), minutes("shiftMaxHours"), minutes("shiftStepHours")];
  const fine = [min, max, step].every((m) => Number.isFinite(m) && m > 0) && min <= max && (max - min) / step < 24;
  return fine ? allowedShiftLengths({ shiftMinMinutes: min, shiftMaxMinutes: max, shiftStepMinutes: step }).map(hoursLabel) : [];
}

/** Shift lengths (with the lengths they allow), minimum rest and the break rows of one set, under `prefix`. */
function ShiftRulesFields({
  prefix,
  whose,
  lengths,
  readOnly,
  children,
}: {
  prefix: string;
  whose?: string;
  lengths: string[];
  readOnly: boolean;
  children?: ReactNode;
}) {
  const named = (key: string, label: string, unit: string, extra: Partial<FieldProps> = {}) => (
    <NamedRuleField name={`${prefix}${key}`} label={label} whose={whose} unit={unit} disabled={readOnly} {...extra} />
  );
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        {named("shiftMinHours", "Shortest shift", "hours")}
        {named("shiftMaxHours", "Longest shift", "hours")}
        {named("shiftStepHours", "Lengths in steps of", "hours")}
      </div>
      <p className="mt-3 text-sm text-slate-700" aria-live="polite">
        Allowed lengths{whose ? <span className="sr-only"> {whose}</span> : null}:{" "}
        <span className="font-medium">{lengths.length ? lengths.join(", ") : "none yet: check the three fields"}</span>
      </p>
      <div className="mt-4 grid gap-4 sm:grid-cols-2">
        {named("minRestHours", "Minimum rest between shifts", "hours", { hint: "From the end of one shift to the start of the next." })}
        {children}
      </div>
      <p className="mt-4 mb-3 text-sm text-slate-600">
        Each break applies to shifts at least as long as its first field, and starts within its window. Leave a row empty for no break.
      </p>
      <div className="space-y-4">
        {Array.from({ length: BREAK_ROWS }, (_, i) => (
          <fieldset key={i} className="rounded-lg border border-slate-200 p-3">
            <legend className="px-1 text-sm font-semibold text-slate-900">
              Break {i + 1}
              {whose ? <span className="sr-only"> {whose}</span> : null}
            </legend>
            {/* A contract type's set sits one frame deeper: two columns keep each unit beside its field. */}
            <div className={whose ? "grid grid-cols-2 gap-4" : "grid grid-cols-2 gap-4 md:grid-cols-4"}>
              {named(`breaks[${i}].fromShiftHours`, "For shifts from", "hours")}
              {named(`breaks[${i}].minutes`, "Break length", "min", { step: "15" })}
              {named(`breaks[${i}].earliestAfterStartMinutes`, "Earliest after start", "min", { step: "15" })}
              {named(`breaks[${i}].latestBeforeEndMinutes`, "Latest before end", "min", { step: "15" })}
            </div>
          </fieldset>
        ))}
      </div>
    </>
  );
}

/**
 * One contract type: its most shifts a week, and "the company's" or "their own" lengths, rest and breaks. The
 * choice shows or hides its fields through CSS (`.contract-rules` in tailwind.css), so it works before JavaScript
 * too; fields of a contract type on the company's rules are sent and ignored.
 */
function ContractRules({ type, label, lengths, readOnly }: { type: string; label: string; lengths: string[]; readOnly: boolean }) {
  const [own] = useField<unknown>(`byContract.${type}.own`);
  const chosen = own.initialValue === "own" ? "own" : "same";
  const whose = `for ${label.toLowerCase()}`;
  return (
    <fieldset className="contract-rules rounded-lg border border-slate-200 p-4" data-testid={`contract-${type}`}>
      <legend className="flex items-center gap-2 px-1 text-sm font-semibold text-slate-900">
        {label}
        <span className="when-own">
          <Badge tone="warning">Own shifts, rest and breaks</Badge>
        </span>
        <span className="when-same">
          <Badge>Company's shifts, rest and breaks</Badge>
        </span>
      </legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <NamedRuleField
          name={`byContract.${type}.maxShiftsPerWeek`}
          label="Most shifts a week"
          whose={whose}
          unit="shifts"
          step="1"
          hint="Leave empty to follow the company rule."
          disabled={readOnly}
        />
        <fieldset>
          <legend className="block text-sm font-medium text-slate-800">
            Shift lengths, rest and breaks<span className="sr-only"> {whose}</span>
          </legend>
          <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2 text-sm text-slate-800">
            {(
              [
                ["same", "Same as the company's"],
                ["own", "Their own"],
              ] as const
            ).map(([value, text]) => (
              <label key={value} className="inline-flex min-h-10 items-center gap-2">
                <input
                  type="radio"
                  name={own.name}
                  form={own.formId}
                  value={value}
                  data-own={value}
                  defaultChecked={chosen === value}
                  disabled={readOnly}
                  className="h-4 w-4 accent-brand-600"
                />
                {text}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="when-own mt-4 border-t border-slate-200 pt-4">
        <ShiftRulesFields prefix={`byContract.${type}.`} whose={whose} lengths={lengths} readOnly={readOnly} />
      </div>
    </fieldset>
  );
}

function RulesForm({ readOnly }: { readOnly: boolean }) {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm(RulesFormSchema, {
    id: `rules-${d.shown.version}`,
    lastResult: actionData?.result,
    defaultValue: d.shown.form,
  });
  const pending = useIsPending();
  // The lengths the typed shortest, longest and step allow, per set, as the manager types (the saved ones before).
  const [lengths, setLengths] = useState<Record<string, string[]>>({});
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget);
    setLengths(Object.fromEntries(["", ...CONTRACT_TYPES.map((type) => `byContract.${type}.`)].map((prefix) => [prefix, typedLengths(data, prefix)])));
  };
  const anyFieldError = Object.entries(form.allErrors).some(([name, errors]) => name !== "" && errors.length > 0);
  const differ = d.shown.contracts.filter((c) => c.own);

  return (
    <FormProvider context={form.context}>
      <Form method="post" className="space-y-6" {...getFormProps(form)} onInput={onInput}>
        <input type="hidden" name="baseVersion" value={d.current.version} />
        <FormErrors
          id={form.errorId}
          errors={anyFieldError ? ["Some rules need fixing before they can be saved; nothing was saved.", ...(form.errors ?? [])] : form.errors}
        />
        <Card title="Shifts, rest and breaks (the company's)">
          <ShiftRulesFields prefix="" lengths={lengths[""] ?? d.shown.lengths} readOnly={readOnly}>
            <RuleField
              meta={fields.maxShiftsPerWeek}
              label="Most shifts a week"
              unit="shifts"
              step="1"
              hint="An agent's own contract can allow fewer."
              disabled={readOnly}
            />
          </ShiftRulesFields>
        </Card>
        <Card title="Per contract type">
          <p className="mb-3 text-sm text-slate-700" data-testid="contract-rules-summary">
            {differ.length === 0
              ? "Every contract type works the company's shifts, rest and breaks."
              : `${differ.map((c) => c.label).join(" and ")} have their own shifts, rest and breaks; ${differ.length === CONTRACT_TYPES.length ? "none works the company's" : "the others work the company's"}.`}
          </p>
          <ul className="mb-4 space-y-1 text-sm text-slate-700">
            {d.shown.contracts.map((c) => (
              <li key={c.type}>
                <span className="font-medium text-slate-900">{c.label}:</span> {c.own ?? "the company's"}
              </li>
            ))}
          </ul>
          <p className="mb-4 text-sm text-slate-600">
            Where a contract type differs from the company, give it its own most shifts a week, or its own shift lengths, rest and breaks. Students' lower caps
            in exam periods stay on each agent.
          </p>
          <div className="space-y-4">
            {d.shown.contracts.map((c) => (
              <ContractRules key={c.type} type={c.type} label={c.label} lengths={lengths[`byContract.${c.type}.`] ?? c.lengths} readOnly={readOnly} />
            ))}
          </div>
        </Card>
        {readOnly ? null : (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={pending}>
              Save as version {d.current.version + 1}
            </Button>
            <span className="text-sm text-slate-600">The next schedule run uses the new version.</span>
          </div>
        )}
      </Form>
    </FormProvider>
  );
}
