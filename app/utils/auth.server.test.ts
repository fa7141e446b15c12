// Integration: sign-in, sessions and throttling against the real test database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "./db.server";
import { createSession, destroySession, getUser, hashPassword, requirePermission, safeRedirect, verifySignIn } from "./auth.server";

const email = `elin.test-${Date.now()}@handoff.example`;
const password = "correct horse battery staple";

beforeAll(async () => {
  await prisma.user.create({ data: { email, name: "Elin Holm", role: "AGENT", timeZone: "Europe/Stockholm", passwordHash: await hashPassword(password) } });
});

afterAll(async () => {
  await prisma.loginAttempt.deleteMany({ where: { email } });
  await prisma.user.deleteMany({ where: { email } });
});

function requestWith(cookie: string, url = "http://localhost/planning") {
  return new Request(url, { headers: { Cookie: cookie.split(";")[0] } });
}

describe("verifySignIn", () => {
  it("accepts the right password, case-insensitively on the email", async () => {
    const result = await verifySignIn(email.toUpperCase(), password, "10.0.0.1");
    expect(result.ok).toBe(true);
  });

  it("rejects a wrong password and records the failure", async () => {
    const result = await verifySignIn(email, "wrong", "10.0.0.2");
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(await prisma.loginAttempt.count({ where: { email } })).toBe(1);
  });

  it("throttles an account after five failures from one address, even with the right password, and says for how long", async () => {
    for (let i = 0; i < 5; i++) await verifySignIn(email, `guess-${i}`, "10.0.1.1");
    const result = await verifySignIn(email, password, "10.0.1.1");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe("throttled");
      expect(result.retryAfterMinutes).toBeGreaterThanOrEqual(1);
      expect(result.retryAfterMinutes).toBeLessThanOrEqual(15);
    }
    // Guesses from elsewhere never lock the owner out of their own device.
    expect((await verifySignIn(email, password, "10.0.2.1")).ok).toBe(true);
    // Once the window has passed the address may try again.
    const later = new Date(Date.now() + 16 * 60_000);
    expect((await verifySignIn(email, password, "10.0.1.1", later)).ok).toBe(true);
  });

  it("counts concurrent wrong passwords atomically: ten at once, five checked and stored", async () => {
    const ip = "10.0.3.1";
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => verifySignIn(email, `burst-${i}`, ip)));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(5);
    expect(await prisma.loginAttempt.count({ where: { email, ip } })).toBe(5);
    await prisma.loginAttempt.deleteMany({ where: { ip } });
  });

  it("throttles an address that guesses across many accounts", async () => {
    const ip = `192.0.2.${Math.floor(Math.random() * 200)}`;
    const others = Array.from({ length: 30 }, (_, i) => `nobody-${i}-${Date.now()}@handoff.example`);
    for (const other of others) await verifySignIn(other, "x", ip);
    const result = await verifySignIn(email, password, ip);
    expect(result.ok).toBe(false);
    // The address limit was filled just now: the wait it names is the whole window, not a minute.
    if (!result.ok) expect(result.retryAfterMinutes).toBe(15);
    await prisma.loginAttempt.deleteMany({ where: { ip } });
  });
});

describe("sessions", () => {
  it("round-trips a session through the cookie and ends it on sign-out", async () => {
    await prisma.loginAttempt.deleteMany({ where: { email } });
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const cookie = await createSession(user.id, "vitest");
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await getUser(requestWith(cookie)))?.email).toBe(email);

    const cleared = await destroySession(requestWith(cookie));
    expect(cleared).toMatch(/Max-Age=0/);
    expect(await getUser(requestWith(cookie))).toBeNull();
  });

  it("answers 403 when the role lacks the permission and redirects to sign-in without a session", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const cookie = await createSession(user.id, "vitest");
    const denied = await requirePermission(requestWith(cookie), "planning:view").catch((e) => e);
    expect(denied).toBeInstanceOf(Response);
    expect((denied as Response).status).toBe(403);

    const anonymous = await requirePermission(new Request("http://localhost/planning?week=3"), "planning:view").catch((e) => e);
    expect((anonymous as Response).status).toBe(302);
    expect((anonymous as Response).headers.get("Location")).toBe("/login?redirectTo=%2Fplanning%3Fweek%3D3");
  });
});

describe("safeRedirect", () => {
  it("keeps same-site paths and refuses everything else", () => {
    expect(safeRedirect("/jobs?x=1", "/")).toBe("/jobs?x=1");
    expect(safeRedirect("//evil.example", "/")).toBe("/");
    expect(safeRedirect("https://evil.example", "/")).toBe("/");
    expect(safeRedirect("/\\evil.example", "/")).toBe("/");
    expect(safeRedirect(null, "/home")).toBe("/home");
  });
});
