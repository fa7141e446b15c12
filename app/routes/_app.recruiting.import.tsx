// CSV import of applicants: upload, a preview with every bad line and why, and nothing written unless the recruiter chooses to import.
import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CsvFileField, FormErrors } from "~/components/forms";
import { Table } from "~/components/table";
import { Button, ButtonLink, Card, PageHeader } from "~/components/ui";
import { checkImport, IMPORT_COLUMNS, importRows, MAX_IMPORT_BYTES } from "~/models/applicant-csv.server";
import { requirePermission } from "~/utils/auth.server";
import { replyMessages, useIsPending, useResultFor, useZodForm } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Import applicants · Handoff" }];

/** The model's MAX_IMPORT_BYTES (2,000,000), here too because the browser checks the file with the same schema. */
const maxBytes = 2_000_000;
const FILE_MESSAGE = "Choose a CSV file of at most 2 MB.";

/** Step 1: the file to check. */
const PreviewSchema = z.object({
  intent: z.literal("preview"),
  file: z.instanceof(File, { message: FILE_MESSAGE }).refine((f) => f.size > 0 && f.size <= maxBytes, FILE_MESSAGE),
});
/** Step 2: the checked text sent back, and whether only its valid rows go in. */
const ImportSchema = z.discriminatedUnion(
  "intent",
  [
    PreviewSchema,
    z.object({
      intent: z.literal("import"),
      csv: z.string({ error: FILE_MESSAGE }).max(maxBytes, FILE_MESSAGE),
      mode: z.enum(["all", "valid-only"], "Choose whether to import all rows or only the valid ones"),
    }),
  ],
  { error: "That request was not understood." },
);

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "applicants:edit");
  return { columns: IMPORT_COLUMNS.join(",") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "applicants:edit");
  const formData = await readForm(request, { maxBytes: MAX_IMPORT_BYTES + 64 * 1024, files: true });
  const submission = parseWithZod(formData, { schema: ImportSchema });
  // The checked text is sent back with the import; a reply never echoes it (it may be 2 MB).
  if (submission.status !== "success") return replyInvalid(submission, { hideFields: ["csv"] });
  const form = submission.value;
  const csv = form.intent === "preview" ? await form.file.text() : form.csv;
  const check = await checkImport(csv);
  if (check.fileError) {
    const refusal = form.intent === "preview" ? { fieldErrors: { file: [check.fileError] } } : { formErrors: [check.fileError] };
    return replyInvalid(submission, { ...refusal, hideFields: ["csv"] });
  }
  const preview = {
    csv,
    total: check.rows.length + check.errors.length,
    errors: check.errors,
    rows: check.rows.slice(0, 20).map((r) => ({ line: r.line, name: r.input.name, email: r.input.email, cohort: r.input.cohort, opening: r.openingTitle })),
    valid: check.rows.length,
  };
  // The whole file goes in only when every line is good; otherwise only by the explicit "valid rows only" choice.
  if (form.intent === "preview" || (check.errors.length && form.mode !== "valid-only")) return data({ preview }, { status: check.errors.length ? 400 : 200 });
  const result = await importRows(check.rows, user.id);
  return redirectWithToast("/recruiting/applicants?source=import", {
    title: `Imported ${check.rows.length} applicants`,
    description: `${result.created} new applications, ${result.updated} updated.${check.errors.length ? ` ${check.errors.length} invalid lines were skipped.` : ""}`,
  });
}

export default function ImportApplicants() {
  const { columns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const result = actionData && "preview" in actionData ? actionData.preview : null;
  const [form, fields] = useZodForm(PreviewSchema, { id: "import-file", lastResult: useResultFor("preview") });
  const importReply = useResultFor("import");
  const busy = useIsPending();
  const errors = result?.errors ?? [];
  return (
    <>
      <PageHeader
        title="Import applicants"
        description="From a job fair list or another system. Nothing is saved until you confirm the preview."
        actions={<ButtonLink to="/recruiting">Back</ButtonLink>}
      />
      <Card title="1. Choose a file" className="mb-6">
        <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-3">
          <input type="hidden" name="intent" value="preview" />
          <CsvFileField label="CSV file (UTF-8, comma-separated, header on line 1)" meta={fields.file} />
          <details className="text-sm text-slate-600">
            <summary className="cursor-pointer">Columns</summary>
            <p className="mt-2 break-all font-mono text-xs">{columns}</p>
            <p className="mt-2">
              <code>opening</code> is the opening's id from its careers address (e.g. finnish-chat-evenings); <code>languages</code> like{" "}
              <code>fi:NATIVE;en:C1</code>; <code>availability</code> like <code>Mon 17:00-21:00;Sat 10:00-16:00</code> in the applicant's time zone.
            </p>
          </details>
          <Button type="submit" disabled={busy}>
            Check file
          </Button>
        </Form>
      </Card>

      {importReply ? (
        <div className="mb-6">
          <FormErrors errors={replyMessages(importReply)} />
        </div>
      ) : null}
      {result ? (
        <Card title="2. Preview">
          <div className="space-y-4">
            <p className="text-sm text-slate-700" role="status">
              {result.total} rows: <strong>{result.valid} valid</strong>, <strong>{errors.length} with problems</strong>. Nothing has been imported yet.
            </p>
            {errors.length ? (
              <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-3">
                <p className="text-sm font-medium text-rose-900">The file was refused: fix these lines, or import only the valid rows.</p>
                <ul className="mt-2 max-h-80 space-y-1 overflow-y-auto text-sm text-rose-900" data-testid="import-errors">
                  {errors.map((e) => (
                    <li key={e.line}>
                      <strong>Line {e.line}</strong>: {e.message}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {result.rows.length ? (
              <Table
                caption="First valid rows"
                minWidth="560px"
                columns={[{ label: "Line" }, { label: "Name" }, { label: "Email" }, { label: "Cohort" }, { label: "Opening" }]}
              >
                {result.rows.map((r) => (
                  <tr key={r.line}>
                    <td className="px-5 py-2 tabular-nums">{r.line}</td>
                    <td className="px-3 py-2">{r.name}</td>
                    <td className="px-3 py-2">{r.email}</td>
                    <td className="px-3 py-2">{r.cohort}</td>
                    <td className="px-5 py-2">{r.opening}</td>
                  </tr>
                ))}
              </Table>
            ) : null}
            {result.valid > 0 ? (
              <Form method="post" className="flex flex-wrap items-center gap-3">
                <input type="hidden" name="intent" value="import" />
                <input type="hidden" name="mode" value={errors.length ? "valid-only" : "all"} />
                <textarea name="csv" defaultValue={result.csv} hidden readOnly />
                <Button type="submit" variant={errors.length ? "secondary" : "primary"} disabled={busy}>
                  {errors.length ? `Import only the ${result.valid} valid rows` : `Import ${result.valid} applicants`}
                </Button>
              </Form>
            ) : null}
          </div>
        </Card>
      ) : null}
    </>
  );
}
