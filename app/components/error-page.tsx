// Errors as pages people can act on: 403, 404 and unexpected failures, never a stack trace.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { LockIcon, SearchIcon, ShieldIcon } from "./icons";

const COPY: Record<number, { title: string; body: string }> = {
  400: { title: "That request could not be handled", body: "Something in it was not valid. Go back and check what was entered." },
  403: {
    title: "You don't have access to this page",
    body: "Your role does not include this part of Handoff. If you need it, ask an admin to change your role.",
  },
  404: { title: "Page not found", body: "The page may have moved, or the link may be mistyped." },
  413: { title: "That was too large to send", body: "The form or file is larger than this page accepts. Send a smaller one." },
  415: { title: "That request could not be read", body: "Send the form from the page itself." },
  503: { title: "Handoff is briefly unavailable", body: "A service it needs is not reachable right now. Nothing was changed; try again in a minute." },
};

export function ErrorPage({ compact = false }: { compact?: boolean }) {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const copy = COPY[status] ?? { title: "Something went wrong on our side", body: "The error has been logged. Try again in a moment." };
  const GENERIC = ["Forbidden", "Not found", "Not Found", ""];
  const detail = isRouteErrorResponse(error) && typeof error.data === "string" && !GENERIC.includes(error.data) ? error.data : null;
  if (status >= 500) console.error(error);
  const Icon = status === 403 ? LockIcon : status === 404 ? SearchIcon : ShieldIcon;

  return (
    <main className={compact ? "px-4 py-12" : "flex min-h-full items-center justify-center bg-slate-50 px-4 py-16"}>
      <div className="mx-auto max-w-lg text-center">
        <div className="mx-auto mb-4 flex h-14 w-14 items-center justify-center rounded-full bg-brand-50 text-brand-700">
          <Icon width={28} height={28} />
        </div>
        <p className="text-sm font-semibold text-brand-700">Error {status}</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">{copy.title}</h1>
        <p className="mt-3 text-slate-600">{copy.body}</p>
        {detail && detail !== copy.body ? <p className="mt-2 text-sm text-slate-500">{detail}</p> : null}
        <div className="mt-6 flex justify-center gap-3">
          <Link to="/" className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Go to my home page
          </Link>
          {status === 403 ? (
            <form method="post" action="/logout">
              <button className="rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
                Sign in as someone else
              </button>
            </form>
          ) : null}
        </div>
      </div>
    </main>
  );
}
