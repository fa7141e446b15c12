// Applicants list: search and filters in the URL, pagination, bulk move and bulk reject, CSV export of the filtered list.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { AvailabilitySummary, CohortBadge, LanguageList } from "~/components/applicant-bits";
import { SearchIcon } from "~/components/icons";
import { Badge, Button, ButtonLink, Card, EmptyState, PageHeader } from "~/components/ui";
import { AVAILABILITY_DAY_OPTIONS, filtersToSearch, PAGE_SIZE, parseFilters } from "~/models/applicant-filters";
import { bulkMove, bulkReject, listApplications } from "~/models/applicant.server";
import { listOpeningOptions } from "~/models/opening.server";
import { COHORT_LABELS, COHORTS, COUNTRIES, LANGUAGES, SOURCES } from "~/models/recruiting-vocabulary";
import { requirePermission } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { can } from "~/utils/permissions";
import { formatInZone, zoneAbbreviation } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";
import { readForm } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Applicants · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "recruiting:view");
  const { filters, page } = parseFilters(new URL(request.url).searchParams);
  const [{ total, rows }, openings, stageNames, openingStages] = await Promise.all([
    listApplications(filters, user.timeZone, page),
    listOpeningOptions(),
    prisma.stage.findMany({ distinct: ["name"], orderBy: { name: "asc" }, select: { name: true } }),
    filters.openingId
      ? prisma.stage.findMany({ where: { openingId: filters.openingId, kind: "ACTIVE" }, orderBy: { position: "asc" }, select: { id: true, name: true } })
      : Promise.resolve(null),
  ]);
  return {
    filters,
    page,
    total,
    rows,
    openings,
    stageNames: stageNames.map((s) => s.name),
    openingStages,
    timeZone: user.timeZone,
    zone: zoneAbbreviation(user.timeZone),
    canEdit: can(user, "applicants:edit"),
  };
}

const BulkSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("bulk-move"),
    ids: z.array(z.string().min(1)).min(1, "Select at least one applicant").max(500),
    stageId: z.string().min(1, "Choose a stage"),
  }),
  z.object({
    intent: z.literal("bulk-reject"),
    ids: z.array(z.string().min(1)).min(1, "Select at least one applicant").max(500),
    reason: z.string().trim().min(3, "Give a reason for rejecting").max(300),
  }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "applicants:edit");
  const formData = await readForm(request);
  const parsed = BulkSchema.safeParse({ ...Object.fromEntries(formData), ids: formData.getAll("ids") });
  if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? "That request was not understood" }, { status: 400 });
  const form = parsed.data;
  const outcome = form.intent === "bulk-move" ? await bulkMove(form.ids, form.stageId, user.id) : await bulkReject(form.ids, form.reason, user.id);
  const back = new URL(request.url);
  return redirectWithToast(back.pathname + back.search, {
    kind: outcome.errors.length ? "info" : "success",
    title: `${outcome.moved} ${outcome.moved === 1 ? "applicant" : "applicants"} ${form.intent === "bulk-move" ? "moved" : "rejected"}`,
    description: outcome.errors.length ? outcome.errors.join(" ") : undefined,
  });
}

const control = "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 text-sm";

function Select({ label, name, value, options, any }: { label: string; name: string; value?: string; options: Array<[string, string]>; any: string }) {
  return (
    <label className="block text-sm font-medium text-slate-700">
      {label}
      <select name={name} defaultValue={value ?? ""} className={control}>
        <option value="">{any}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

export default function ApplicantsList() {
  const { filters, page, total, rows, openings, stageNames, openingStages, timeZone, zone, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [selected, setSelected] = useState<string[]>([]);
  // A new page of rows (after filtering or a bulk action) starts with nothing selected.
  useEffect(() => setSelected([]), [rows]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const allOnPage = rows.length > 0 && rows.every((r) => selected.includes(r.id));
  const busy = navigation.state !== "idle";

  return (
    <>
      <PageHeader
        title="Applicants"
        description="Search and filter every application. Filters stay in the address, so a filtered list can be shared."
        actions={
          <>
            <a
              href={`/recruiting/applicants.csv${filtersToSearch(filters)}`}
              className="inline-flex min-h-10 items-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
              download
            >
              Export CSV
            </a>
            <ButtonLink to="/recruiting">Openings</ButtonLink>
          </>
        }
      />
      <Card className="mb-4">
        <Form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Filter applicants">
          <label className="block text-sm font-medium text-slate-700 sm:col-span-2">
            Search name or email
            <input type="search" name="q" defaultValue={filters.q} className={control} placeholder="e.g. Virtanen" />
          </label>
          <Select
            label="Opening"
            name="openingId"
            value={filters.openingId}
            any="All openings"
            options={openings.map((o) => [o.id, `${o.title}${o.status === "OPEN" ? "" : ` (${o.status.toLowerCase()})`}`])}
          />
          <Select label="Stage" name="stage" value={filters.stage} any="Any stage" options={stageNames.map((n) => [n, n])} />
          <Select label="Language" name="language" value={filters.language} any="Any language" options={Object.entries(LANGUAGES)} />
          <Select label="Cohort" name="cohort" value={filters.cohort} any="Any cohort" options={COHORTS.map((c) => [c, COHORT_LABELS[c]])} />
          <Select label="Country" name="country" value={filters.country} any="Any country" options={Object.entries(COUNTRIES)} />
          <Select label="Source" name="source" value={filters.source} any="Any source" options={Object.entries(SOURCES)} />
          <label className="block text-sm font-medium text-slate-700">
            Applied from
            <input type="date" name="appliedFrom" defaultValue={filters.appliedFrom} className={control} />
          </label>
          <label className="block text-sm font-medium text-slate-700">
            Applied until
            <input type="date" name="appliedTo" defaultValue={filters.appliedTo} className={control} />
          </label>
          <fieldset className="sm:col-span-2">
            <legend className="text-sm font-medium text-slate-700">Available (your time, {zone})</legend>
            <div className="mt-1 flex flex-wrap items-center gap-2">
              <label className="sr-only" htmlFor="availDays">
                Days
              </label>
              <select
                id="availDays"
                name="availDays"
                defaultValue={filters.availDays ?? "any"}
                className="rounded-lg border border-slate-300 bg-white px-2.5 py-1.5 text-sm"
              >
                {Object.entries(AVAILABILITY_DAY_OPTIONS).map(([v, o]) => (
                  <option key={v} value={v}>
                    {o.label}
                  </option>
                ))}
              </select>
              <label className="sr-only" htmlFor="availFrom">
                Available from
              </label>
              <input
                id="availFrom"
                type="time"
                name="availFrom"
                defaultValue={filters.availFrom}
                className="rounded-lg border border-slate-300 px-2.5 py-1.5 text-sm"
              />
              <span aria-hidden="true">–</span>
              <label className="sr-only" htmlFor="availTo">
                Available until
              </label>
              <input
                id="availTo"
                type="time"
                name="availTo"
                defaultValue={filters.availTo}
                className="rounded-lg border border-slate-300 px-2.5 py-1.5 text-sm"
              />
            </div>
          </fieldset>
          <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
            <Button type="submit">Apply filters</Button>
            <ButtonLink to="/recruiting/applicants">Clear</ButtonLink>
          </div>
        </Form>
      </Card>

      {actionData?.error ? (
        <p role="alert" className="mb-3 rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
          {actionData.error}
        </p>
      ) : null}

      <Card>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700" aria-live="polite">
            <span className="font-semibold tabular-nums">{total.toLocaleString("en-GB")}</span> applications
            {selected.length ? ` · ${selected.length} selected` : ""}
          </p>
          {canEdit ? (
            <div className="flex flex-wrap items-end gap-3">
              <Form method="post" id="bulk-move" className="flex items-end gap-2">
                <input type="hidden" name="intent" value="bulk-move" />
                {selected.map((id) => (
                  <input key={id} type="hidden" name="ids" value={id} />
                ))}
                {openingStages ? (
                  <>
                    <label className="text-sm text-slate-700">
                      Move selected to
                      <select name="stageId" className="ml-2 rounded-lg border border-slate-300 px-2 py-1.5 text-sm">
                        {openingStages.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                          </option>
                        ))}
                      </select>
                    </label>
                    <Button type="submit" variant="secondary" disabled={!selected.length || busy}>
                      Move
                    </Button>
                  </>
                ) : (
                  <span className="text-xs text-slate-500">Filter by one opening to move in bulk.</span>
                )}
              </Form>
              <Form method="post" className="flex items-end gap-2">
                <input type="hidden" name="intent" value="bulk-reject" />
                {selected.map((id) => (
                  <input key={id} type="hidden" name="ids" value={id} />
                ))}
                <label className="text-sm text-slate-700">
                  Reason
                  <input
                    name="reason"
                    required
                    minLength={3}
                    maxLength={300}
                    placeholder="Availability does not match"
                    className="ml-2 w-56 rounded-lg border border-slate-300 px-2 py-1.5 text-sm"
                  />
                </label>
                <Button type="submit" variant="danger" disabled={!selected.length || busy}>
                  Reject selected
                </Button>
              </Form>
            </div>
          ) : null}
        </div>
        {rows.length === 0 ? (
          <EmptyState icon={<SearchIcon />} title="No applications match">
            Loosen a filter or clear them all.
          </EmptyState>
        ) : (
          <div className="-mx-5 overflow-x-auto">
            <table className="w-full min-w-[900px] text-left text-sm">
              <caption className="sr-only">Applications, newest first</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  {canEdit ? (
                    <th scope="col" className="w-10 px-5 py-2">
                      <input
                        type="checkbox"
                        aria-label="Select all on this page"
                        checked={allOnPage}
                        onChange={(e) =>
                          setSelected(
                            e.target.checked ? [...new Set([...selected, ...rows.map((r) => r.id)])] : selected.filter((id) => !rows.some((r) => r.id === id)),
                          )
                        }
                        className="h-4 w-4 accent-brand-600"
                      />
                    </th>
                  ) : null}
                  <th scope="col" className="px-3 py-2 font-medium">
                    Applicant
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Opening · stage
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Languages
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Availability (their time)
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Source
                  </th>
                  <th scope="col" className="px-5 py-2 font-medium">
                    Applied
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.id} data-testid="applicant-row">
                    {canEdit ? (
                      <td className="px-5 py-2.5">
                        <input
                          type="checkbox"
                          aria-label={`Select ${r.applicant.name}`}
                          checked={selected.includes(r.id)}
                          onChange={(e) => setSelected(e.target.checked ? [...selected, r.id] : selected.filter((id) => id !== r.id))}
                          className="h-4 w-4 accent-brand-600"
                        />
                      </td>
                    ) : null}
                    <td className="px-3 py-2.5">
                      <Link
                        to={`/recruiting/applicants/${r.applicant.id}?application=${r.id}`}
                        className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                      >
                        {r.applicant.name}
                      </Link>
                      <div className="mt-0.5 flex items-center gap-1.5 text-xs text-slate-600">
                        <CohortBadge cohort={r.applicant.cohort} /> {COUNTRIES[r.applicant.country] ?? r.applicant.country} · {r.applicant.hoursWanted} h
                      </div>
                    </td>
                    <td className="px-3 py-2.5">
                      <div className="max-w-56 line-clamp-2 text-slate-700" title={r.opening.title}>
                        {r.opening.title}
                      </div>
                      <Badge tone={r.stage.kind === "HIRED" ? "success" : r.stage.kind === "ACTIVE" ? "neutral" : "danger"}>{r.stage.name}</Badge>
                    </td>
                    <td className="px-3 py-2.5 text-xs text-slate-700">
                      <LanguageList languages={r.applicant.languages} />
                    </td>
                    <td className="px-3 py-2.5 text-xs text-slate-700">
                      <AvailabilitySummary slots={r.applicant.availability} />
                    </td>
                    <td className="px-3 py-2.5 text-xs text-slate-700">{SOURCES[r.source] ?? r.source}</td>
                    <td className="px-5 py-2.5 text-xs tabular-nums text-slate-700">{formatInZone(r.createdAt, timeZone, "d MMM yyyy")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link to={filtersToSearch(filters, page - 1) || "?"} className="font-medium text-brand-700 underline">
              ← Previous
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">
            Page {page} of {pages.toLocaleString("en-GB")}
          </span>
          {page < pages ? (
            <Link to={filtersToSearch(filters, page + 1)} className="font-medium text-brand-700 underline">
              Next →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      </Card>
    </>
  );
}
