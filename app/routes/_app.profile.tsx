// The agent's own profile, phone first: contract hours, queues, weekly availability and start date.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AvailabilityGrid } from "~/components/availability-grid";
import { PeopleIcon } from "~/components/icons";
import { Badge, Card, EmptyState, PageHeader, Stat } from "~/components/ui";
import { getOwnAgentProfile } from "~/models/agent-profile.server";
import { gridInZone, summarizeAvailability } from "~/models/availability";
import { cohortLabel } from "~/models/recruiting-vocabulary";
import { requirePermission } from "~/utils/auth.server";
import { formatInZone } from "~/utils/time";

export const meta: MetaFunction = () => [{ title: "My profile · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "profile:own");
  const agent = await getOwnAgentProfile(user.id);
  return {
    user: { name: user.name, email: user.email, timeZone: user.timeZone },
    agent: agent
      ? {
          cohort: agent.cohort,
          timeZone: agent.timeZone,
          startDate: formatInZone(agent.startDate, "UTC", "EEEE d MMMM yyyy"),
          hours: `${agent.weeklyMinMinutes / 60}–${agent.weeklyMaxMinutes / 60}`,
          queues: agent.skills.map((s) => s.queue.name),
          summary: summarizeAvailability(agent.availability),
          grid: gridInZone(agent.availability, agent.timeZone, agent.timeZone),
        }
      : null,
  };
}

export default function Profile() {
  const { user, agent } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={user.name} description={`${user.email} · times in ${user.timeZone.replace("_", " ")}`} />
      {agent ? (
        <div className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-3">
            <Stat label="Starts" value={<span className="text-lg">{agent.startDate}</span>} />
            <Stat label="Contract" value={`${agent.hours} h`} hint="per week" />
            <Stat label="Group" value={<span className="text-lg">{cohortLabel(agent.cohort)}</span>} />
          </div>
          <Card title="Queues you take">
            <div className="flex flex-wrap gap-2">
              {agent.queues.map((q) => (
                <Badge key={q} tone="info">
                  {q}
                </Badge>
              ))}
            </div>
          </Card>
          <Card title="When you can work">
            <AvailabilityGrid grid={agent.grid} caption={`${agent.summary} (${agent.timeZone.replace("_", " ")})`} />
          </Card>
        </div>
      ) : (
        <EmptyState icon={<PeopleIcon />} title="No agent record yet">
          Your account exists, but your contract has not been set up. Your recruiter or manager can do that.
        </EmptyState>
      )}
    </>
  );
}
