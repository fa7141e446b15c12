// Admin home: who has access, service health and background work at a glance.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, Card, PageHeader, Stat } from "~/components/ui";
import { countRunningJobs } from "~/models/job.server";
import { listUsers, usersByRole } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { ROLE_LABELS, ROLES } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "Admin · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin:view");
  const [counts, users, runningJobs] = await Promise.all([usersByRole(), listUsers(), countRunningJobs()]);
  return { counts, users, runningJobs };
}

export default function AdminHome() {
  const { counts, users, runningJobs } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Administration" description="Accounts and roles, and the state of background work." />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        {ROLES.map((role) => (
          <Stat key={role} label={`${ROLE_LABELS[role]}s`} value={counts[role]} />
        ))}
        <Stat label="Jobs running" value={runningJobs} hint={<Link to="/jobs" className="text-brand-700 underline">Open jobs</Link>} />
      </div>
      <Card title="Accounts">
        <div className="-mx-5 overflow-x-auto">
          <table className="w-full min-w-[600px] text-left text-sm">
            <caption className="sr-only">Accounts and their roles</caption>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium">Name</th>
                <th scope="col" className="px-3 py-2 font-medium">Email</th>
                <th scope="col" className="px-3 py-2 font-medium">Role</th>
                <th scope="col" className="px-5 py-2 font-medium">Time zone</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr key={u.id}>
                  <td className="px-5 py-2.5 font-medium text-slate-900">{u.name}</td>
                  <td className="px-3 py-2.5 text-slate-700">{u.email}</td>
                  <td className="px-3 py-2.5">
                    <Badge tone={u.role === "ADMIN" ? "danger" : u.role === "MANAGER" ? "info" : u.role === "RECRUITER" ? "warning" : "neutral"}>{ROLE_LABELS[u.role]}</Badge>
                  </td>
                  <td className="px-5 py-2.5 text-slate-700">{u.timeZone.replace("_", " ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
