// Recruiting home: the pipeline summary per opening; designed empty until the first opening exists.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PeopleIcon } from "~/components/icons";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { requirePermission } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Recruiting · Handoff" }];

const COHORTS = [
  { name: "Students", detail: "Evenings and weekends, term-time caps near 20 h a week." },
  { name: "Rural residents", detail: "Weekday daytime, full- and part-time, from home." },
  { name: "Loyal customers", detail: "Flexible hours, and they already know the product." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "recruiting:view");
  return { firstName: user.name.split(" ")[0] };
}

export default function RecruitingHome() {
  const { firstName } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={`Pipeline, ${firstName}`} description="Openings per language and channel, and where every applicant stands." />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <EmptyState icon={<PeopleIcon />} title="No openings yet">
            Openings define a language, the channels and the cohorts you hire from. Their pipelines — applied, screening,
            interview, offer, hired — will be summarised here.
          </EmptyState>
        </div>
        <Card title="Who we hire">
          <ul className="space-y-3">
            {COHORTS.map((c) => (
              <li key={c.name}>
                <p className="text-sm font-medium text-slate-900">{c.name}</p>
                <p className="text-sm text-slate-600">{c.detail}</p>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
