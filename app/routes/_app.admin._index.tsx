// Accounts: who has access, with role, status and last sign-in; invite a staff member; open an account to change it.
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AdminTabs, ROLE_TONES } from "~/components/admin-tabs";
import { FilterBar, FilterSearch, FilterSelect } from "~/components/filters";
import { FormErrors, SelectField, TextField } from "~/components/forms";
import { Table } from "~/components/table";
import { Badge, Button, Card, PageHeader, Stat, type BadgeTone } from "~/components/ui";
import { InviteSchema } from "~/models/account-forms";
import { AccountFilterSchema, inviteAccount, listAccounts, type AccountStatus } from "~/models/account.server";
import { countRunningJobs } from "~/models/job.server";
import { usersByRole } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { useIsPending, useZodForm } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";
import { permitted, ROLE_LABELS, ROLES, STAFF_ROLES } from "~/utils/permissions";
import { formatInZone } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Accounts · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "admin:view");
  const filter = AccountFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [counts, list, runningJobs] = await Promise.all([usersByRole(), listAccounts(filter), countRunningJobs()]);
  return { counts, ...list, runningJobs, timeZone: user.timeZone, can: permitted(user, ["accounts:edit"]) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "accounts:edit");
  const submission = parseWithZod(await readForm(request), { schema: InviteSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const result = await inviteAccount(submission.value, user, env().APP_URL ?? new URL(request.url).origin);
  if (!result.ok) return replyInvalid(submission, result.field ? { fieldErrors: { [result.field]: [result.error] } } : { formErrors: [result.error] });
  return redirectWithToast("/admin", { title: result.message, description: "The one-time link is in the outbox and works for 7 days." });
}

const STATUS: Record<AccountStatus, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  invited: { label: "Invited", tone: "info" },
  deactivated: { label: "Deactivated", tone: "neutral" },
};

export default function Accounts() {
  const { counts, accounts, total, runningJobs, timeZone, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm(InviteSchema, { id: "invite", lastResult: actionData?.result, defaultValue: { role: "MANAGER" } });
  const submitting = useIsPending({ state: "submitting" });
  return (
    <>
      <PageHeader title="Administration" description="Who has access and with which role. Invite staff here; agents get their account when they are hired." />
      <AdminTabs />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        {ROLES.map((role) => (
          <Stat key={role} label={`${ROLE_LABELS[role]}s`} value={counts[role]} hint="active accounts" />
        ))}
        <Stat
          label="Jobs running"
          value={runningJobs}
          hint={
            <Link to="/jobs" className="text-brand-700 underline">
              Open jobs
            </Link>
          }
        />
      </div>

      <div className="space-y-6">
        {can["accounts:edit"] ? (
          <Card title="Invite a staff member">
            {/* Keyed by the number of accounts: after an invitation the form comes back empty, after a refusal it keeps what was typed. */}
            <Form
              key={total}
              method="post"
              {...getFormProps(form)}
              className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_14rem_auto] lg:items-start"
              aria-label="Invite a staff member"
            >
              <div className="empty:hidden sm:col-span-2 lg:col-span-4">
                <FormErrors errors={form.errors} id={form.errorId} />
              </div>
              <TextField label="Full name" meta={fields.name} inputProps={{ ...getInputProps(fields.name, { type: "text" }), autoComplete: "off" }} />
              <TextField label="Email" meta={fields.email} inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "off" }} />
              <SelectField
                label="Role"
                meta={fields.role}
                selectProps={getSelectProps(fields.role)}
                options={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              />
              <Button type="submit" className="lg:mt-6" disabled={submitting}>
                {submitting ? "Sending…" : "Send invitation"}
              </Button>
              <p className="text-xs text-slate-600 sm:col-span-2 lg:col-span-4">
                They get a one-time link by email (kept in the outbox when no mail server is set) to choose a password; it works for 7 days. Agents get theirs
                when they are hired.
              </p>
            </Form>
          </Card>
        ) : null}
        <Card title={`Accounts (${total})`}>
          <FilterBar label="Filter accounts">
            <FilterSearch />
            <FilterSelect name="role" label="Role" anyLabel="All roles" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
            <FilterSelect
              name="status"
              label="Status"
              anyLabel="Any status"
              options={(Object.keys(STATUS) as AccountStatus[]).map((s) => ({ value: s, label: STATUS[s].label }))}
            />
          </FilterBar>
          <Table
            caption="Accounts with their role, status and last sign-in"
            minWidth="640px"
            columns={[{ label: "Name" }, { label: "Role" }, { label: "Status" }, { label: "Last sign-in" }]}
          >
            {accounts.map((a) => (
              <tr key={a.id} className={a.status === "deactivated" ? "text-slate-500" : undefined}>
                <td className="px-5 py-2.5">
                  <Link to={`/admin/accounts/${a.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {a.name}
                  </Link>
                  <div className="text-xs text-slate-600">{a.email}</div>
                </td>
                <td className="whitespace-nowrap px-3 py-2.5">
                  <Badge tone={ROLE_TONES[a.role]}>{ROLE_LABELS[a.role]}</Badge>
                </td>
                <td className="whitespace-nowrap px-3 py-2.5">
                  <Badge tone={STATUS[a.status].tone}>{STATUS[a.status].label}</Badge>
                </td>
                <td className="whitespace-nowrap px-5 py-2.5 text-slate-700">{a.lastSignInAt ? formatInZone(a.lastSignInAt, timeZone) : "Never"}</td>
              </tr>
            ))}
          </Table>
          {accounts.length < total ? (
            <p className="mt-3 text-sm text-slate-600">
              Showing the first {accounts.length} of {total}; narrow the filter to find others.
            </p>
          ) : null}
        </Card>
      </div>
    </>
  );
}
