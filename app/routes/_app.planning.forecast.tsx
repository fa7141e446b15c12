// Forecast: one queue at a time — history and forecast with the band, agents required, runs with live
// progress, and adjustments (preview the effect on agents required, apply, revert).
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ForecastChart } from "~/components/forecast-chart";
import { ActionButton, FormErrors, TextField } from "~/components/forms";
import { ChartIcon } from "~/components/icons";
import { Badge, Button, Card, EmptyState, PageHeader, ProgressBar } from "~/components/ui";
import { cancelForecastRun, createAdjustment, effectiveForecast, latestForecastRun, revertAdjustment, startForecastRun } from "~/models/forecast.server";
import { forecastPage } from "~/models/forecast-view.server";
import { QUEUE_UNAVAILABLE_TOAST, unlessQueueUnavailable } from "~/models/job.server";
import { listQueueSettings, type QueueSettings } from "~/models/queue.server";
import { ALWAYS } from "~/models/whole-form";
import { requireCan, requirePermission } from "~/utils/auth.server";
import { replyMessages, resultFor, useIsPending, useResultFor, useZodForm } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";
import { usePolling } from "~/utils/polling";
import { addDays, FIRST_YEAR, formatInZone, LAST_YEAR, localDate, parseIsoDate, startOfLocalDay } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Forecast · Handoff" }];

const IsoDate = z.string({ error: "Pick a date" }).refine((value) => parseIsoDate(value) !== null, `Pick a date between ${FIRST_YEAR} and ${LAST_YEAR}`);

/** The adjustment form: previewed (its effect on agents required) or applied. */
const AdjustmentSchema = z
  .object({
    intent: z.enum(["preview", "apply"]),
    queue: z.string({ error: "Choose a queue" }).max(60),
    from: IsoDate,
    to: IsoDate,
    containmentPercent: z.coerce.number({ error: "A number from 0 to 100" }).min(0, "At least 0 %").max(100, "At most 100 %").optional(),
    volumePercent: z.coerce.number({ error: "A percentage, e.g. 120" }).min(0, "At least 0 %").max(1000, "At most 1000 %").optional(),
    ahtSeconds: z.coerce.number({ error: "Seconds, e.g. 420" }).int("Whole seconds").min(10, "At least 10 s").max(7200, "At most 2 hours").optional(),
    reason: z.string({ error: "Say why, so others understand the change" }).trim().min(3, "Say why, so others understand the change").max(300),
  })
  .superRefine((v, ctx) => {
    if (typeof v.from === "string" && typeof v.to === "string" && v.to < v.from)
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date is before the start date" });
    if (v.containmentPercent === undefined && v.volumePercent === undefined && v.ahtSeconds === undefined)
      ctx.addIssue({ code: "custom", path: ["containmentPercent"], message: "Change at least one of containment, volume or AHT" });
  }, ALWAYS);

const RunSchema = z.object({ intent: z.literal("run"), quantile: z.enum(["0.5", "0.9"], "Staff to p50 or p90").default("0.5") });

/** The page's forms, told apart by `intent`. */
const ForecastFormSchema = z.discriminatedUnion(
  "intent",
  [
    RunSchema,
    z.object({ intent: z.literal("cancel"), runId: z.string({ error: "That forecast run was not named." }).max(100) }),
    z.object({ intent: z.literal("revert"), adjustmentId: z.string({ error: "That adjustment was not named." }).max(100) }),
    AdjustmentSchema,
  ],
  { error: "That request was not understood." },
);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  return forecastPage(user.timeZone, new URL(request.url).searchParams);
}

/** Agents required over the adjustment's dates before and after it; null when no forecast covers them yet. */
async function effectOf(
  queue: QueueSettings,
  change: { from: Date; to: Date; containment: number | null; volumeFactor: number | null; ahtSeconds: number | null },
  timeZone: string,
) {
  const run = await latestForecastRun(change.from);
  if (!run) return null;
  const proposed = { id: "proposed", queueKey: queue.key, ...change, createdAt: new Date() };
  const [before, after] = await Promise.all([
    effectiveForecast(run, queue, change.from, change.to),
    effectiveForecast(run, queue, change.from, change.to, [proposed]),
  ]);
  const hours = (rows: typeof before) => (rows.reduce((s, r) => s + r.required, 0) * queue.intervalMinutes) / 60;
  const peak = (rows: typeof before) => rows.reduce((m, r) => Math.max(m, r.required), 0);
  const human = (rows: typeof before) => rows.reduce((s, r) => s + r.human, 0);
  // Named in the chart's own date style: the preview covers the adjustment's dates, not the chart's window.
  const lastDay = new Date(change.to.getTime() - 1);
  return {
    covers: `${queue.key}, ${formatInZone(change.from, timeZone, "EEE d MMM")} – ${formatInZone(lastDay, timeZone, "EEE d MMM yyyy")}`,
    before: { hours: hours(before), peak: peak(before), human: human(before) },
    after: { hours: hours(after), peak: peak(after), human: human(after) },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  const formData = await readForm(request);
  // What the intent may do is checked before the form is: a refused person learns nothing about its fields.
  const asked = formData.get("intent");
  requireCan(user, asked === "run" || asked === "cancel" ? "planning:run" : "forecast:adjust");
  const submission = parseWithZod(formData, { schema: ForecastFormSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const form = submission.value;
  const back = new URL(request.url);
  const here = back.pathname + back.search;

  if (form.intent === "run") {
    const quantile = form.quantile === "0.9" ? 0.9 : 0.5;
    const tomorrow = addDays(localDate(new Date(), "UTC"), 1);
    const run = await unlessQueueUnavailable(() =>
      startForecastRun({ startAt: new Date(`${tomorrow}T00:00:00Z`), days: 14, quantile, requestedBy: user.name }),
    );
    if (!run) return redirectWithToast(here, QUEUE_UNAVAILABLE_TOAST);
    return redirectWithToast(here, { title: "Forecast started", description: `14 days from ${tomorrow}, staffed to p${Math.round(quantile * 100)}.` });
  }
  if (form.intent === "cancel") {
    if (!(await cancelForecastRun(form.runId))) return replyInvalid(submission, { formErrors: ["That forecast has already finished."], status: 409 });
    return redirectWithToast(here, { title: "Forecast cancelled" });
  }
  if (form.intent === "revert") {
    if (!(await revertAdjustment(form.adjustmentId, user.name)))
      return replyInvalid(submission, { formErrors: ["That adjustment was already reverted. Reload the page."], status: 409 });
    return redirectWithToast(here, { title: "Adjustment reverted" });
  }

  const queue = (await listQueueSettings()).find((q) => q.key === form.queue);
  if (!queue) return replyInvalid(submission, { formErrors: [`There is no queue "${form.queue}". Reload the page.`], status: 404 });
  const change = {
    from: startOfLocalDay(form.from, user.timeZone),
    to: startOfLocalDay(addDays(form.to, 1), user.timeZone),
    containment: form.containmentPercent === undefined ? null : form.containmentPercent / 100,
    volumeFactor: form.volumePercent === undefined ? null : form.volumePercent / 100,
    ahtSeconds: form.ahtSeconds ?? null,
  };
  if (form.intent === "preview") {
    const preview = await effectOf(queue, change, user.timeZone);
    if (!preview) return replyInvalid(submission, { formErrors: ["Run a forecast first: there is nothing to adjust yet."] });
    return { result: submission.reply(), preview };
  }
  await createAdjustment({ queueId: queue.id, ...change, reason: form.reason, authorId: user.id });
  return redirectWithToast(here, { title: `Adjustment applied to ${queue.key}`, description: form.reason });
}

function fmt(n: number, digits = 0) {
  return n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export default function ForecastPage() {
  const loaded = useLoaderData<typeof loader>();
  const live = !loaded.empty && (loaded.latest?.status === "QUEUED" || loaded.latest?.status === "RUNNING");
  usePolling(live);

  if (loaded.empty) {
    return (
      <EmptyState
        icon={<ChartIcon />}
        title="No queues yet"
        action={
          <Link className="text-brand-700 underline" to="/planning/queues">
            Set up queues
          </Link>
        }
      >
        A queue is a language and a channel, like sv-chat. Add one and upload its history to forecast.
      </EmptyState>
    );
  }
  return <ForecastView data={loaded} />;
}

type Loaded = Exclude<ReturnType<typeof useLoaderData<typeof loader>>, { empty: true }>;

function ForecastView({ data: d }: { data: Loaded }) {
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  // The one-button forms (cancel, revert) show their refusals here, above the page.
  const buttonErrors = [...replyMessages(resultFor(actionData, "cancel")), ...replyMessages(resultFor(actionData, "revert"))];
  const link = (change: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) next.set(k, v);
    return `?${next}`;
  };
  const step = d.zoom === "week" ? 7 : 1;
  const markers = d.adjustments
    .filter((a) => !a.revertedAt)
    .map((a, i) => ({ id: a.id, from: Date.parse(a.from), to: Date.parse(a.to), label: `A${d.adjustments.length - i} ${describeAdjustment(a)}` }));

  return (
    <>
      <PageHeader
        title="Forecast"
        description={`Contacts the AI will not resolve, and the agents they need. Times in ${d.timeZone.replace("_", " ")} (${d.zone}).`}
        actions={<RunForm running={d.latest?.status === "QUEUED" || d.latest?.status === "RUNNING"} />}
      />
      <div className="mb-4 empty:hidden">
        <FormErrors errors={buttonErrors} />
      </div>
      {d.latest ? <RunStatus run={d.latest} timeZone={d.timeZone} /> : null}

      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap gap-1" role="group" aria-label="Queue">
          {d.queues.map((q) => (
            <Link
              key={q.key}
              to={link({ queue: q.key })}
              aria-current={q.key === d.queue.key ? "page" : undefined}
              className={
                q.key === d.queue.key
                  ? "rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-medium text-white"
                  : "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
              }
            >
              {q.key}
            </Link>
          ))}
        </div>
        <div className="flex items-center gap-2">
          <Link
            to={link({ from: addDays(d.fromDate, -step) })}
            className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm"
            aria-label={`Previous ${d.zoom}`}
          >
            ←
          </Link>
          <span className="text-sm tabular-nums text-slate-700">
            {d.fromDate}
            {d.zoom === "week" ? ` – ${addDays(d.fromDate, 6)}` : ""}
          </span>
          <Link
            to={link({ from: addDays(d.fromDate, step) })}
            className="rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm"
            aria-label={`Next ${d.zoom}`}
          >
            →
          </Link>
          <div className="ml-2 flex rounded-lg border border-slate-300 bg-white p-0.5" role="group" aria-label="Zoom">
            {(["day", "week"] as const).map((z) => (
              <Link
                key={z}
                to={link({ zoom: z })}
                aria-current={d.zoom === z ? "true" : undefined}
                className={d.zoom === z ? "rounded-md bg-slate-800 px-3 py-1 text-sm text-white" : "rounded-md px-3 py-1 text-sm text-slate-700"}
              >
                {z === "day" ? "Day" : "Week"}
              </Link>
            ))}
          </div>
        </div>
      </div>

      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card
            title={`${d.queue.name} (${d.queue.key})`}
            action={
              d.run ? (
                <span className="text-xs text-slate-600">
                  Run of {formatInZone(d.run.createdAt, d.timeZone)} · staffed to p{Math.round(d.run.quantile * 100)}
                </span>
              ) : null
            }
          >
            {d.history.length === 0 && d.forecast.length === 0 ? (
              <EmptyState icon={<ChartIcon />} title="Nothing in this period">
                {d.run ? "Move the period, or upload history for this queue." : "Run a forecast to see contacts and agents required."}
              </EmptyState>
            ) : (
              <ForecastChart
                from={d.range.from}
                to={d.range.to}
                zoom={d.zoom === "day" ? "day" : "week"}
                timeZone={d.timeZone}
                intervalMinutes={d.queue.intervalMinutes}
                history={d.history}
                forecast={d.forecast}
                forecastStart={d.run ? Date.parse(d.run.startAt) : null}
                adjustments={markers}
              />
            )}
            <dl className="mt-4 grid grid-cols-3 gap-3 border-t border-slate-100 pt-4 text-sm">
              <div>
                <dt className="text-slate-600">Human contacts (forecast)</dt>
                <dd className="text-lg font-semibold tabular-nums" data-testid="forecast-human">
                  {fmt(d.totals.human)}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Agent hours required</dt>
                <dd className="text-lg font-semibold tabular-nums" data-testid="forecast-agent-hours">
                  {fmt(d.totals.agentHours)}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Peak agents</dt>
                <dd className="text-lg font-semibold tabular-nums">{d.totals.peak}</dd>
              </div>
            </dl>
          </Card>
          <AdjustmentList adjustments={d.adjustments} timeZone={d.timeZone} />
        </div>
        {/* Keyed by run and queue so its default dates follow the newest forecast. */}
        <AdjustPanel key={`${d.run?.id ?? "none"}-${d.queue.key}`} queueKey={d.queue.key} defaults={d.defaults} disabled={!d.run} />
      </div>
    </>
  );
}

/** Starts a forecast of the next 14 days, staffed to p50 or p90. */
function RunForm({ running }: { running: boolean }) {
  const [form, fields] = useZodForm(RunSchema, { id: "forecast-run", lastResult: useResultFor("run"), defaultValue: { quantile: "0.5" } });
  const pending = useIsPending();
  return (
    <Form method="post" {...getFormProps(form)} className="flex items-end gap-2">
      <input type="hidden" name="intent" value="run" />
      <label htmlFor={fields.quantile.id} className="text-sm">
        <span className="block text-xs font-medium text-slate-600">Staff to</span>
        <select {...getSelectProps(fields.quantile)} className="mt-1 rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm">
          <option value="0.5">p50 (normal week)</option>
          <option value="0.9">p90 (launch week)</option>
        </select>
      </label>
      <Button type="submit" disabled={running || pending}>
        Run forecast
      </Button>
      <FormErrors errors={[...(form.errors ?? []), ...(fields.quantile.errors ?? [])]} />
    </Form>
  );
}

function RunStatus({ run, timeZone }: { run: NonNullable<Loaded["latest"]>; timeZone: string }) {
  const running = run.status === "QUEUED" || run.status === "RUNNING";
  const title = {
    QUEUED: "Forecast waiting for a worker…",
    RUNNING: "Forecast running…",
    SUCCEEDED: `Forecast complete${run.seconds !== null ? ` in ${run.seconds.toFixed(0)} s` : ""}`,
    FAILED: "The last forecast failed",
    CANCELLED: "The last forecast was cancelled",
  }[run.status];
  return (
    <Card className="mb-4">
      <div className="flex flex-wrap items-center gap-4">
        <div className="min-w-0 flex-1">
          <p className="text-sm font-medium text-slate-900" role={run.status === "FAILED" ? "alert" : undefined}>
            {title}
            <span className="ml-2 font-normal text-slate-600">
              started {formatInZone(run.createdAt, timeZone)}, staffed to p{Math.round(run.quantile * 100)}
            </span>
          </p>
          {run.status === "FAILED" || run.status === "CANCELLED" ? (
            <p className="mt-1 text-sm text-rose-800">{run.error ?? "No reason was recorded."}</p>
          ) : (
            <div className="mt-2 max-w-md">
              <ProgressBar value={run.progress} label="Forecast progress" />
            </div>
          )}
        </div>
        {running ? (
          <ActionButton intent="cancel" values={{ runId: run.id }} variant="secondary">
            Cancel<span className="sr-only"> the forecast</span>
          </ActionButton>
        ) : null}
      </div>
    </Card>
  );
}

function describeAdjustment(a: { containment: number | null; volumeFactor: number | null; ahtSeconds: number | null }) {
  return [
    a.containment !== null ? `containment ${Math.round(a.containment * 100)} %` : null,
    a.volumeFactor !== null ? `volume ×${a.volumeFactor.toFixed(2)}` : null,
    a.ahtSeconds !== null ? `AHT ${a.ahtSeconds} s` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

function AdjustPanel({ queueKey, defaults, disabled }: { queueKey: string; defaults: { from: string; to: string }; disabled: boolean }) {
  const actionData = useActionData<typeof action>();
  // The form sends "preview" or "apply": a reply to either is this form's.
  const lastResult = resultFor(actionData, "preview") ?? resultFor(actionData, "apply");
  const [form, fields] = useZodForm(AdjustmentSchema, { id: `adjust-${queueKey}`, lastResult, defaultValue: { from: defaults.from, to: defaults.to } });
  const preview = actionData && "preview" in actionData ? actionData.preview : null;
  const busy = useIsPending();
  return (
    <aside aria-labelledby="adjust-title">
      <Card>
        <h2 id="adjust-title" className="text-sm font-semibold text-slate-900">
          Adjust {queueKey}
        </h2>
        <p className="mt-1 text-xs text-slate-600">Override the forecast for a date range. Preview the effect on agents required, then apply.</p>
        <Form method="post" {...getFormProps(form)} className="mt-4 space-y-3">
          <input type="hidden" name="queue" value={queueKey} />
          <FormErrors errors={form.errors} />
          <div className="grid grid-cols-2 gap-3">
            <TextField label="From" meta={fields.from} inputProps={getInputProps(fields.from, { type: "date" })} />
            <TextField label="To (inclusive)" meta={fields.to} inputProps={getInputProps(fields.to, { type: "date" })} />
          </div>
          <TextField
            label="AI containment, %"
            hint="Share of contacts the AI resolves"
            meta={fields.containmentPercent}
            inputProps={{ ...getInputProps(fields.containmentPercent, { type: "number" }), step: "0.1", placeholder: "e.g. 70" }}
          />
          <TextField
            label="Volume, % of forecast"
            meta={fields.volumePercent}
            inputProps={{ ...getInputProps(fields.volumePercent, { type: "number" }), step: "1", placeholder: "e.g. 120" }}
          />
          <TextField
            label="AHT, seconds"
            meta={fields.ahtSeconds}
            inputProps={{ ...getInputProps(fields.ahtSeconds, { type: "number" }), step: "1", placeholder: "e.g. 420" }}
          />
          <TextField
            label="Reason"
            meta={fields.reason}
            inputProps={{ ...getInputProps(fields.reason, { type: "text" }), placeholder: "e.g. New AI release for disputes" }}
          />
          {preview ? (
            <div className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm" data-testid="adjust-preview" aria-live="polite">
              <p className="font-medium text-slate-900">Effect on agents required</p>
              <p className="text-xs text-slate-600">Over the adjusted dates: {preview.covers}</p>
              <dl className="mt-2 grid grid-cols-3 gap-2 tabular-nums">
                <dt className="text-slate-600">Agent hours</dt>
                <dd>{fmt(preview.before.hours)}</dd>
                <dd className="font-semibold" data-testid="preview-after-hours">
                  → {fmt(preview.after.hours)}
                </dd>
                <dt className="text-slate-600">Peak agents</dt>
                <dd>{preview.before.peak}</dd>
                <dd className="font-semibold">→ {preview.after.peak}</dd>
                <dt className="text-slate-600">Human contacts</dt>
                <dd>{fmt(preview.before.human)}</dd>
                <dd className="font-semibold">→ {fmt(preview.after.human)}</dd>
              </dl>
            </div>
          ) : null}
          <div className="flex gap-2 pt-1">
            <Button type="submit" name="intent" value="preview" variant="secondary" disabled={disabled || busy}>
              Preview effect
            </Button>
            <Button type="submit" name="intent" value="apply" disabled={disabled || busy}>
              Apply
            </Button>
          </div>
        </Form>
      </Card>
    </aside>
  );
}

function AdjustmentList({ adjustments, timeZone }: { adjustments: Loaded["adjustments"]; timeZone: string }) {
  return (
    <Card title="Adjustments">
      {adjustments.length === 0 ? (
        <p className="text-sm text-slate-600">No adjustments to this queue yet.</p>
      ) : (
        <ol className="divide-y divide-slate-100">
          {adjustments.map((a, i) => (
            <li key={a.id} id={`adjustment-${a.id}`} className="flex flex-wrap items-start justify-between gap-3 py-3">
              <div className="min-w-0">
                <p className="text-sm font-medium text-slate-900">
                  A{adjustments.length - i} · {describeAdjustment(a)}{" "}
                  {a.revertedAt ? <Badge tone="neutral">reverted</Badge> : <Badge tone="info">active</Badge>}
                </p>
                <p className="text-sm text-slate-600">
                  {formatInZone(a.from, timeZone, "d MMM")} – {formatInZone(new Date(Date.parse(a.to) - 1), timeZone, "d MMM")} · “{a.reason}”
                </p>
                <p className="text-xs text-slate-500">
                  {a.author}, {formatInZone(a.createdAt, timeZone)}
                  {a.revertedAt ? ` · reverted by ${a.revertedBy} ${formatInZone(a.revertedAt, timeZone)}` : ""}
                </p>
              </div>
              {!a.revertedAt ? (
                <ActionButton intent="revert" values={{ adjustmentId: a.id }} variant="secondary" className="min-h-8 px-3 py-1">
                  Revert<span className="sr-only"> A{adjustments.length - i}</span>
                </ActionButton>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
