// The applicant list's parts: the filter form (kept in the address), the bulk move and reject forms, the table with selection, and the pages.
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { ApplicationFilters, listApplications } from "~/models/application.server";
import { AVAILABILITY_DAY_OPTIONS, filtersToSearch } from "~/models/applicant-filters";
import { BulkMoveSchema, BulkRejectSchema } from "~/models/applicant-forms";
import { COHORT_LABELS, COHORTS, COUNTRIES, LANGUAGES, SOURCES } from "~/models/recruiting-vocabulary";
import { useIsPending, useResultFor, useZodForm } from "~/utils/form";
import { formatInZone } from "~/utils/time";
import { AvailabilitySummary, CohortBadge, LanguageList } from "./applicant-bits";
import { FieldError, FormErrors } from "./forms";
import { Table } from "./table";
import { Badge, Button, ButtonLink } from "./ui";

type Row = Awaited<ReturnType<typeof listApplications>>["rows"][number];

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

export function ApplicantFilterForm({
  filters,
  openings,
  stageNames,
  zone,
}: {
  filters: ApplicationFilters;
  openings: Array<{ id: string; title: string; status: string }>;
  stageNames: string[];
  zone: string;
}) {
  return (
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
          <input id="availTo" type="time" name="availTo" defaultValue={filters.availTo} className="rounded-lg border border-slate-300 px-2.5 py-1.5 text-sm" />
        </div>
      </fieldset>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit">Apply filters</Button>
        <ButtonLink to="/recruiting/applicants">Clear</ButtonLink>
      </div>
    </Form>
  );
}

function Selected({ ids }: { ids: string[] }) {
  return ids.map((id) => <input key={id} type="hidden" name="ids" value={id} />);
}

/** Move or reject the selected applications; moving needs one opening's stages, so it waits for an opening filter. */
export function BulkActions({ selected, openingStages }: { selected: string[]; openingStages: Array<{ id: string; name: string }> | null }) {
  const [moveForm, move] = useZodForm(BulkMoveSchema, { id: "bulk-move", lastResult: useResultFor("bulk-move") });
  const [rejectForm, reject] = useZodForm(BulkRejectSchema, { id: "bulk-reject", lastResult: useResultFor("bulk-reject") });
  const pending = useIsPending();
  const errors = [moveForm.errors, move.ids.errors, move.stageId.errors, rejectForm.errors, reject.ids.errors].flatMap((e) => e ?? []);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Form method="post" {...getFormProps(moveForm)} className="flex items-end gap-2">
        <input type="hidden" name="intent" value="bulk-move" />
        <Selected ids={selected} />
        {openingStages ? (
          <>
            <label htmlFor={move.stageId.id} className="text-sm text-slate-700">
              Move selected to
            </label>
            <select {...getSelectProps(move.stageId)} className="rounded-lg border border-slate-300 px-2 py-1.5 text-sm">
              {openingStages.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" disabled={!selected.length || pending}>
              Move
            </Button>
          </>
        ) : (
          <span className="text-xs text-slate-500">Filter by one opening to move in bulk.</span>
        )}
      </Form>
      <Form method="post" {...getFormProps(rejectForm)} className="flex items-start gap-2">
        <input type="hidden" name="intent" value="bulk-reject" />
        <Selected ids={selected} />
        <div>
          <div className="flex items-center gap-2">
            <label htmlFor={reject.reason.id} className="text-sm text-slate-700">
              Reason
            </label>
            <input
              {...getInputProps(reject.reason, { type: "text" })}
              placeholder="Availability does not match"
              className="w-56 rounded-lg border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-rose-400"
            />
          </div>
          <FieldError meta={reject.reason} />
        </div>
        <Button type="submit" variant="danger" disabled={!selected.length || pending}>
          Reject selected
        </Button>
      </Form>
      {errors.length ? (
        <div className="w-full">
          <FormErrors errors={errors} />
        </div>
      ) : null}
    </div>
  );
}

export function ApplicantTable({
  rows,
  selected,
  onSelect,
  timeZone,
}: {
  rows: Row[];
  /** Ids picked for a bulk action; without it (a reader) there are no checkboxes. */
  selected?: string[];
  onSelect: (ids: string[]) => void;
  timeZone: string;
}) {
  const allOnPage = rows.length > 0 && rows.every((r) => selected?.includes(r.id));
  const pick = (ids: string[], on: boolean) => onSelect(on ? [...new Set([...(selected ?? []), ...ids])] : (selected ?? []).filter((id) => !ids.includes(id)));
  return (
    <Table
      caption="Applications, newest first"
      minWidth="900px"
      columns={[
        ...(selected
          ? [
              {
                label: (
                  <input
                    type="checkbox"
                    aria-label="Select all on this page"
                    checked={allOnPage}
                    onChange={(e) =>
                      pick(
                        rows.map((r) => r.id),
                        e.target.checked,
                      )
                    }
                    className="h-4 w-4 accent-brand-600"
                  />
                ),
                className: "w-10",
              },
            ]
          : []),
        { label: "Applicant" },
        { label: "Opening · stage" },
        { label: "Languages" },
        { label: "Availability (their time)" },
        { label: "Source" },
        { label: "Applied" },
      ]}
    >
      {rows.map((r) => (
        <tr key={r.id} data-testid="applicant-row">
          {selected ? (
            <td className="px-5 py-2.5">
              <input
                type="checkbox"
                aria-label={`Select ${r.applicant.name}`}
                checked={selected.includes(r.id)}
                onChange={(e) => pick([r.id], e.target.checked)}
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
    </Table>
  );
}

export function Pages({ filters, page, pages }: { filters: ApplicationFilters; page: number; pages: number }) {
  return (
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
  );
}
