// The outbox: every message the app sent (or, with no mail server configured, kept for admins to read).
import { parseWithZod } from "@conform-to/zod/v4";
import type { MailStatus } from "@prisma/client";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminTabs } from "~/components/admin-tabs";
import { ActionButton, FormErrors } from "~/components/forms";
import { InboxIcon } from "~/components/icons";
import { Badge, Card, EmptyState, PageHeader, type BadgeTone } from "~/components/ui";
import { listOutbox, mailDeliveryEnabled, retryMessage } from "~/models/outbox.server";
import { requirePermission } from "~/utils/auth.server";
import { replyMessages } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";
import { permitted } from "~/utils/permissions";
import { formatInZone } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Outbox · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "outbox:view");
  const messages = await listOutbox(100);
  return { messages, timeZone: user.timeZone, delivering: mailDeliveryEnabled(), can: permitted(user, ["outbox:retry"]) };
}

const RetrySchema = z.object({
  intent: z.literal("retry", { error: "Choose a failed message to send again." }),
  messageId: z.string({ error: "Choose a failed message to send again." }).max(40),
});

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "outbox:retry");
  const submission = parseWithZod(await readForm(request), { schema: RetrySchema });
  if (submission.status !== "success") return replyInvalid(submission);
  if (!(await retryMessage(submission.value.messageId)))
    return replyInvalid(submission, { formErrors: ["That message is not failed (any more): reload the outbox."], status: 409 });
  return redirectWithToast("/admin/outbox", { title: "Message queued to be sent again" });
}

const STATUS: Record<MailStatus, { label: string; tone: BadgeTone }> = {
  KEPT: { label: "kept", tone: "neutral" },
  QUEUED: { label: "queued", tone: "info" },
  SENDING: { label: "sending", tone: "info" },
  SENT: { label: "sent", tone: "success" },
  FAILED: { label: "failed", tone: "danger" },
};

export default function Outbox() {
  const { messages, timeZone, delivering, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Administration"
        description={
          delivering
            ? "Every message the app sends, with its delivery state: queued, sent, or failed with the mail server's reason. Newest first; the last 100."
            : "No mail server is configured (SMTP_URL), so messages are kept here instead of being sent. Newest first; the last 100."
        }
      />
      <AdminTabs />
      <div className="mb-4 empty:hidden">
        <FormErrors errors={replyMessages(actionData?.result)} />
      </div>
      {messages.length === 0 ? (
        <EmptyState icon={<InboxIcon />} title="No messages yet">
          Invitations to new agents and schedule notices appear here.
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {messages.map((m) => (
            <li key={m.id}>
              <Card>
                <article aria-label={m.subject} data-testid="outbox-message">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h2 className="font-semibold text-slate-900">{m.subject}</h2>
                    <Badge tone={STATUS[m.status].tone}>{STATUS[m.status].label}</Badge>
                  </div>
                  <p className="mt-1 text-xs text-slate-600">
                    To {m.to} · {m.kind} · written {formatInZone(m.createdAt, timeZone)}
                    {m.sentAt ? ` · sent ${formatInZone(m.sentAt, timeZone)}` : ""}
                    {m.attempts > 0 ? ` · ${m.attempts} attempt${m.attempts === 1 ? "" : "s"}` : ""}
                  </p>
                  {m.lastError && m.status !== "SENT" ? (
                    <div className="mt-2 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-rose-200 bg-rose-50 p-2 text-sm text-rose-900">
                      <p>
                        <span className="font-medium">{m.status === "FAILED" ? "Not delivered:" : "Last attempt failed, retrying:"}</span> {m.lastError}
                      </p>
                      {m.status === "FAILED" && can["outbox:retry"] ? (
                        <ActionButton intent="retry" values={{ messageId: m.id }} variant="secondary" aria-label={`Send "${m.subject}" to ${m.to} again`}>
                          Send again
                        </ActionButton>
                      ) : null}
                    </div>
                  ) : null}
                  <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm text-slate-800">
                    <Linked text={m.body} />
                  </pre>
                </article>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Links in a plain-text body become clickable, so an admin can follow an invitation link for someone. */
function Linked({ text }: { text: string }) {
  return (
    <>
      {text.split(/(https?:\/\/\S+)/g).map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} className="text-brand-700 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}
