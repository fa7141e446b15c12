// The public frame of the careers pages: no sign-in, the brand, and a way back to all openings.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function CareersLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-full bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-4xl items-center justify-between gap-4 px-4 py-4">
          <Link to="/careers" className="flex items-center gap-2 text-base font-semibold text-slate-900">
            <img src="/favicon.svg" alt="" className="h-7 w-7" /> Handoff careers
          </Link>
          <span className="text-sm text-slate-600">Remote customer support · Nordics</span>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
