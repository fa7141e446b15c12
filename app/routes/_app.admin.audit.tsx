// The audit log: who changed which account, role, rule or plan, and when; newest first, filtered by subject.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { AdminTabs } from "~/components/admin-tabs";
import { InboxIcon } from "~/components/icons";
import { Table } from "~/components/table";
import { Button, Card, EmptyState, PageHeader } from "~/components/ui";
import { AUDIT_SUBJECT_LABELS, AUDIT_SUBJECTS } from "~/models/audit-subjects";
import { AuditFilterSchema, listAudit } from "~/models/audit.server";
import { requirePermission } from "~/utils/auth.server";
import { formatInZone } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Audit log · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "audit:view");
  const filter = AuditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listAudit(filter);
  return { ...page, filter, timeZone: user.timeZone };
}

export default function AuditLog() {
  const { entries, next, filter, timeZone } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const nextParams = new URLSearchParams(params);
  if (next) nextParams.set("before", next);
  return (
    <>
      <PageHeader
        title="Administration"
        description={`Every change to accounts, roles, labour rules and capacity plans: who made it and when (times in ${timeZone.replace("_", " ")}). Entries are written with the change and never edited.`}
      />
      <AdminTabs />
      <Card>
        <Form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
          <div>
            <label htmlFor="audit-subject" className="block text-sm font-medium text-slate-800">
              About
            </label>
            <select
              id="audit-subject"
              name="subject"
              defaultValue={filter.subject ?? ""}
              className="mt-1 block rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-100"
            >
              <option value="">Everything</option>
              {AUDIT_SUBJECTS.map((s) => (
                <option key={s} value={s}>
                  {AUDIT_SUBJECT_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </Form>
        {entries.length === 0 ? (
          <EmptyState icon={<InboxIcon />} title="Nothing recorded yet">
            Changes to accounts and roles appear here as they are made.
          </EmptyState>
        ) : (
          <Table
            caption="Audit log, newest first"
            minWidth="640px"
            bodyTestId="audit-entries"
            columns={[{ label: "When" }, { label: "Who" }, { label: "What" }, { label: "Change" }]}
          >
            {entries.map((e) => (
              <tr key={e.id} className="align-top">
                <td className="whitespace-nowrap px-5 py-2.5 text-slate-700">
                  <time dateTime={new Date(e.at).toISOString()}>{formatInZone(e.at, timeZone, "d MMM yyyy HH:mm")}</time>
                </td>
                <td className="px-3 py-2.5 text-slate-900">{e.actor?.name ?? "System"}</td>
                <td className="px-3 py-2.5">
                  {e.subjectType === "User" ? (
                    <Link to={`/admin/accounts/${e.subjectId}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {e.action}
                    </Link>
                  ) : (
                    <span className="text-slate-700">{e.action}</span>
                  )}
                </td>
                <td className="px-5 py-2.5 text-slate-900">{e.summary}</td>
              </tr>
            ))}
          </Table>
        )}
        {next ? (
          <p className="mt-4">
            <Link to={`?${nextParams}`} className="text-sm font-medium text-brand-700 underline">
              Older entries
            </Link>
          </p>
        ) : null}
      </Card>
    </>
  );
}
