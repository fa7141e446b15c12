// For integration tests of route actions: runs an action on a request and gives back its status and body,
// whether it returned a reply (`data(...)`, a redirect) or threw a Response (403, 413…).
import type { ActionFunctionArgs } from "@remix-run/node";

export type ActionReply = { status: number; data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read replies by path

export async function runAction(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  request: Request,
  params: ActionFunctionArgs["params"] = {},
): Promise<ActionReply> {
  try {
    const result = (await action({ request, params, context: {} })) as { init?: { status?: number } | null; data?: unknown; status?: number };
    return { status: result.init?.status ?? result.status ?? 200, data: result.data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, data: await thrown.text() };
    throw thrown;
  }
}
