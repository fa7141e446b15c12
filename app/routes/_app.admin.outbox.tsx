// The outbox: every message the app sent (or, with no mail server configured, kept for admins to read).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import type { MailStatus } from "@prisma/client";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminTabs } from "~/components/admin-tabs";
import { InboxIcon } from "~/components/icons";
import { Badge, Button, Card, EmptyState, PageHeader, type BadgeTone } from "~/components/ui";
import { listOutbox, mailDeliveryEnabled, retryMessage } from "~/models/outbox.server";
import { requirePermission } from "~/utils/auth.server";
import { readForm } from "~/utils/form.server";
import { formatInZone } from "~/utils/time";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Outbox · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "outbox:view");
  const messages = await listOutbox(100);
  return { messages, timeZone: user.timeZone, delivering: mailDeliveryEnabled() };
}

const RetrySchema = z.object({ intent: z.literal("retry"), messageId: z.string().min(1).max(40) });

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "outbox:retry");
  const parsed = RetrySchema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return data({ error: "Choose a failed message to send again." }, { status: 400 });
  if (!(await retryMessage(parsed.data.messageId))) return data({ error: "That message is not failed (any more): reload the outbox." }, { status: 409 });
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
  const { messages, timeZone, delivering } = useLoaderData<typeof loader>();
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
                      {m.status === "FAILED" ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="retry" />
                          <input type="hidden" name="messageId" value={m.id} />
                          <Button type="submit" variant="secondary" aria-label={`Send "${m.subject}" to ${m.to} again`}>
                            Send again
                          </Button>
                        </Form>
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
