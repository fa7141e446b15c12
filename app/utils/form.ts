// The browser side of forms: one conform set-up per zod schema, the reply meant for one of a page's forms, and whether a form is being sent.
import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useActionData, useFormAction, useNavigation } from "@remix-run/react";
import type { z } from "zod";

type Reply = { result?: SubmissionResult<string[]> };

/**
 * conform over a zod schema, the same one the route's action parses with: every error shows on submit and then
 * updates while typing; the server's reply (`lastResult`) shows without JavaScript too. Not on blur: an error that
 * appears as a field is left pushes the button from under the pointer, and the click is lost.
 */
export function useZodForm<Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  schema: Schema,
  options: { id: string; lastResult?: SubmissionResult<string[]>; defaultValue?: Partial<Record<keyof z.input<Schema>, unknown>> },
) {
  return useForm<z.input<Schema> & Record<string, unknown>, z.output<Schema>>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue as never,
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

/** The reply for the form that sent `intent` (the discriminator of the page's schema union), else nothing. */
export function resultFor(actionData: unknown, intent: string): SubmissionResult<string[]> | undefined {
  const result = typeof actionData === "object" && actionData !== null && "result" in actionData ? (actionData as Reply).result : undefined;
  return result?.initialValue?.intent === intent ? result : undefined;
}

/** This route's reply for the form that sent `intent`. */
export function useResultFor(intent: string) {
  return resultFor(useActionData<Reply>() as Reply | undefined, intent);
}

/** Every message of a reply, for pages whose forms are single buttons (approve, retry): shown in one alert. */
export function replyMessages(result: SubmissionResult<string[]> | undefined): string[] {
  return Object.values(result?.error ?? {}).flatMap((messages) => messages ?? []);
}

/**
 * True while this route's form (or `formAction`'s) is being sent and the page reloads; with `intent`, only while the
 * form carrying that intent is. Like the Epic Stack's `useIsPending`.
 */
export function useIsPending({ formAction, intent, state = "non-idle" }: { formAction?: string; intent?: string; state?: "submitting" | "non-idle" } = {}) {
  const contextualFormAction = useFormAction();
  const navigation = useNavigation();
  const pendingState = state === "non-idle" ? navigation.state !== "idle" : navigation.state === state;
  return (
    pendingState &&
    navigation.formMethod === "POST" &&
    navigation.formAction === (formAction ?? contextualFormAction) &&
    (intent === undefined || navigation.formData?.get("intent") === intent)
  );
}
