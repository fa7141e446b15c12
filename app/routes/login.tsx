// Sign-in: email and password, field errors for bad input, throttled guessing, then the role's home.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod, getZodConstraint } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui";
import { TextField } from "~/components/forms";
import { createSession, getUser, safeRedirect, verifySignIn } from "~/utils/auth.server";
import { HOME_BY_ROLE } from "~/utils/permissions";
import { readForm, replyInvalid } from "~/utils/form.server";

const SignInSchema = z.object({
  email: z
    .string({ error: "Enter your email address" })
    .trim()
    .max(254, "That email address is too long")
    .pipe(z.email("Enter a valid email address, like name@company.com")),
  password: z.string({ error: "Enter your password" }).max(200, "That password is too long"),
  redirectTo: z.string().max(500).optional(),
});

export const meta: MetaFunction = () => [{ title: "Sign in · Handoff" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(HOME_BY_ROLE[user.role]);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: SignInSchema });
  if (submission.status !== "success") {
    return replyInvalid(submission, { hideFields: ["password"] });
  }
  const { email, password, redirectTo } = submission.value;
  const outcome = await verifySignIn(email, password, context.clientIp ?? "unknown");
  if (!outcome.ok) {
    const message =
      outcome.reason === "throttled"
        ? `Too many failed attempts. Try again in ${outcome.retryAfterMinutes} minute${outcome.retryAfterMinutes === 1 ? "" : "s"}.`
        : outcome.reason === "deactivated"
          ? "This account has been deactivated. Ask an admin if you need access again."
          : "That email and password don't match an account. Check both and try again.";
    return replyInvalid(submission, {
      formErrors: [message],
      hideFields: ["password"],
      status: outcome.reason === "throttled" ? 429 : outcome.reason === "deactivated" ? 403 : 400,
    });
  }
  const cookie = await createSession(outcome.user.id, request.headers.get("User-Agent"));
  return redirect(safeRedirect(redirectTo, HOME_BY_ROLE[outcome.user.role]), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "sign-in",
    lastResult: actionData?.result,
    constraint: getZodConstraint(SignInSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
  });
  const busy = navigation.state !== "idle" && navigation.formAction === "/login";

  return (
    <main className="grid min-h-full lg:grid-cols-2">
      <section className="hidden flex-col justify-between bg-brand-900 p-12 text-white lg:flex">
        <div className="flex items-center gap-3 text-lg font-semibold">
          <img src="/favicon.svg" alt="" className="h-8 w-8" /> Handoff
        </div>
        <div className="max-w-md">
          <h2 className="text-3xl font-semibold leading-tight">The people your AI hands off to, planned and ready.</h2>
          <p className="mt-4 text-brand-100">
            Forecast the contacts your assistant won't resolve, staff them with students, rural and loyal-customer agents, and publish schedules they can live
            with.
          </p>
        </div>
        <p className="text-sm text-brand-100">Recruiting · Forecasting · Scheduling</p>
      </section>
      <section className="flex items-center justify-center px-6 py-12">
        <div className="w-full max-w-sm">
          <div className="mb-8 flex items-center gap-3 lg:hidden">
            <img src="/favicon.svg" alt="" className="h-8 w-8" />
            <span className="text-lg font-semibold">Handoff</span>
          </div>
          <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
          <p className="mt-1 text-sm text-slate-600">Use the email address your team invited.</p>
          <Form method="post" {...getFormProps(form)} className="mt-8 space-y-5">
            <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
            {form.errors?.length ? (
              <div id={form.errorId} role="alert" className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
                {form.errors.join(" ")}
              </div>
            ) : null}
            <TextField
              label="Email"
              meta={fields.email}
              inputProps={{ ...getInputProps(fields.email, { type: "email" }), autoComplete: "email", autoFocus: true }}
            />
            <TextField
              label="Password"
              meta={fields.password}
              inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "current-password" }}
            />
            <Button type="submit" className="w-full" disabled={busy}>
              {busy ? "Signing in…" : "Sign in"}
            </Button>
          </Form>
        </div>
      </section>
    </main>
  );
}
