// Layout of the agent's area (phone first): tabs for shifts, availability and requests.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { cx } from "~/components/ui";
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
      <nav aria-label="My work" className="-mx-4 mb-5 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:px-0">
        <ul className="flex gap-1">
          {TABS.map((tab) => (
            <li key={tab.to}>
              <NavLink
                to={tab.to}
                end={tab.end}
                className={({ isActive }) =>
                  cx("inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium", isActive ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900")
                }
              >
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
