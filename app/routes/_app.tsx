// Layout of every signed-in page: requires a session, renders the shell, and catches errors inside it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { AppShell } from "~/components/app-shell";
import { ErrorPage } from "~/components/error-page";
import { requireUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return { user: await requireUser(request) };
}

export default function AppLayout() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <AppShell user={user}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  // The shell stays when a page inside it fails, so the person can navigate away.
  const layout = useRouteLoaderData<typeof loader>("routes/_app");
  if (!layout) return <ErrorPage />;
  return (
    <AppShell user={layout.user}>
      <ErrorPage compact />
    </AppShell>
  );
}
