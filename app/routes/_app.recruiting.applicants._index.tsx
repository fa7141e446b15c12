// Applicants list: search and filters in the URL, pagination, bulk move and bulk reject, CSV export of the filtered list.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ApplicantFilterForm, ApplicantTable, BulkActions, Pages } from "~/components/applicant-list";
import { SearchIcon } from "~/components/icons";
import { ButtonLink, Card, EmptyState, PageHeader } from "~/components/ui";
import { filtersToSearch, PAGE_SIZE, parseFilters } from "~/models/applicant-filters";
import { BulkActionSchema } from "~/models/applicant-forms";
import { bulkMove, bulkReject, listApplications } from "~/models/application.server";
import { listOpeningOptions } from "~/models/opening.server";
import { requirePermission } from "~/utils/auth.server";
import { cacheThisPage } from "~/utils/render-context.server";
import { prisma } from "~/utils/db.server";
import { readForm, replyInvalid } from "~/utils/form.server";
import { permitted } from "~/utils/permissions";
import { zoneAbbreviation } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Applicants · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "recruiting:view");
  // Built from the database alone: kept while the tables it read are unchanged (decision 090).
  cacheThisPage();
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
    can: permitted(user, ["applicants:edit"]),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "applicants:edit");
  const submission = parseWithZod(await readForm(request), { schema: BulkActionSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const form = submission.value;
  const outcome = form.intent === "bulk-move" ? await bulkMove(form.ids, form.stageId, user.id) : await bulkReject(form.ids, form.reason, user.id);
  const back = new URL(request.url);
  return redirectWithToast(back.pathname + back.search, {
    kind: outcome.errors.length ? "info" : "success",
    title: `${outcome.moved} ${outcome.moved === 1 ? "applicant" : "applicants"} ${form.intent === "bulk-move" ? "moved" : "rejected"}`,
    description: outcome.errors.length ? outcome.errors.join(" ") : undefined,
  });
}

export default function ApplicantsList() {
  const { filters, page, total, rows, openings, stageNames, openingStages, timeZone, zone, can } = useLoaderData<typeof loader>();
  const canEdit = can["applicants:edit"];
  const [selected, setSelected] = useState<string[]>([]);
  // A new page of rows (after filtering or a bulk action) starts with nothing selected.
  useEffect(() => setSelected([]), [rows]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

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
        <ApplicantFilterForm filters={filters} openings={openings} stageNames={stageNames} zone={zone} />
      </Card>
      <Card>
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-slate-700" aria-live="polite">
            <span className="font-semibold tabular-nums">{total.toLocaleString("en-GB")}</span> applications
            {selected.length ? ` · ${selected.length} selected` : ""}
          </p>
          {canEdit ? <BulkActions selected={selected} openingStages={openingStages} /> : null}
        </div>
        {rows.length === 0 ? (
          <EmptyState icon={<SearchIcon />} title="No applications match">
            Loosen a filter or clear them all.
          </EmptyState>
        ) : (
          <ApplicantTable rows={rows} selected={canEdit ? selected : undefined} onSelect={setSelected} timeZone={timeZone} />
        )}
        <Pages filters={filters} page={page} pages={pages} />
      </Card>
    </>
  );
}
