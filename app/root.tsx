// The document shell: styles, the signed-in user and a pending toast for every page, and the last-resort error page.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import stylesheet from "./tailwind.css";
import { getUser } from "./utils/auth.server";
import { readToast } from "./utils/toast.server";
import { ErrorPage } from "./components/error-page";
import { ToastViewport } from "./components/toast";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Handoff" }, { name: "description", content: "Workforce planning for the human side of AI-first support" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, { toast, clearHeader }] = await Promise.all([getUser(request), readToast(request)]);
  return data({ user, toast }, clearHeader ? { headers: { "Set-Cookie": clearHeader } } : undefined);
}

export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="h-full">
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  const { toast } = useLoaderData<typeof loader>();
  // Marks the document once React has taken over, so end-to-end tests act on a live page, not the server's HTML.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <>
      <Outlet />
      <ToastViewport toast={toast} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
