// Any URL no route claims: the 404 page.
import { ErrorPage } from "~/components/error-page";

export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return <ErrorPage />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
