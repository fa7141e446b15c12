// The agent's home, phone first: the next shifts in the agent's own time zone; designed empty before the first publish.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CalendarIcon } from "~/components/icons";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { requirePermission } from "~/utils/auth.server";
import { formatInZone, zoneAbbreviation } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "My shifts · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "shifts:own");
  const now = new Date();
  return {
    firstName: user.name.split(" ")[0],
    timeZone: user.timeZone,
    zone: zoneAbbreviation(user.timeZone, now),
    localNow: formatInZone(now, user.timeZone, "EEEE d MMMM, HH:mm"),
  };
}

export default function MyShifts() {
  const { firstName, timeZone, zone, localNow } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={`Hi ${firstName}`} description={`Your shifts, in your time zone: ${timeZone.replace("_", " ")} (${zone}). It is ${localNow}.`} />
      <div className="space-y-4">
        <EmptyState icon={<CalendarIcon />} title="No shifts published yet">
          When your manager publishes the schedule, your next shift shows here first — start, end, queue and break — with the
          rest of your week below.
        </EmptyState>
        <Card title="This week">
          <ol className="grid grid-cols-7 gap-1 text-center text-xs text-slate-600" aria-label="Days of this week, no shifts yet">
            {["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((d) => (
              <li key={d} className="rounded-lg border border-dashed border-slate-200 py-3">
                <span className="block font-medium text-slate-800">{d}</span>
                <span aria-hidden="true">—</span>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </>
  );
}
