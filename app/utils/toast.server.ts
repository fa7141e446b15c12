// One-shot messages shown after an action ("Job queued"), carried across the redirect in a short-lived cookie.
import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";
import { env } from "./env.server";

const ToastSchema = z.object({
  kind: z.enum(["success", "error", "info"]).default("success"),
  title: z.string().max(200),
  description: z.string().max(500).optional(),
});
export type Toast = z.infer<typeof ToastSchema>;

const toastCookie = createCookie("handoff_toast", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: 60,
  secrets: [env().SESSION_SECRET],
});

export async function redirectWithToast(url: string, toast: z.input<typeof ToastSchema>, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  for (const [name, value] of await toastHeaders(toast)) headers.append(name, value);
  return redirect(url, { ...init, headers });
}

/** The header that carries a toast, for responses that set other cookies too (sign-in after an invitation). */
export async function toastHeaders(toast: z.input<typeof ToastSchema>): Promise<Array<[string, string]>> {
  return [["Set-Cookie", await toastCookie.serialize(ToastSchema.parse(toast))]];
}

/** The pending toast, if any, and the header that clears it so it shows once. */
export async function readToast(request: Request): Promise<{ toast: Toast | null; clearHeader: string | null }> {
  const raw = await toastCookie.parse(request.headers.get("Cookie"));
  if (!raw) return { toast: null, clearHeader: null };
  const parsed = ToastSchema.safeParse(raw);
  return { toast: parsed.success ? parsed.data : null, clearHeader: await toastCookie.serialize("", { maxAge: 0 }) };
}
