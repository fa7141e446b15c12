// One account: change its role, deactivate or reactivate it, send a password reset link, and read its history.
import { getFormProps, getSelectProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { AdminTabs, ROLE_TONES } from "~/components/admin-tabs";
import { FormErrors } from "~/components/forms";
import { Badge, Button, Card, PageHeader } from "~/components/ui";
import { RoleChangeSchema } from "~/models/account-forms";
import { changeRole, deactivateAccount, getAccount, reactivateAccount, sendPasswordReset, todayIn } from "~/models/account.server";
import { auditOf } from "~/models/audit.server";
import { LEAVE_REASONS, leavingSchema } from "~/models/leaving";
import { requirePermission } from "~/utils/auth.server";
import { env } from "~/utils/env.server";
import { replyMessages, resultFor, useIsPending, useZodForm } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";
import { ROLE_LABELS, STAFF_ROLES } from "~/utils/permissions";
import { invariantResponse } from "~/utils/responses.server";
import { formatInZone } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.account.name ?? "Account"} · Handoff` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "admin:view");
  const account = await getAccount(params.userId ?? "");
  invariantResponse(account, "No account with this id", { status: 404 });
  const history = await auditOf({ type: "User", id: account.id });
  return { account, history, timeZone: user.timeZone, isSelf: account.id === user.id, today: todayIn(user.timeZone) };
}

/** The page's forms, told apart by `intent`. */
const AccountActionSchema = z.discriminatedUnion(
  "intent",
  [
    RoleChangeSchema,
    z.object({ intent: z.literal("deactivate"), leftAt: z.string().optional(), leaveReason: z.string().optional() }),
    z.object({ intent: z.literal("reactivate") }),
    z.object({ intent: z.literal("reset") }),
  ],
  { error: "Unknown action; reload the page and try again." },
);

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "accounts:edit");
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: AccountActionSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const form = submission.value;
  const id = params.userId ?? "";
  const appUrl = env().APP_URL ?? new URL(request.url).origin;
  let result;
  if (form.intent === "role") result = await changeRole(id, form.role, user);
  else if (form.intent === "deactivate") {
    // An agent leaves: their last working day and the reason are asked for (attrition is measured from them).
    const account = await getAccount(id);
    let leaving;
    if (account?.role === "AGENT") {
      const agentLeaving = parseWithZod(formData, { schema: leavingSchema(todayIn(user.timeZone)).extend({ intent: z.literal("deactivate") }) });
      if (agentLeaving.status !== "success") return replyInvalid(agentLeaving, { formErrors: ["Say when they left and why; nothing was changed."] });
      leaving = agentLeaving.value;
    }
    result = await deactivateAccount(id, user, new Date(), leaving);
  } else if (form.intent === "reactivate") result = await reactivateAccount(id, user);
  else result = await sendPasswordReset(id, user, appUrl);
  if (!result.ok)
    return replyInvalid(submission, {
      ...(result.field ? { fieldErrors: { [result.field]: [result.error] } } : { formErrors: [result.error] }),
      status: result.error === "That account no longer exists" ? 404 : 409,
    });
  return redirectWithToast(`/admin/accounts/${id}`, { title: result.message });
}

export default function Account() {
  const { account, history, timeZone, isSelf, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useIsPending();
  const deactivated = Boolean(account.deactivatedAt);
  const [roleForm, roleFields] = useZodForm(RoleChangeSchema, { id: "role", lastResult: resultFor(actionData, "role"), defaultValue: { role: account.role } });
  const roleError = roleFields.role.errors?.join(" ") ?? roleForm.errors?.join(" ");
  // An agent's leaving form shows its errors beside its fields; other forms' replies go in the page's alert.
  const leaving = account.role === "AGENT" ? resultFor(actionData, "deactivate") : undefined;
  const formErrors = actionData?.result?.initialValue?.intent === "role" || leaving ? [] : replyMessages(actionData?.result);

  return (
    <>
      <PageHeader
        title={account.name}
        description={
          <>
            {account.email} ·{" "}
            <Link to="/admin" className="text-brand-700 underline">
              All accounts
            </Link>
          </>
        }
        actions={
          <div className="flex items-center gap-2">
            <Badge tone={ROLE_TONES[account.role]}>{ROLE_LABELS[account.role]}</Badge>
            <Badge tone={deactivated ? "neutral" : "success"}>{deactivated ? "Deactivated" : "Active"}</Badge>
          </div>
        }
      />
      <AdminTabs />
      <div className="mb-4 empty:hidden">
        <FormErrors errors={formErrors} />
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Account">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-slate-600">Last sign-in</dt>
            <dd className="text-slate-900">{account.lastSignInAt ? formatInZone(account.lastSignInAt, timeZone) : "Never"}</dd>
            <dt className="text-slate-600">Open sessions</dt>
            <dd className="text-slate-900">{account.openSessions}</dd>
            <dt className="text-slate-600">Sign-in link</dt>
            <dd className="text-slate-900">
              {account.openLink
                ? `${account.openLink.purpose === "WELCOME" ? "Invitation" : "Password reset"} open until ${formatInZone(account.openLink.expiresAt, timeZone)}`
                : "None open"}
            </dd>
            <dt className="text-slate-600">Created</dt>
            <dd className="text-slate-900">{formatInZone(account.createdAt, timeZone)}</dd>
            {deactivated ? (
              <>
                <dt className="text-slate-600">Deactivated</dt>
                <dd className="text-slate-900">{formatInZone(account.deactivatedAt!, timeZone)}</dd>
              </>
            ) : null}
            {account.agent?.leftAt ? (
              <>
                <dt className="text-slate-600">Last working day</dt>
                <dd className="text-slate-900">
                  {formatInZone(account.agent.leftAt, "UTC", "d MMM yyyy")}
                  {account.agent.leaveReason ? ` · ${LEAVE_REASONS[account.agent.leaveReason as keyof typeof LEAVE_REASONS] ?? account.agent.leaveReason}` : ""}
                </dd>
              </>
            ) : null}
          </dl>
        </Card>

        <Card title="Role">
          {account.role === "AGENT" ? (
            <p className="text-sm text-slate-700">
              Agents keep the agent role: their contract and shifts belong to it. To give this person staff access, invite a separate staff account.
            </p>
          ) : (
            <Form method="post" {...getFormProps(roleForm)} className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="role" />
              <div className="min-w-48 flex-1">
                <label htmlFor={roleFields.role.id} className="block text-sm font-medium text-slate-800">
                  Role
                </label>
                <select
                  {...getSelectProps(roleFields.role)}
                  aria-describedby={roleError ? roleFields.role.errorId : "role-hint"}
                  className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-100"
                >
                  {STAFF_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </div>
              <Button type="submit" variant="secondary" disabled={busy}>
                Change role
              </Button>
              {roleError ? (
                <p id={roleFields.role.errorId} className="w-full text-sm text-rose-700">
                  {roleError}
                </p>
              ) : (
                <p id="role-hint" className="w-full text-xs text-slate-600">
                  Takes effect on their next click. The last active admin stays an admin.
                </p>
              )}
            </Form>
          )}
        </Card>

        <Card title="Access">
          <div className="space-y-4">
            {deactivated ? (
              <Form method="post" className="flex flex-wrap items-center justify-between gap-3">
                <input type="hidden" name="intent" value="reactivate" />
                <p className="max-w-sm text-sm text-slate-700">Reactivated, they sign in with the password they had.</p>
                <Button type="submit" disabled={busy}>
                  Reactivate
                </Button>
              </Form>
            ) : (
              <>
                <Form method="post" className="flex flex-wrap items-center justify-between gap-3">
                  <input type="hidden" name="intent" value="reset" />
                  <p className="max-w-sm text-sm text-slate-700">
                    Mail a one-time link to choose a new password. Their current password works until they use it.
                  </p>
                  <Button type="submit" variant="secondary" disabled={busy}>
                    Send reset link
                  </Button>
                </Form>
                {account.role === "AGENT" ? (
                  <LeavingForm
                    today={today}
                    errors={{ leftAt: leaving?.error?.leftAt?.join(" "), leaveReason: leaving?.error?.leaveReason?.join(" ") }}
                    error={leaving?.error?.[""]?.join(" ") ?? null}
                    busy={busy}
                  />
                ) : (
                  <Form method="post" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-4">
                    <input type="hidden" name="intent" value="deactivate" />
                    <p className="max-w-sm text-sm text-slate-700">
                      {isSelf
                        ? "You cannot deactivate your own account; another admin can."
                        : "Signs them out everywhere at once and stops them signing in. Their history stays."}
                    </p>
                    <Button type="submit" variant="danger" disabled={busy || isSelf}>
                      Deactivate
                    </Button>
                  </Form>
                )}
              </>
            )}
          </div>
        </Card>

        <Card
          title="History"
          action={
            <Link to="/admin/audit?subject=User" className="text-sm text-brand-700 underline">
              Audit log
            </Link>
          }
        >
          {history.length === 0 ? (
            <p className="text-sm text-slate-600">No changes recorded yet.</p>
          ) : (
            <ol className="space-y-3 text-sm">
              {history.map((h) => (
                <li key={h.id}>
                  <p className="text-slate-900">{h.summary}</p>
                  <p className="text-xs text-slate-600">
                    <time dateTime={new Date(h.at).toISOString()}>{formatInZone(h.at, timeZone)}</time>
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}

const CONTROL =
  "mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-rose-400";

type ControlProps = { id: string; name: string; className: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** A labelled control of the leaving form with its error below, tied to it for screen readers. */
function LeavingField({ name, label, error, children }: { name: string; label: string; error?: string; children: (props: ControlProps) => ReactNode }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id: name, name, className: CONTROL, ...(error ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {}) })}
      {error ? (
        <p id={`${name}-error`} className="mt-1 text-sm text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** An agent's deactivation: they leave, so their last working day and the reason are recorded. */
function LeavingForm({ today, errors, error, busy }: { today: string; errors: Record<string, string | undefined>; error: string | null; busy: boolean }) {
  return (
    <Form method="post" className="space-y-3 border-t border-slate-100 pt-4" aria-labelledby="leaving-title">
      <input type="hidden" name="intent" value="deactivate" />
      <h3 id="leaving-title" className="text-sm font-semibold text-slate-900">
        The agent leaves
      </h3>
      <p className="text-sm text-slate-700">
        Signs them out at once and takes them off draft schedules after their last day. Shifts already published stay until you re-run and publish those weeks.
        Their history stays, and the capacity plan counts them as a leaver.
      </p>
      {error ? (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <LeavingField name="leftAt" label="Last working day" error={errors.leftAt}>
          {(props) => <input {...props} type="date" max={today} defaultValue={today} required />}
        </LeavingField>
        <LeavingField name="leaveReason" label="Why they left" error={errors.leaveReason}>
          {(props) => (
            <select {...props} defaultValue="" required>
              <option value="" disabled>
                Choose…
              </option>
              {Object.entries(LEAVE_REASONS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </LeavingField>
      </div>
      <Button type="submit" variant="danger" disabled={busy}>
        Deactivate: the agent has left
      </Button>
    </Form>
  );
}
