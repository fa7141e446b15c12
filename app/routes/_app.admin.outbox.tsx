// The outbox: every message the app sent (or, with no mail server configured, kept for admins to read).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { InboxIcon } from "~/components/icons";
import { Badge, Card, EmptyState, PageHeader } from "~/components/ui";
import { listOutbox } from "~/models/outbox.server";
import { requirePermission } from "~/utils/auth.server";
import { formatInZone } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "Outbox · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "outbox:view");
  const messages = await listOutbox(100);
  return { messages, timeZone: user.timeZone };
}

export default function Outbox() {
  const { messages, timeZone } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Outbox" description="No mail server is configured, so messages are kept here instead of being sent. Newest first; the last 100." />
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
                    <Badge tone={m.sentAt ? "success" : "neutral"}>{m.sentAt ? "sent" : "kept"}</Badge>
                  </div>
                  <p className="mt-1 text-xs text-slate-600">
                    To {m.to} · {m.kind} · {formatInZone(m.createdAt, timeZone)}
                  </p>
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
