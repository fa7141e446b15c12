// Thrown responses that the route ErrorBoundaries turn into pages (404, 403, 400).

/** Throws `message` with `status` unless `condition` holds; narrows the type when it does. */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: { status: number } = { status: 400 },
): asserts condition {
  if (!condition) {
    throw new Response(message, { status: init.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}

export function forbidden(message = "You do not have access to this page."): never {
  throw new Response(message, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
