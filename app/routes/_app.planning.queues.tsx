// Queues and their history: the service each queue promises and how it is staffed, opening hours in
// the queue's zone, and history uploads (preview with every bad row, then one replacing transaction).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Badge, Button, Card, PageHeader } from "~/components/ui";
import { checkHistoryUpload, importHistoryUpload } from "~/models/history-import.server";
import { listQueueSettings, updateQueueSettings } from "~/models/queue.server";
import { historyExtent } from "~/models/volume.server";
import { requireCan, requirePermission } from "~/utils/auth.server";
import { formatInZone } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";
import { readForm, withUploadForm } from "~/utils/form.server";
import { HOLIDAY_COUNTRIES } from "../../jobs/forecast/holidays";

export const meta: MetaFunction = () => [{ title: "Queues & history · Handoff" }];

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MAX_UPLOAD_BYTES = 60 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "planning:view");
  const [queues, extent] = await Promise.all([listQueueSettings(), historyExtent()]);
  return {
    timeZone: user.timeZone,
    // A queue without opening hours is open around the clock, and is shown so.
    queues: queues.map((q) => ({ ...q, openingHours: q.openingHours ?? Array.from({ length: 7 }, () => [["00:00", "24:00"]] as [string, string][]) })),
    extent: { first: extent.first?.toISOString() ?? null, last: extent.last?.toISOString() ?? null, rows: extent.rows },
  };
}

const Time = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, "HH:mm");
const SettingsSchema = z.object({
  key: z.string().min(1),
  name: z.string().trim().min(2, "Give the queue a name").max(60),
  timeZone: z.string().refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", "Not a known time zone"),
  serviceLevelPercent: z.coerce.number().min(1, "1–99 %").max(99, "1–99 %"),
  answerSeconds: z.coerce
    .number()
    .int()
    .min(1, "At least 1 s")
    .max(7 * 86_400, "At most a week"),
  ahtSeconds: z.coerce.number().int().min(10, "At least 10 s").max(7200),
  maxOccupancyPercent: z.coerce.number().min(50, "50–100 %").max(100, "50–100 %"),
  shrinkagePercent: z.coerce.number().min(0, "0–80 %").max(80, "0–80 %"),
  concurrency: z.coerce.number().int().min(1).max(6),
  patienceSeconds: z.union([z.literal("").transform(() => null), z.coerce.number().int().min(5).max(86_400)]),
  country: z.union([z.literal("").transform(() => null), z.enum(HOLIDAY_COUNTRIES, "Choose a calendar from the list")]),
});

const COUNTRY_NAMES: Record<(typeof HOLIDAY_COUNTRIES)[number], string> = {
  SE: "Sweden",
  FI: "Finland",
  NO: "Norway",
  DK: "Denmark",
  DE: "Germany (nationwide)",
  PL: "Poland",
  GB: "United Kingdom (England)",
  US: "United States",
};

/** A history upload: the file streamed to disk (never into memory), checked from there, imported with intent=import. */
async function historyUpload(request: Request) {
  const tooLarge = `That file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`;
  const refused = (error: string) => data({ kind: "upload" as const, error, errors: [] as string[], totalErrors: 0, queues: null }, { status: 400 });
  try {
    return await withUploadForm(request, { maxBytes: MAX_UPLOAD_BYTES, files: true }, async (form, files) => {
      const file = files.get("file");
      if (!file || file.size === 0) return refused("Choose a CSV file first.");
      const check = await checkHistoryUpload(file.path, file.name);
      if (!check.ok) {
        return data(
          {
            kind: "upload" as const,
            error: `${check.totalErrors} problem${check.totalErrors === 1 ? "" : "s"} in ${file.name}. Nothing was imported.`,
            errors: check.errors,
            totalErrors: check.totalErrors,
            queues: null,
          },
          { status: 400 },
        );
      }
      if (form.get("intent") === "import") {
        const written = await importHistoryUpload(file.path, file.name, check.queues);
        return redirectWithToast("/planning/queues", {
          title: `Imported ${written.toLocaleString("en-GB")} intervals`,
          description: `Replaced the stored history of ${check.queues.map((q) => q.queue).join(", ")} for the file's period.`,
        });
      }
      return { kind: "upload" as const, error: null, errors: [] as string[], totalErrors: 0, queues: check.queues };
    });
  } catch (error) {
    if (error instanceof Response && error.status === 413) return refused(tooLarge);
    throw error;
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
  const form = await readForm(request);
  const parsed = SettingsSchema.safeParse(Object.fromEntries(form));
  const hours = Array.from({ length: 7 }, (_, d) => {
    if (form.get(`closed${d}`) === "on") return [] as [string, string][];
    return [[String(form.get(`open${d}`) ?? ""), String(form.get(`close${d}`) ?? "")]] as [string, string][];
  });
  const hourErrors = hours.flatMap((ranges, d) =>
    ranges
      .filter(([a, b]) => !Time.safeParse(a).success || !Time.safeParse(b).success || a >= b)
      .map(() => `${DAYS[d]}: opening must be before closing (HH:mm).`),
  );
  if (!parsed.success || hourErrors.length) {
    const fieldErrors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return data({ kind: "settings" as const, fieldErrors, hourErrors }, { status: 400 });
  }
  const v = parsed.data;
  const saved = await updateQueueSettings(
    v.key,
    {
      name: v.name,
      timeZone: v.timeZone,
      serviceLevelTarget: v.serviceLevelPercent / 100,
      serviceLevelSeconds: v.answerSeconds,
      ahtSeconds: v.ahtSeconds,
      maxOccupancy: v.maxOccupancyPercent / 100,
      shrinkage: v.shrinkagePercent / 100,
      concurrency: v.concurrency,
      patienceSeconds: v.patienceSeconds,
      openingHours: hours,
      country: v.country,
    },
    user.id,
  );
  if (!saved)
    return data(
      { kind: "settings" as const, fieldErrors: { key: `There is no queue "${v.key}". Reload the page.` }, hourErrors: [] as string[] },
      { status: 400 },
    );
  return redirectWithToast(`/planning/queues?queue=${v.key}`, { title: `${v.key} saved`, description: "The next forecast run uses these settings." });
}

export default function QueuesPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const selected = d.queues.find((q) => q.key === params.get("queue")) ?? null;
  const upload = actionData?.kind === "upload" ? actionData : null;
  const settingsErrors = actionData?.kind === "settings" ? actionData : null;
  const busy = navigation.state === "submitting";
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
                  <tr key={q.key} className={selected?.key === q.key ? "bg-brand-50" : undefined}>
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
        <Card title="Upload history (CSV)" className="max-w-3xl">
          <p className="text-sm text-slate-600">
            Columns <code className="break-all text-xs">interval_start, queue, offered, ai_resolved, aht_seconds</code> (a header row), times in UTC. A file
            with any bad row is refused whole; an accepted file replaces the stored history of its queues for its period.
          </p>
          <Form method="post" encType="multipart/form-data" className="mt-3 space-y-3">
            <label className="block text-sm font-medium text-slate-800">
              History file
              <input
                type="file"
                name="file"
                accept=".csv,text/csv"
                required
                className="mt-1 block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2"
              />
            </label>
            <div className="flex gap-2">
              <Button type="submit" name="intent" value="preview" variant="secondary" disabled={busy}>
                Check file
              </Button>
              <Button type="submit" name="intent" value="import" disabled={busy || !upload?.queues}>
                Import
              </Button>
            </div>
          </Form>
          {upload?.error ? (
            <div role="alert" className="mt-3 rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800" data-testid="upload-errors">
              <p className="font-medium">{upload.error}</p>
              {upload.errors.length ? (
                <ul className="mt-1 max-h-64 list-disc overflow-auto pl-5">
                  {upload.errors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              ) : null}
              {upload.totalErrors > upload.errors.length ? <p className="mt-1">…and {upload.totalErrors - upload.errors.length} more.</p> : null}
            </div>
          ) : null}
          {upload?.queues ? (
            <div className="mt-3 rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm" data-testid="upload-preview">
              <p className="font-medium text-emerald-900">The file is valid. Importing replaces:</p>
              <ul className="mt-1 space-y-1">
                {upload.queues.map((q) => (
                  <li key={q.queue}>
                    <Badge tone="success">{q.queue}</Badge> {q.rows.toLocaleString("en-GB")} intervals of {q.intervalMinutes} min,{" "}
                    {formatInZone(q.from, d.timeZone, "d MMM yyyy")} – {formatInZone(q.to, d.timeZone, "d MMM yyyy")}, AI resolved{" "}
                    {q.offered ? Math.round((q.aiResolved / q.offered) * 100) : 0} %
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
      </div>
      {selected ? <QueueEditor queue={selected} errors={settingsErrors} /> : null}
    </>
  );
}

type QueueRow = ReturnType<typeof useLoaderData<typeof loader>>["queues"][number];

function NumberField({
  name,
  label,
  defaultValue,
  error,
  step = "1",
  suffix,
}: {
  name: string;
  label: string;
  defaultValue: number | string;
  error?: string;
  step?: string;
  suffix?: string;
}) {
  return (
    <label className="block text-sm font-medium text-slate-800">
      {label}
      <span className="mt-1 flex items-center gap-1">
        <input
          name={name}
          type="number"
          step={step}
          defaultValue={defaultValue}
          aria-invalid={error ? true : undefined}
          className="w-28 rounded-lg border border-slate-300 px-3 py-2 text-sm"
        />
        {suffix ? <span className="text-slate-600">{suffix}</span> : null}
      </span>
      {error ? <span className="mt-1 block text-sm font-normal text-rose-700">{error}</span> : null}
    </label>
  );
}

function QueueEditor({ queue, errors }: { queue: QueueRow; errors: { fieldErrors: Record<string, string>; hourErrors: string[] } | null }) {
  const fe = errors?.fieldErrors ?? {};
  return (
    <Card title={`Edit ${queue.key}`} className="mt-6">
      <Form method="post" key={queue.key} className="space-y-5">
        <input type="hidden" name="key" value={queue.key} />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <label className="block text-sm font-medium text-slate-800">
            Name
            <input name="name" defaultValue={queue.name} className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm" />
            {fe.name ? <span className="mt-1 block text-sm font-normal text-rose-700">{fe.name}</span> : null}
          </label>
          <label className="block text-sm font-medium text-slate-800">
            Time zone
            <input name="timeZone" defaultValue={queue.timeZone} className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm" />
            {fe.timeZone ? <span className="mt-1 block text-sm font-normal text-rose-700">{fe.timeZone}</span> : null}
          </label>
          <NumberField
            name="serviceLevelPercent"
            label="Service level target"
            defaultValue={Math.round(queue.serviceLevelTarget * 100)}
            suffix="%"
            error={fe.serviceLevelPercent}
          />
          <NumberField
            name="answerSeconds"
            label={queue.channel === "EMAIL" ? "…answered within (seconds; 14400 = 4 h)" : "…answered within"}
            defaultValue={queue.serviceLevelSeconds}
            suffix="s"
            error={fe.answerSeconds}
          />
          <NumberField name="ahtSeconds" label="Default AHT" defaultValue={queue.ahtSeconds} suffix="s" error={fe.ahtSeconds} />
          <NumberField
            name="maxOccupancyPercent"
            label="Occupancy cap"
            defaultValue={Math.round(queue.maxOccupancy * 100)}
            suffix="%"
            error={fe.maxOccupancyPercent}
          />
          <NumberField name="shrinkagePercent" label="Shrinkage" defaultValue={Math.round(queue.shrinkage * 100)} suffix="%" error={fe.shrinkagePercent} />
          <NumberField name="concurrency" label="Chats per agent" defaultValue={queue.concurrency} error={fe.concurrency} />
          <NumberField
            name="patienceSeconds"
            label="Mean patience (Erlang A; empty = Erlang C)"
            defaultValue={queue.patienceSeconds ?? ""}
            suffix="s"
            error={fe.patienceSeconds}
          />
          <label className="block text-sm font-medium text-slate-800">
            Holiday calendar
            <select
              name="country"
              defaultValue={queue.country ?? ""}
              aria-invalid={fe.country ? true : undefined}
              aria-describedby="country-help"
              className="mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-sm"
            >
              {HOLIDAY_COUNTRIES.map((c) => (
                <option key={c} value={c}>
                  {c} · {COUNTRY_NAMES[c]}
                </option>
              ))}
              <option value="">None</option>
            </select>
            <span id="country-help" className="mt-1 block text-xs font-normal text-slate-600">
              Public holidays the forecast expects; add others on{" "}
              <Link to="/planning/special-days" className="text-brand-700 underline">
                Special days
              </Link>
              .
            </span>
            {fe.country ? <span className="mt-1 block text-sm font-normal text-rose-700">{fe.country}</span> : null}
          </label>
        </div>
        <fieldset>
          <legend className="text-sm font-semibold text-slate-900">Opening hours ({queue.timeZone})</legend>
          {errors?.hourErrors.length ? <p className="mt-1 text-sm text-rose-700">{errors.hourErrors.join(" ")}</p> : null}
          <div className="mt-2 grid grid-cols-[repeat(auto-fill,minmax(17rem,1fr))] gap-2">
            {DAYS.map((day, i) => {
              const range = queue.openingHours[i]?.[0];
              return (
                <div key={day} className="flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm">
                  <span className="w-9 font-medium">{day}</span>
                  <input
                    aria-label={`${day} opens`}
                    name={`open${i}`}
                    defaultValue={range?.[0] ?? "08:00"}
                    className="w-16 rounded border border-slate-300 px-1.5 py-1 tabular-nums"
                  />
                  –
                  <input
                    aria-label={`${day} closes`}
                    name={`close${i}`}
                    defaultValue={range?.[1] ?? "20:00"}
                    className="w-16 rounded border border-slate-300 px-1.5 py-1 tabular-nums"
                  />
                  <label className="ml-auto flex items-center gap-1 text-xs text-slate-600">
                    <input type="checkbox" name={`closed${i}`} defaultChecked={!range} /> closed
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
        <Button type="submit">Save {queue.key}</Button>
      </Form>
    </Card>
  );
}
