// Thrown responses that the route ErrorBoundaries turn into pages (404, 403, 400).

/** Throws `message` with `status` unless `condition` holds; narrows the type when it does. */
export function invariantResponse(condition: unknown, message: string, init: { status: number } = { status: 400 }): asserts condition {
  if (!condition) {
    throw new Response(message, { status: init.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}

/** A 403; pass a message only when it adds something to the generic page ("Only the shift's owner can swap it"). */
export function forbidden(message = "Forbidden"): never {
  throw new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
