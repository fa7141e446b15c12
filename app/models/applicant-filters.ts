// The list's filters as they travel in the URL: parsed leniently (a bad value is dropped, never a 500) and written back for links.
import { z } from "zod";
import type { ApplicationFilters } from "./application.server";

export const PAGE_SIZE = 50;

export const AVAILABILITY_DAY_OPTIONS: Record<string, { label: string; days: number[] }> = {
  any: { label: "Any day", days: [0, 1, 2, 3, 4, 5, 6] },
  weekdays: { label: "Weekdays", days: [0, 1, 2, 3, 4] },
  weekend: { label: "Weekend", days: [5, 6] },
  ...Object.fromEntries(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].map((label, day) => [String(day), { label, days: [day] }]),
  ),
};

const text = z.string().trim().max(100).optional().catch(undefined);
const date = z.iso.date().optional().catch(undefined);
const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
  .optional()
  .catch(undefined);

const FiltersSchema = z.object({
  q: text,
  openingId: text,
  stage: text,
  language: text,
  cohort: text,
  country: text,
  source: text,
  appliedFrom: date,
  appliedTo: date,
  availDays: text,
  availFrom: time,
  availTo: time,
});

export function parseFilters(params: URLSearchParams): { filters: ApplicationFilters; page: number } {
  const raw = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ""));
  const filters = Object.fromEntries(Object.entries(FiltersSchema.parse(raw)).filter(([, v]) => v !== undefined)) as ApplicationFilters;
  const page = z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .catch(1)
    .parse(params.get("page") ?? 1);
  return { filters, page };
}

export function filtersToSearch(filters: ApplicationFilters, page?: number): string {
  const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as Array<[string, string]>);
  if (page && page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
