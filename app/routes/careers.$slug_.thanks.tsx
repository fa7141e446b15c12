// Confirmation after applying (also shown to bots caught by the honeypot, so they learn nothing).
import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { CareersLayout } from "~/components/careers-layout";

export const meta: MetaFunction = () => [{ title: "Application received" }];

export default function Thanks() {
  return (
    <CareersLayout>
      <div className="mx-auto max-w-lg rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-2xl font-semibold text-slate-900">Thank you — we have your application</h1>
        <p className="mt-3 text-slate-600">
          A recruiter reads every application, usually within a week. If you apply again with the same email, we update this application rather than starting a
          new one.
        </p>
        <Link to="/careers" className="mt-6 inline-block font-medium text-brand-700 underline">
          See other open positions
        </Link>
      </div>
    </CareersLayout>
  );
}
