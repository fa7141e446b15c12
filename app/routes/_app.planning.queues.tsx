// Queues and their history: the service each queue promises and how it is staffed, opening hours in
// the queue's zone, and history uploads (preview with every bad row, then one replacing transaction).
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsvFileField, FormErrors, SelectField, TextField } from "~/components/forms";
import { Badge, Button, Card, PageHeader } from "~/components/ui";
import { checkHistoryUpload, importHistoryUpload } from "~/models/history-import.server";
import { COUNTRY_NAMES, HistoryUploadSchema, queueFormDefaults, QueueSettingsSchema, queueUpdateOf, WEEKDAYS } from "~/models/queue-form";
import { listQueueSettings, updateQueueSettings } from "~/models/queue.server";
import { historyExtent } from "~/models/volume.server";
import { requireCan, requirePermission } from "~/utils/auth.server";
import { resultFor, useIsPending, useResultFor, useZodForm } from "~/utils/form";
import { readForm, replyInvalid, withUploadForm } from "~/utils/form.server";
import { formatInZone } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";
import { HOLIDAY_COUNTRIES } from "../../jobs/forecast/holidays";

export const meta: MetaFunction = () => [{ title: "Queues & history · Handoff" }];

const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  const [queues, extent] = await Promise.all([listQueueSettings(), historyExtent()]);
  const editing = queues.find((q) => q.key === new URL(request.url).searchParams.get("queue"));
  return {
    timeZone: user.timeZone,
    queues,
    editing: editing ? { key: editing.key, channel: editing.channel, timeZone: editing.timeZone, form: queueFormDefaults(editing) } : null,
    extent: { first: extent.first?.toISOString() ?? null, last: extent.last?.toISOString() ?? null, rows: extent.rows },
  };
}

/** The upload's text fields for conform, with `file` standing for the streamed file by its name (present when one came). */
function uploadFields(form: FormData, file: { name: string; size: number } | undefined): FormData {
  const fields = new FormData();
  for (const [name, value] of form.entries()) if (typeof value === "string" && name !== "file") fields.append(name, value);
  if (file && file.size > 0) fields.set("file", file.name || "upload.csv");
  return fields;
}

/**
 * A history upload: the file streamed to disk (never into memory), checked from there, imported with intent=import.
 * Refusals are the one reply shape (`{ result }`); a checked file's preview is `{ preview }`.
 */
async function historyUpload(request: Request) {
  try {
    return await withUploadForm(request, { maxBytes: MAX_UPLOAD_BYTES, files: true }, async (form, files) => {
      const file = files.get("file");
      const submission = parseWithZod(uploadFields(form, file), { schema: HistoryUploadSchema });
      if (submission.status !== "success" || !file) return replyInvalid(submission, { hideFields: ["file"] });
      const check = await checkHistoryUpload(file.path, file.name);
      if (!check.ok) {
        const more = check.totalErrors - check.errors.length;
        const summary = `${check.totalErrors} problem${check.totalErrors === 1 ? "" : "s"} in ${file.name}. Nothing was imported.`;
        return replyInvalid(submission, { formErrors: [summary, ...check.errors, ...(more > 0 ? [`…and ${more} more.`] : [])], hideFields: ["file"] });
      }
      if (submission.value.intent === "import") {
        const written = await importHistoryUpload(file.path, file.name, check.queues);
        return redirectWithToast("/planning/queues", {
          title: `Imported ${written.toLocaleString("en-GB")} intervals`,
          description: `Replaced the stored history of ${check.queues.map((q) => q.queue).join(", ")} for the file's period.`,
        });
      }
      return data({ preview: check.queues });
    });
  } catch (error) {
    if (!(error instanceof Response && error.status === 413)) throw error;
    // The body was not read past the limit: the reply is the check step's, with the file's own error.
    const submission = parseWithZod(uploadFields(new FormData(), { name: "upload.csv", size: 1 }), { schema: HistoryUploadSchema });
    return replyInvalid(submission, { fieldErrors: { file: [`That file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`] }, hideFields: ["file"] });
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  const type = request.headers.get("Content-Type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    requireCan(user, "history:import");
    return historyUpload(request);
  }
  requireCan(user, "queues:edit");
  const submission = parseWithZod(await readForm(request), { schema: QueueSettingsSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const v = submission.value;
  if (!(await updateQueueSettings(v.key, queueUpdateOf(v), user.id)))
    return replyInvalid(submission, { formErrors: [`There is no queue "${v.key}". Reload the page.`], status: 404 });
  return redirectWithToast(`/planning/queues?queue=${v.key}`, { title: `${v.key} saved`, description: "The next forecast run uses these settings." });
}

export default function QueuesPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Queues & history"
        description="What each queue promises its customers, how it is staffed, and the contact history forecasts learn from."
      />
      <div className="space-y-6">
        <Card title="Queues">
          <div className="-mx-5 overflow-x-auto">
            <table className="w-full min-w-[720px] text-left text-sm">
              <caption className="sr-only">Queues and their service parameters</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-5 py-2 font-medium">
                    Queue
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Service level
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    AHT
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Occupancy cap
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Shrinkage
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Concurrency
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Holidays
                  </th>
                  <th scope="col" className="px-5 py-2 font-medium">
                    <span className="sr-only">Edit</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.queues.map((q) => (
                  <tr key={q.key} className={d.editing?.key === q.key ? "bg-brand-50" : undefined}>
                    <td className="px-5 py-2.5">
                      <span className="font-medium text-slate-900">{q.key}</span>
                      <span className="block text-xs text-slate-500">
                        {q.name} · {q.timeZone}
                      </span>
                    </td>
                    <td className="px-3 py-2.5 tabular-nums">
                      {Math.round(q.serviceLevelTarget * 100)} % in{" "}
                      {q.serviceLevelSeconds >= 3600 ? `${q.serviceLevelSeconds / 3600} h` : `${q.serviceLevelSeconds} s`}
                    </td>
                    <td className="px-3 py-2.5 tabular-nums">{q.ahtSeconds} s</td>
                    <td className="px-3 py-2.5 tabular-nums">{Math.round(q.maxOccupancy * 100)} %</td>
                    <td className="px-3 py-2.5 tabular-nums">{Math.round(q.shrinkage * 100)} %</td>
                    <td className="px-3 py-2.5 tabular-nums">{q.concurrency}</td>
                    <td className="px-3 py-2.5">{q.country ?? <span className="text-slate-500">none</span>}</td>
                    <td className="px-5 py-2.5 text-right">
                      <Link to={`?queue=${q.key}`} className="text-brand-700 underline" aria-label={`Edit ${q.key}`}>
                        Edit
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-3 text-xs text-slate-600">
            History: {d.extent.rows.toLocaleString("en-GB")} intervals
            {d.extent.first && d.extent.last
              ? `, ${formatInZone(d.extent.first, d.timeZone, "d MMM yyyy")} – ${formatInZone(d.extent.last, d.timeZone, "d MMM yyyy")}`
              : ""}
            .
          </p>
        </Card>
        <HistoryUpload timeZone={d.timeZone} />
      </div>
      {d.editing ? <QueueEditor key={d.editing.key} queue={d.editing} /> : null}
    </>
  );
}

function HistoryUpload({ timeZone }: { timeZone: string }) {
  const actionData = useActionData<typeof action>();
  // The upload form sends "preview" (check) or "import" (check, then import): a refusal of either is this form's.
  const lastResult = resultFor(actionData, "preview") ?? resultFor(actionData, "import");
  const preview = actionData && "preview" in actionData ? actionData.preview : null;
  const [form, fields] = useZodForm(HistoryUploadSchema, { id: "history-upload", lastResult });
  const busy = useIsPending();
  return (
    <Card title="Upload history (CSV)" className="max-w-3xl">
      <p className="text-sm text-slate-600">
        Columns <code className="break-all text-xs">interval_start, queue, offered, ai_resolved, aht_seconds</code> (a header row), times in UTC. A file with
        any bad row is refused whole; an accepted file replaces the stored history of its queues for its period.
      </p>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-3 space-y-3">
        <CsvFileField label="History file" meta={fields.file} />
        <div className="flex gap-2">
          <Button type="submit" name="intent" value="preview" variant="secondary" disabled={busy}>
            Check file
          </Button>
          <Button type="submit" name="intent" value="import" disabled={busy || !preview}>
            Import
          </Button>
        </div>
      </Form>
      <div className="mt-3 empty:hidden">
        <FormErrors errors={form.errors} list testId="upload-errors" />
      </div>
      {preview ? (
        <div className="mt-3 rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm" data-testid="upload-preview">
          <p className="font-medium text-emerald-900">The file is valid. Importing replaces:</p>
          <ul className="mt-1 space-y-1">
            {preview.map((q) => (
              <li key={q.queue}>
                <Badge tone="success">{q.queue}</Badge> {q.rows.toLocaleString("en-GB")} intervals of {q.intervalMinutes} min,{" "}
                {formatInZone(q.from, timeZone, "d MMM yyyy")} – {formatInZone(q.to, timeZone, "d MMM yyyy")}, AI resolved{" "}
                {q.offered ? Math.round((q.aiResolved / q.offered) * 100) : 0} %
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}

type Editing = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["editing"]>;

type DayField = ReturnType<ReturnType<typeof useZodForm<typeof QueueSettingsSchema>>[1]["hours"]["getFieldList"]>[number];

/** One weekday's opening hours: opens, closes, or closed; its errors under the row. */
function OpeningDay({ day, label }: { day: DayField; label: string }) {
  const { open, close, closed } = day.getFieldset();
  const errors = [...(open.errors ?? []), ...(close.errors ?? [])];
  const errorId = `${day.id}-error`;
  return (
    <div className="rounded-lg border border-slate-200 px-3 py-2 text-sm">
      <div className="flex items-center gap-2">
        <span className="w-9 font-medium">{label}</span>
        {[
          { meta: open, word: "opens" },
          { meta: close, word: "closes" },
        ].map(({ meta, word }, i) => (
          <span key={word} className="contents">
            {i > 0 ? "–" : null}
            <input
              {...getInputProps(meta, { type: "text" })}
              aria-describedby={errors.length ? errorId : undefined}
              aria-label={`${label} ${word}`}
              inputMode="numeric"
              className="w-16 rounded border border-slate-300 px-1.5 py-1 tabular-nums aria-[invalid=true]:border-rose-400"
            />
          </span>
        ))}
        <label className="ml-auto flex items-center gap-1 text-xs text-slate-600">
          <input {...getInputProps(closed, { type: "checkbox", value: "on" })} /> closed
        </label>
      </div>
      {errors.length ? (
        <p id={errorId} className="mt-1 text-sm text-rose-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function QueueEditor({ queue }: { queue: Editing }) {
  const reply = useResultFor("settings");
  const [form, fields] = useZodForm(QueueSettingsSchema, {
    id: `queue-${queue.key}`,
    lastResult: reply?.initialValue?.key === queue.key ? reply : undefined,
    defaultValue: queue.form,
  });
  const pending = useIsPending({ intent: "settings" });
  const number = (
    name: "serviceLevelPercent" | "answerSeconds" | "ahtSeconds" | "maxOccupancyPercent" | "shrinkagePercent" | "concurrency" | "patienceSeconds",
    label: string,
    unit?: string,
  ) => <TextField label={label} meta={fields[name]} inputProps={{ ...getInputProps(fields[name], { type: "number" }), step: "any" }} unit={unit} />;
  return (
    <Card title={`Edit ${queue.key}`} className="mt-6">
      <Form method="post" {...getFormProps(form)} className="space-y-5">
        <input type="hidden" name="intent" value="settings" />
        <input {...getInputProps(fields.key, { type: "hidden" })} />
        <FormErrors errors={form.errors} />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <TextField label="Name" meta={fields.name} inputProps={getInputProps(fields.name, { type: "text" })} />
          <TextField label="Time zone" meta={fields.timeZone} inputProps={getInputProps(fields.timeZone, { type: "text" })} />
          {number("serviceLevelPercent", "Service level target", "%")}
          {number("answerSeconds", queue.channel === "EMAIL" ? "…answered within (seconds; 14400 = 4 h)" : "…answered within", "s")}
          {number("ahtSeconds", "Default AHT", "s")}
          {number("maxOccupancyPercent", "Occupancy cap", "%")}
          {number("shrinkagePercent", "Shrinkage", "%")}
          {number("concurrency", "Chats per agent")}
          {number("patienceSeconds", "Mean patience (Erlang A; empty = Erlang C)", "s")}
          <SelectField
            label="Holiday calendar"
            meta={fields.country}
            selectProps={getSelectProps(fields.country)}
            options={[...HOLIDAY_COUNTRIES.map((c) => ({ value: c, label: `${c} · ${COUNTRY_NAMES[c]}` })), { value: "", label: "None" }]}
            hint={
              <>
                Public holidays the forecast expects; add others on{" "}
                <Link to="/planning/special-days" className="text-brand-700 underline">
                  Special days
                </Link>
                .
              </>
            }
          />
        </div>
        <fieldset>
          <legend className="text-sm font-semibold text-slate-900">Opening hours ({queue.timeZone})</legend>
          <div className="mt-2 grid grid-cols-[repeat(auto-fill,minmax(17rem,1fr))] gap-2">
            {fields.hours.getFieldList().map((day, i) => (
              <OpeningDay key={day.key} day={day} label={WEEKDAYS[i] ?? `Day ${i + 1}`} />
            ))}
          </div>
        </fieldset>
        <Button type="submit" disabled={pending}>
          Save {queue.key}
        </Button>
      </Form>
    </Card>
  );
}
