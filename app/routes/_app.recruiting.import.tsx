// CSV import of applicants: upload, a preview with every bad line and why, and nothing written unless the recruiter chooses to import.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Table } from "~/components/table";
import { Button, ButtonLink, Card, PageHeader } from "~/components/ui";
import { checkImport, IMPORT_COLUMNS, importRows, MAX_IMPORT_BYTES } from "~/models/applicant-csv.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithToast } from "~/utils/toast.server";
import { readForm } from "~/utils/form.server";

export const meta: MetaFunction = () => [{ title: "Import applicants · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "applicants:edit");
  return { columns: IMPORT_COLUMNS.join(",") };
}

async function readCsv(formData: FormData): Promise<string | null> {
  const file = formData.get("file");
  if (file instanceof File && file.size > 0) return file.size > MAX_IMPORT_BYTES ? null : await file.text();
  const text = formData.get("csv");
  return typeof text === "string" && text.length <= MAX_IMPORT_BYTES ? text : null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "applicants:edit");
  const formData = await readForm(request, { maxBytes: MAX_IMPORT_BYTES + 64 * 1024, files: true });
  const intent = formData.get("intent");
  const csv = await readCsv(formData);
  if (!csv?.trim()) return data({ fileError: "Choose a CSV file of at most 2 MB.", csv: "", rows: [], errors: [], total: 0 }, { status: 400 });
  const check = await checkImport(csv);
  const preview = {
    fileError: check.fileError,
    csv,
    total: check.rows.length + check.errors.length,
    errors: check.errors,
    rows: check.rows.slice(0, 20).map((r) => ({ line: r.line, name: r.input.name, email: r.input.email, cohort: r.input.cohort, opening: r.openingTitle })),
    valid: check.rows.length,
  };
  if (intent === "preview" || check.fileError) return data(preview, { status: check.fileError || check.errors.length ? 400 : 200 });
  const mode = formData.get("mode");
  // The whole file goes in only when every line is good; otherwise only by the explicit "valid rows only" choice.
  if (check.errors.length && mode !== "valid-only") return data(preview, { status: 400 });
  const result = await importRows(check.rows, user.id);
  return redirectWithToast("/recruiting/applicants?source=import", {
    title: `Imported ${check.rows.length} applicants`,
    description: `${result.created} new applications, ${result.updated} updated.${check.errors.length ? ` ${check.errors.length} invalid lines were skipped.` : ""}`,
  });
}

export default function ImportApplicants() {
  const { columns } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errors = result && "errors" in result ? result.errors : [];
  return (
    <>
      <PageHeader
        title="Import applicants"
        description="From a job fair list or another system. Nothing is saved until you confirm the preview."
        actions={<ButtonLink to="/recruiting">Back</ButtonLink>}
      />
      <Card title="1. Choose a file" className="mb-6">
        <Form method="post" encType="multipart/form-data" className="space-y-3">
          <input type="hidden" name="intent" value="preview" />
          <label className="block text-sm font-medium text-slate-800">
            CSV file (UTF-8, comma-separated, header on line 1)
            <input
              type="file"
              name="file"
              accept=".csv,text/csv"
              required
              className="mt-1 block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-brand-800"
            />
          </label>
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

      {result ? (
        <Card title="2. Preview">
          {result.fileError ? (
            <p role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
              {result.fileError}
            </p>
          ) : (
            <div className="space-y-4">
              <p className="text-sm text-slate-700" role="status">
                {result.total} rows: <strong>{"valid" in result ? result.valid : 0} valid</strong>, <strong>{errors.length} with problems</strong>. Nothing has
                been imported yet.
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
              {"valid" in result && result.valid > 0 ? (
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
          )}
        </Card>
      ) : null}
    </>
  );
}
