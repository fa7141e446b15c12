// Layout of the planning area (managers and admins): the tab bar above every planning page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { PlanningNav } from "~/components/planning-nav";
import { requirePermission } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "planning:view");
  return null;
}

export default function PlanningLayout() {
  return (
    <>
      <PlanningNav />
      <Outlet />
    </>
  );
}
