// Layout of the agent's area (phone first): tabs for shifts, availability and requests.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { TabNav } from "~/components/tab-nav";
import { requirePermission } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "shifts:own");
  return null;
}

const TABS = [
  { to: "/shifts", label: "My shifts", end: true },
  { to: "/shifts/availability", label: "Availability" },
  { to: "/shifts/requests", label: "Time off & swaps" },
];

export default function ShiftsLayout() {
  return (
    <>
      <TabNav label="My work" tabs={TABS} />
      <Outlet />
    </>
  );
}
