// Smoke test: the built app is up and reaches both of its services.
import { expect, test } from "@playwright/test";

test("GET /healthz reports the database and Redis as ok", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", db: "ok", redis: "ok" });
});
