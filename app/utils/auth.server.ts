// Sign-in, database-backed sessions behind an httpOnly cookie, throttling, and the permission gate for loaders and actions.
import { createCookie, redirect } from "@remix-run/node";
import type { Prisma } from "@prisma/client";
import bcrypt from "bcryptjs";
import { prisma } from "./db.server";
import { env } from "./env.server";
import { can, type Permission, type Role } from "./permissions";
import { forbidden } from "./responses.server";
import { recordUser, untracked } from "./render-context.server";

const SESSION_DAYS = 14;
const THROTTLE_WINDOW_MS = 15 * 60_000;
/** Failures of one account from one address: the owner's own device is never locked by guesses from elsewhere. */
const MAX_FAILURES_PER_ACCOUNT_AND_IP = 5;
/** Failures from one address across accounts (one guesser trying many emails). */
const MAX_FAILURES_PER_IP = 30;
/** Failures of one account from all addresses: only a distributed attack reaches it. */
const MAX_FAILURES_PER_ACCOUNT = 100;

const sessionCookie = createCookie("handoff_session", {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: env().APP_URL?.startsWith("https://") ?? false,
  secrets: [env().SESSION_SECRET],
  maxAge: SESSION_DAYS * 24 * 3600,
});

export type SessionUser = { id: string; email: string; name: string; role: Role; timeZone: string };

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}

async function readSessionId(request: Request): Promise<string | null> {
  return sessionIdOfCookie(request.headers.get("Cookie"));
}

/** The session id a Cookie header carries, when its signature holds (also read by the response cache). */
export async function sessionIdOfCookie(header: string | null): Promise<string | null> {
  const value = await sessionCookie.parse(header);
  return typeof value === "string" ? value : null;
}

/** A page's loaders (root, layouts, the page) run for one request: the session is read once per request. */
const usersOfRequests = new WeakMap<Request, Promise<SessionUser | null>>();

export function getUser(request: Request): Promise<SessionUser | null> {
  let user = usersOfRequests.get(request);
  if (!user) {
    // The session is checked again on every request, also when the response cache answers (decision
    // 090): it is not a dependency of the page; the user it names is part of the cache's key.
    user = untracked(() => readUser(request)).then((u) => {
      recordUser(u);
      return u;
    });
    usersOfRequests.set(request, user);
  }
  return user;
}

async function readUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, timeZone: true, deactivatedAt: true } } },
  });
  // Deactivation deletes the account's sessions; the check here also covers a request already in flight.
  if (!session || session.expiresAt < new Date() || session.user.deactivatedAt) return null;
  const { deactivatedAt: _, ...user } = session.user;
  return user;
}

/** The signed-in user, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(back === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: back })}`);
}

/** The one permission check: every loader and action calls it; a denied user gets the 403 page. */
export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  requireCan(user, permission);
  return user;
}

/** For actions whose intents need different permissions: a 403 unless the signed-in user has this one. */
export function requireCan(user: SessionUser, permission: Permission): void {
  if (!can(user, permission)) forbidden();
}

let dummyHash: string | undefined;

export type SignInResult = { ok: true; user: SessionUser } | { ok: false; reason: "invalid" | "throttled" | "deactivated"; retryAfterMinutes?: number };

/**
 * Claims one attempt atomically: under a lock per address, counts the recent failures and, when no
 * limit is reached, records this attempt as a failure up front (a success removes it). Ten attempts
 * at once therefore see each other: exactly the allowed number get their password checked.
 * Returns the claimed attempt, or the minutes until the failure that filled the binding limit expires.
 */
async function claimAttempt(email: string, ip: string, now: Date): Promise<{ id: string } | { retryAfterMinutes: number }> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`signin:${ip}`}))`;
    const recent = (where: Prisma.LoginAttemptWhereInput) =>
      tx.loginAttempt.findMany({
        where: { ...where, createdAt: { gt: since } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
        take: MAX_FAILURES_PER_ACCOUNT,
      });
    const [pair, address, account] = await Promise.all([recent({ email, ip }), recent({ ip }), recent({ email })]);
    const limits: [typeof pair, number][] = [
      [pair, MAX_FAILURES_PER_ACCOUNT_AND_IP],
      [address, MAX_FAILURES_PER_IP],
      [account, MAX_FAILURES_PER_ACCOUNT],
    ];
    // When a limit binds, the next attempt is allowed once the failure that filled it leaves the window.
    const waits = limits
      .filter(([rows, max]) => rows.length >= max)
      .map(([rows, max]) => rows[max - 1].createdAt.getTime() + THROTTLE_WINDOW_MS - now.getTime());
    if (waits.length) return { retryAfterMinutes: Math.max(1, Math.ceil(Math.max(...waits) / 60_000)) };
    return tx.loginAttempt.create({ data: { email, ip, createdAt: now }, select: { id: true } });
  });
}

/** Checks credentials, counting failures per account and address (see the limits above) so guessing is slowed to a crawl. */
export async function verifySignIn(email: string, password: string, ip: string, now = new Date()): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  const claim = await claimAttempt(normalized, ip, now);
  if ("retryAfterMinutes" in claim) return { ok: false, reason: "throttled", retryAfterMinutes: claim.retryAfterMinutes };
  const user = await prisma.user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, name: true, role: true, timeZone: true, passwordHash: true, deactivatedAt: true },
  });
  // Compare against a dummy hash when the account is unknown so timing does not reveal which emails exist.
  const hash = user?.passwordHash ?? (dummyHash ??= bcrypt.hashSync("no account has this password", 10));
  const matches = await bcrypt.compare(password, hash);
  if (!user || !matches) return { ok: false, reason: "invalid" };
  // A success clears this account's failures from this address (the claimed attempt among them).
  await prisma.loginAttempt.deleteMany({ where: { email: normalized, ip } });
  // Said only to someone who knows the password, so it reveals nothing to a guesser.
  if (user.deactivatedAt) return { ok: false, reason: "deactivated" };
  await prisma.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  const { passwordHash: _, deactivatedAt: __, ...sessionUser } = user;
  return { ok: true, user: sessionUser };
}

/** Starts a session and returns the Set-Cookie header value. */
export async function createSession(userId: string, userAgent: string | null): Promise<string> {
  const session = await prisma.session.create({
    data: { userId, userAgent: userAgent?.slice(0, 300), expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600_000) },
    select: { id: true },
  });
  return sessionCookie.serialize(session.id);
}

export async function destroySession(request: Request): Promise<string> {
  const sessionId = await readSessionId(request);
  if (sessionId) await prisma.session.deleteMany({ where: { id: sessionId } });
  return sessionCookie.serialize("", { maxAge: 0 });
}

/** Only same-site paths: an open redirect would let a phishing link bounce through our sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
