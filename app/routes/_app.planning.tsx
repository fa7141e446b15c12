// Layout of the planning area (managers and admins): the tab bar above every planning page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { TabNav } from "~/components/tab-nav";

const TABS = [
  { to: "/planning", label: "Overview", end: true },
  { to: "/planning/forecast", label: "Forecast" },
  { to: "/planning/schedule", label: "Schedule" },
  { to: "/planning/agents", label: "Agents" },
  { to: "/planning/queues", label: "Queues & history" },
  { to: "/planning/special-days", label: "Special days" },
  { to: "/planning/requests", label: "Requests" },
  { to: "/planning/rules", label: "Labour rules" },
];
import { requirePermission } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "planning:view");
  return null;
}

export default function PlanningLayout() {
  return (
    <>
      <TabNav label="Planning" tabs={TABS} />
      <Outlet />
    </>
  );
}
