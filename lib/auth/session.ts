import "server-only";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";

import { clientAddress } from "@/lib/auth/client-address";
import {
  SESSION_MAX_AGE_SECONDS,
  sessionCookieName,
  sessionCookieOptions,
} from "@/lib/auth/cookies";
import {
  decodeSessionToken,
  encodeSessionToken,
  type SessionClaims,
} from "@/lib/auth/session-token";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { createSession, type SessionMethod } from "@/lib/server/sessions/create-session";
import { endSessionBySecret } from "@/lib/server/sessions/end-sessions";
import { hashSessionSecret } from "@/lib/server/sessions/session-secret";
import { LAST_SEEN_GRANULARITY_MS, touchSession } from "@/lib/server/sessions/touch-session";
import {
  findMemberContext,
  type MemberWorkspace,
} from "@/lib/server/workspaces/find-member-context";

// The session cookie (cookies.ts) holds an encrypted next-auth JWT naming the user and the secret
// of a server-side session record (session-token.ts). Every request checks, in the one query that
// also loads the user and their memberships, that the record still exists and has not expired,
// that the user is still active, and which workspaces they belong to: signing out, "sign out
// everywhere", a password change, deactivation and removal all take effect on the next request,
// in every process.

export type SessionUser = { id: string; email: string; name: string };
export type Session = { user: SessionUser; sessionId: string };

export type WorkspaceAuth = {
  user: SessionUser;
  workspace: { id: string; slug: string; name: string };
  role: Role;
  membershipId: string;
};

// Integration tests run outside Next's request scope (no cookies()); they name the signed-in user
// here instead. A user id opens a real session record on first use, so everything after the
// cookie (the record check, the active check, memberships) stays the real code path; a
// { userId, sessionSecret } pair replays a given session (for tests of ending sessions).
let testSessionSource: (() => Promise<SessionClaims | null>) | undefined;

export function setSessionForTests(who: string | SessionClaims | null | undefined) {
  if (env().NODE_ENV !== "test") throw new Error("setSessionForTests is only available in tests");
  if (who === undefined) {
    testSessionSource = undefined;
  } else if (who === null || who === "") {
    testSessionSource = async () => null;
  } else if (typeof who === "object") {
    testSessionSource = async () => who;
  } else {
    let opened: Promise<SessionClaims | null> | undefined;
    testSessionSource = () =>
      (opened ??= createSession({
        userId: who,
        method: "password",
        maxAgeSeconds: SESSION_MAX_AGE_SECONDS,
      }).then(
        (session) => ({ userId: who, sessionSecret: session.secret }),
        // An id that names no user: signed out, as a forged cookie would be.
        () => null,
      ));
  }
}

// Decoding the cookie (an encrypted JWT) derives the key with HKDF and decrypts: about half a
// millisecond of CPU on every page view. A given cookie always decodes to the same claims, so
// recently decoded cookies are remembered by value (per process, under the one AUTH_SECRET it
// runs with) until the token's own expiry. Only the claims are kept; whether the session record
// still exists, the user is still active and a member is read from the database on every
// request regardless, so this cache can never keep an ended session alive.
const DECODED_LIMIT = 1000;
const decodedCookies = new Map<string, SessionClaims & { expiresAt: number }>();

async function decodeSessionCookie(raw: string): Promise<SessionClaims | null> {
  const known = decodedCookies.get(raw);
  if (known && known.expiresAt > Date.now())
    return { userId: known.userId, sessionSecret: known.sessionSecret };
  if (known) decodedCookies.delete(raw);
  const claims = await decodeSessionToken(raw);
  if (!claims) return null;
  if (claims.expiresAt !== null) {
    decodedCookies.set(raw, { ...claims, expiresAt: claims.expiresAt });
    if (decodedCookies.size > DECODED_LIMIT)
      decodedCookies.delete(decodedCookies.keys().next().value as string);
  }
  return { userId: claims.userId, sessionSecret: claims.sessionSecret };
}

const readSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  if (testSessionSource) return testSessionSource();
  const raw = (await cookies()).get(sessionCookieName())?.value;
  return raw ? decodeSessionCookie(raw) : null;
});

/**
 * The signed-in user if the session is still open and the user still active, with all their
 * memberships: one query per request that serves the session, the workspace resolution and the
 * workspace switcher alike.
 */
const loadMemberContext = cache(async () => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const context = await findMemberContext({
    userId: claims.userId,
    sessionTokenHash: hashSessionSecret(claims.sessionSecret),
  });
  if (context && Date.now() - context.session.lastSeenAt.getTime() > LAST_SEEN_GRANULARITY_MS) {
    // Informational only; never worth failing or slowing the page for.
    touchSession(context.session.id).catch((error: unknown) =>
      logger.warn({ err: error }, "could not record session activity"),
    );
  }
  return context;
});

/** The signed-in, still active user, or null. Cached per request. */
export const getSession = cache(async (): Promise<Session | null> => {
  const context = await loadMemberContext();
  return context ? { user: context.user, sessionId: context.session.id } : null;
});

/** The signed-in user's workspaces with their role, by name (picker, switcher). Per request. */
export const getSessionWorkspaces = cache(async (): Promise<MemberWorkspace[]> => {
  return (await loadMemberContext())?.memberships ?? [];
});

/** For pages outside a workspace (/w, /w/new): sends anonymous visitors to sign in. */
export async function requireSession(callbackPath: string): Promise<Session> {
  const session = await getSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`);
  return session;
}

/**
 * The current user's membership in `/w/[slug]`, or null (anonymous, deactivated, unknown slug or
 * not a member: indistinguishable). The workspace gate (lib/auth/workspace-gate.ts) builds on it;
 * generateMetadata uses it directly, because it must not throw: a thrown notFound() there leaves
 * the 404 page without a title.
 */
export const findWorkspaceAuth = cache(async (slug: string): Promise<WorkspaceAuth | null> => {
  const context = await loadMemberContext();
  const membership = context?.memberships.find((m) => m.workspace.slug === slug);
  return context && membership ? { user: context.user, ...membership } : null;
});

/** Signs a user in on this response (password sign-in, sign-up, invitation acceptance). */
export async function startSession(user: SessionUser, method: SessionMethod = "password") {
  const session = await createSession({
    userId: user.id,
    method,
    maxAgeSeconds: SESSION_MAX_AGE_SECONDS,
    userAgent: (await headers()).get("user-agent"),
    ipAddress: await clientAddress(),
  });
  const token = await encodeSessionToken({ user, sessionSecret: session.secret });
  (await cookies()).set(sessionCookieName(), token, {
    ...sessionCookieOptions(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

/** Signs out: ends the session record on the server, then clears the cookie. */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  const raw = jar.get(sessionCookieName())?.value;
  const claims = raw ? await decodeSessionCookie(raw) : null;
  if (claims) await endSessionBySecret(claims.sessionSecret);
  jar.set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
}

/** Clears the cookie only (after "sign out everywhere" has ended every record already). */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
}
