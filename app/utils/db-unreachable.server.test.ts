// The web process's answer when PostgreSQL cannot be reached: a 503 page that says so, not a 500
// (this file's database URL points at a port nothing listens on).
import { describe, expect, it } from "vitest";

process.env.DATABASE_URL = "postgresql://handoff:x@127.0.0.1:1/handoff";

const { answerDatabaseOutagesWith503, isDatabaseUnreachable, prisma } = await import("./db.server");

describe("an unreachable database", () => {
  it("is recognised from the driver's error", async () => {
    const error = await prisma.user.count().catch((e: unknown) => e);
    expect(isDatabaseUnreachable(error)).toBe(true);
    expect(isDatabaseUnreachable(new Error("Unique constraint failed on the fields: (`email`)"))).toBe(false);
    // The pool's own wait running out (every connection busy under overload) is answered the same way.
    expect(isDatabaseUnreachable(new Error("timeout exceeded when trying to connect"))).toBe(true);
  });

  it("becomes a 503 response with a plain message once the web process asks for it", async () => {
    answerDatabaseOutagesWith503();
    const thrown = await prisma.user.findFirst().catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(await response.text()).toMatch(/database is not reachable/);
  });
});
