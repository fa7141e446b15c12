// A list page's filter bar: a GET form whose fields start from the URL's search parameters, so a
// filtered list is a link and the browser's back button restores it (accounts, the roster).
import { Form, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "~/components/ui";

const control =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-100";
const labelClass = "block text-sm font-medium text-slate-800";

export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label={label}>
      {children}
      <Button type="submit" variant="secondary">
        Filter
      </Button>
    </Form>
  );
}

/** The free-text search, the widest field of the bar. */
export function FilterSearch({ name = "q", label = "Name or email" }: { name?: string; label?: string }) {
  const [params] = useSearchParams();
  return (
    <div className="min-w-48 flex-1">
      <label htmlFor={`filter-${name}`} className={labelClass}>
        {label}
      </label>
      <input id={`filter-${name}`} name={name} type="search" defaultValue={params.get(name) ?? ""} className={control} />
    </div>
  );
}

/** A choice with an "any" first option (the empty value: no filter). */
export function FilterSelect({
  name,
  label,
  anyLabel,
  options,
}: {
  name: string;
  label: string;
  anyLabel: string;
  options: { value: string; label: string }[];
}) {
  const [params] = useSearchParams();
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={labelClass}>
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={params.get(name) ?? ""} className={control}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
