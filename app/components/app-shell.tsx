// The signed-in frame: navigation filtered by the user's permissions, the user's name and role, and sign-out.
import { Form, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { can, ROLE_LABELS, type Permission, type Role } from "~/utils/permissions";
import { CalendarIcon, ChartIcon, JobsIcon, PeopleIcon, ShieldIcon } from "./icons";
import { cx } from "./ui";

/** `except`: a path under `to` that has its own item, so only that item is highlighted there. */
type NavItem = { to: string; label: string; permission: Permission; icon: ReactNode; end?: boolean; except?: string };

const NAV: NavItem[] = [
  { to: "/planning", label: "Planning", permission: "planning:view", icon: <ChartIcon />, except: "/planning/capacity" },
  { to: "/planning/capacity", label: "Capacity plan", permission: "capacity:view", icon: <ChartIcon /> },
  { to: "/recruiting", label: "Recruiting", permission: "recruiting:view", icon: <PeopleIcon /> },
  { to: "/shifts", label: "My shifts", permission: "shifts:own", icon: <CalendarIcon /> },
  { to: "/profile", label: "My profile", permission: "profile:own", icon: <PeopleIcon /> },
  { to: "/jobs", label: "Jobs", permission: "jobs:view", icon: <JobsIcon /> },
  { to: "/admin", label: "Admin", permission: "admin:view", icon: <ShieldIcon /> },
];

type ShellUser = { name: string; email: string; role: Role; timeZone: string };

function NavLinks({ user }: { user: ShellUser }) {
  const { pathname } = useLocation();
  return (
    <ul className="space-y-1">
      {NAV.filter((item) => can(user, item.permission)).map((item) => (
        <li key={item.to}>
          <NavLink
            to={item.to}
            end={item.end}
            className={({ isActive: matched }) => {
              const isActive = matched && !(item.except && pathname.startsWith(item.except));
              return cx(
                "flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium",
                isActive ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
              );
            }}
          >
            {item.icon}
            {item.label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

function UserBlock({ user }: { user: ShellUser }) {
  return (
    <div className="border-t border-slate-200 pt-4">
      <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
      <p className="text-xs text-slate-600">{ROLE_LABELS[user.role]}</p>
      <p className="text-xs text-slate-600">Times in {user.timeZone.replace("_", " ")}</p>
      <Form method="post" action="/logout" className="mt-3">
        <button type="submit" className="w-full rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
          Sign out
        </button>
      </Form>
    </div>
  );
}

function Brand() {
  return (
    <a href="/" className="flex items-center gap-2 text-base font-semibold text-slate-900">
      <img src="/favicon.svg" alt="" className="h-7 w-7" /> Handoff
    </a>
  );
}

export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  return (
    <div className="min-h-full lg:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 flex-col justify-between border-r border-slate-200 bg-white p-4 lg:flex">
        <nav aria-label="Main">
          <div className="mb-6 px-2">
            <Brand />
          </div>
          <NavLinks user={user} />
        </nav>
        <UserBlock user={user} />
      </aside>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white lg:hidden">
        <details className="group">
          <summary className="flex cursor-pointer list-none items-center justify-between px-4 py-3 [&::-webkit-details-marker]:hidden">
            <Brand />
            <span className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700">
              <span className="group-open:hidden">Menu</span>
              <span className="hidden group-open:inline">Close</span>
            </span>
          </summary>
          <nav aria-label="Main" className="space-y-4 px-4 pb-4">
            <NavLinks user={user} />
            <UserBlock user={user} />
          </nav>
        </details>
      </header>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-10 lg:py-8">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
