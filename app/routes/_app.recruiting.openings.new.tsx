// New opening: the form, and on success the opening with the default stages.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { OpeningForm } from "~/components/opening-form";
import { PageHeader } from "~/components/ui";
import { createOpening, OpeningSchema } from "~/models/opening.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readForm, replyInvalid } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "New opening · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "openings:edit");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requirePermission(request, "openings:edit");
  const submission = parseWithZod(await readForm(request), { schema: OpeningSchema });
  if (submission.status !== "success") return replyInvalid(submission);
  const opening = await createOpening(submission.value);
  return redirectWithToast(`/recruiting/openings/${opening.id}`, {
    title: "Opening created",
    description: "It has the default stages; rename or add stages under Edit.",
  });
}

export default function NewOpening() {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader title="New opening" description="A language and channel to staff, the cohorts you hire from, and how many people you need." />
      <OpeningForm
        defaults={{
          status: "DRAFT",
          channels: ["CHAT"],
          cohorts: ["student", "rural", "loyal-customer"],
          countries: ["SE", "FI", "NO", "DK"],
          headcountTarget: 5,
          weeklyHoursMin: 10,
          weeklyHoursMax: 30,
        }}
        lastResult={actionData?.result}
        submitLabel="Create opening"
      />
    </>
  );
}
