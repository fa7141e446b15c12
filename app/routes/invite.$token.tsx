// A one-time sign-in link (a new agent or staff member, or a password reset): choose a password, get signed in, land on the role's home.
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrors, TextField } from "~/components/forms";
import { Button } from "~/components/ui";
import { acceptInvitation, findUsableInvitation } from "~/models/invitation.server";
import { ALWAYS } from "~/models/whole-form";
import { createSession } from "~/utils/auth.server";
import { toastHeaders } from "~/utils/toast.server";
import { useIsPending, useZodForm } from "~/utils/form";
import { readForm, replyInvalid } from "~/utils/form.server";
import { HOME_BY_ROLE } from "~/utils/permissions";

export const meta: MetaFunction = () => [{ title: "Set your password · Handoff" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findUsableInvitation(params.token ?? "");
  return {
    invitee: invitation
      ? { firstName: invitation.user.name.split(" ")[0], email: invitation.user.email, reset: invitation.purpose === "PASSWORD_RESET" }
      : null,
  };
}

const PasswordSchema = z
  .object({
    password: z.string({ error: "Choose a password" }).min(10, "Use at least 10 characters").max(200, "That password is too long"),
    confirm: z.string({ error: "Type the password again" }),
  })
  .refine((p) => typeof p.confirm !== "string" || p.password === p.confirm, { message: "The two passwords differ", path: ["confirm"], ...ALWAYS });

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: PasswordSchema });
  const hideFields = ["password", "confirm"];
  if (submission.status !== "success") return replyInvalid(submission, { hideFields });
  const user = await acceptInvitation(params.token ?? "", submission.value.password);
  if (!user)
    return replyInvalid(submission, {
      formErrors: ["This link has been used or has expired. Ask your recruiter or an admin for a new one."],
      hideFields,
      status: 410,
    });
  const headers = new Headers({ "Set-Cookie": await createSession(user.id, request.headers.get("User-Agent")) });
  const home = user.role === "AGENT" ? "/profile" : HOME_BY_ROLE[user.role];
  for (const [k, v] of await toastHeaders({
    title: `Welcome, ${user.name.split(" ")[0]}`,
    description: user.role === "AGENT" ? "Your password is set. This is your profile." : "Your password is set.",
  }))
    headers.append(k, v);
  return redirect(home, { headers });
}

export default function Invite() {
  const { invitee } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm(PasswordSchema, { id: "set-password", lastResult: actionData?.result });
  const pending = useIsPending();
  return (
    <main className="flex min-h-full items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="mb-6 flex items-center gap-2 font-semibold">
          <img src="/favicon.svg" alt="" className="h-7 w-7" /> Handoff
        </div>
        {invitee ? (
          <>
            <h1 className="text-xl font-semibold text-slate-900">
              {invitee.reset ? `Choose a new password, ${invitee.firstName}` : `Welcome, ${invitee.firstName}`}
            </h1>
            <p className="mt-1 text-sm text-slate-600">Choose a password for {invitee.email}. This link works once.</p>
            <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
              <FormErrors errors={form.errors} id={form.errorId} />
              <input type="text" name="username" autoComplete="username" value={invitee.email} readOnly hidden />
              <TextField
                label="New password"
                meta={fields.password}
                inputProps={{ ...getInputProps(fields.password, { type: "password" }), autoComplete: "new-password" }}
                hint="At least 10 characters."
              />
              <TextField
                label="Type it again"
                meta={fields.confirm}
                inputProps={{ ...getInputProps(fields.confirm, { type: "password" }), autoComplete: "new-password" }}
              />
              <Button type="submit" className="w-full" disabled={pending}>
                Set password and sign in
              </Button>
            </Form>
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold text-slate-900">This link no longer works</h1>
            <p className="mt-2 text-sm text-slate-600">
              Invitation links work once and for seven days. Ask your recruiter or an admin to send a new one, or sign in if you have already set a password.
            </p>
            <a href="/login" className="mt-4 inline-block font-medium text-brand-700 underline">
              Go to sign-in
            </a>
          </>
        )}
      </div>
    </main>
  );
}
