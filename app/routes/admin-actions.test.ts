// Integration: the admin actions answer bad input with 400 and a message (never 500), refuse non-admins
// with 403, and report a refused change (the last admin) as a 409 with its reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";

const stamp = `${Date.now()}`;
let adminCookie = "";
let managerCookie = "";
let adminId = "";
let parked: string[] = [];

async function post(
  path: string,
  module: { action: (args: any) => Promise<unknown> },
  cookie: string,
  body: Record<string, string>,
  params: Record<string, string> = {},
) {
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body).toString(),
  });
  try {
    const result = await module.action({ request, params, context: {} });
    return result as { init?: { status?: number }; data?: any; status?: number; headers?: Headers };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, data: await thrown.text() };
    throw thrown;
  }
}
const statusOf = (r: { init?: { status?: number } | null; status?: number }) => r.init?.status ?? r.status ?? 200;

beforeAll(async () => {
  parked = (await prisma.user.findMany({ where: { role: "ADMIN", deactivatedAt: null }, select: { id: true } })).map((u) => u.id);
  await prisma.user.updateMany({ where: { id: { in: parked } }, data: { deactivatedAt: new Date() } });
  const admin = await prisma.user.create({ data: { email: `route-admin.${stamp}@handoff.example`, name: "Agneta Route", role: "ADMIN", passwordHash: "x" } });
  const manager = await prisma.user.create({
    data: { email: `route-manager.${stamp}@handoff.example`, name: "Mats Route", role: "MANAGER", passwordHash: "x" },
  });
  adminId = admin.id;
  adminCookie = (await createSession(admin.id, "test")).split(";")[0]!;
  managerCookie = (await createSession(manager.id, "test")).split(";")[0]!;
});

afterAll(async () => {
  const mine = await prisma.user.findMany({ where: { email: { contains: `.${stamp}@` } }, select: { id: true } });
  await prisma.auditEntry.deleteMany({ where: { OR: [{ subjectId: { in: mine.map((m) => m.id) } }, { actorId: { in: mine.map((m) => m.id) } }] } });
  await prisma.outboxMessage.deleteMany({ where: { to: { contains: `.${stamp}@` } } });
  await prisma.user.deleteMany({ where: { id: { in: mine.map((m) => m.id) } } });
  await prisma.user.updateMany({ where: { id: { in: parked } }, data: { deactivatedAt: null } });
});

describe("invite action (/admin)", () => {
  it("answers bad input with 400 and a message per field", async () => {
    const accounts = await import("./_app.admin._index");
    const r = await post("/admin", accounts, adminCookie, { name: "A", email: "not-an-email", role: "AGENT" });
    expect(statusOf(r as any)).toBe(400);
    expect((r as any).data.result.error).toMatchObject({
      name: [expect.any(String)],
      email: [expect.stringMatching(/valid email/)],
      role: [expect.stringMatching(/Choose a role/)],
    });
    const empty = await post("/admin", accounts, adminCookie, {});
    expect(statusOf(empty as any)).toBe(400);
  });

  it("refuses a manager with 403", async () => {
    const accounts = await import("./_app.admin._index");
    const r = await post("/admin", accounts, managerCookie, { name: "Someone New", email: `x.${stamp}@handoff.example`, role: "ADMIN" });
    expect(statusOf(r as any)).toBe(403);
  });

  it("invites with good input (a redirect with a toast)", async () => {
    const accounts = await import("./_app.admin._index");
    const r = (await post("/admin", accounts, adminCookie, {
      name: "Nora Route",
      email: `nora.${stamp}@handoff.example`,
      role: "RECRUITER",
    })) as unknown as Response;
    expect(r.status).toBe(302);
  });
});

describe("account actions (/admin/accounts/:id)", () => {
  it("answers an unknown intent or role with 400, and the last admin's demotion with 409 and the reason", async () => {
    const account = await import("./_app.admin.accounts.$userId");
    const path = `/admin/accounts/${adminId}`;
    expect(statusOf((await post(path, account, adminCookie, { intent: "explode" }, { userId: adminId })) as any)).toBe(400);
    const badRole = await post(path, account, adminCookie, { intent: "role", role: "OWNER" }, { userId: adminId });
    expect(statusOf(badRole as any)).toBe(400);
    expect((badRole as any).data.result.error.role).toBeDefined();
    const last = await post(path, account, adminCookie, { intent: "role", role: "MANAGER" }, { userId: adminId });
    expect(statusOf(last as any)).toBe(409);
    expect(
      Object.values((last as any).data.result.error)
        .flat()
        .join(" "),
    ).toMatch(/last active admin/);
    const self = await post(path, account, adminCookie, { intent: "deactivate" }, { userId: adminId });
    expect(statusOf(self as any)).toBe(409);
    const missing = await post("/admin/accounts/nobody", account, adminCookie, { intent: "reactivate" }, { userId: "nobody" });
    expect(statusOf(missing as any)).toBe(404);
  });
});

describe("outbox retry action", () => {
  it("answers a missing message id with 400 and a message that is not failed with 409", async () => {
    const outbox = await import("./_app.admin.outbox");
    expect(statusOf((await post("/admin/outbox", outbox, adminCookie, { intent: "retry" })) as any)).toBe(400);
    expect(statusOf((await post("/admin/outbox", outbox, adminCookie, { intent: "retry", messageId: "no-such-message" })) as any)).toBe(409);
  });
});
