import "server-only";

import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";

import {
  SESSION_MAX_AGE_SECONDS,
  sessionCookieName,
  sessionCookieOptions,
} from "@/lib/auth/cookies";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/client";
import {
  findMemberContext,
  type MemberWorkspace,
} from "@/lib/server/workspaces/find-member-context";

// The session is a next-auth JWT in an HttpOnly cookie (see cookies.ts). It only says WHO signed
// in; whether that user is still active and still a member is read from the database on every
// request (getSession / getWorkspaceAuth), so deactivation and removal take effect immediately.

export type SessionUser = { id: string; email: string; name: string };
export type Session = { user: SessionUser };

export type WorkspaceAuth = {
  user: SessionUser;
  workspace: { id: string; slug: string; name: string };
  role: Role;
  membershipId: string;
};

type SessionClaims = { userId: string };

// Integration tests run outside Next's request scope (no cookies()); they name the signed-in user
// here instead. Everything after the claims (active check, membership) stays the real code path.
let testSessionSource: (() => SessionClaims | null) | undefined;

export function setSessionForTests(userId: string | null | undefined) {
  if (env().NODE_ENV !== "test") throw new Error("setSessionForTests is only available in tests");
  testSessionSource = userId === undefined ? undefined : () => (userId ? { userId } : null);
}

// Decoding the cookie (an encrypted JWT) derives the key with HKDF and decrypts: about half a
// millisecond of CPU on every page view. A given cookie always decodes to the same claims, so
// recently decoded cookies are remembered by value (per process, under the one AUTH_SECRET it
// runs with) until the token's own expiry. Only the claims are kept; whether the user is still
// active and a member is read from the database on every request regardless.
const DECODED_LIMIT = 1000;
const decodedCookies = new Map<string, { userId: string; expiresAt: number }>();

async function decodeSessionCookie(raw: string): Promise<SessionClaims | null> {
  const known = decodedCookies.get(raw);
  if (known && known.expiresAt > Date.now()) return { userId: known.userId };
  if (known) decodedCookies.delete(raw);
  const token = await decode({ token: raw, secret: env().AUTH_SECRET }).catch(() => null);
  if (typeof token?.sub !== "string") return null;
  if (typeof token.exp === "number") {
    decodedCookies.set(raw, { userId: token.sub, expiresAt: token.exp * 1000 });
    if (decodedCookies.size > DECODED_LIMIT)
      decodedCookies.delete(decodedCookies.keys().next().value as string);
  }
  return { userId: token.sub };
}

const readSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  if (testSessionSource) return testSessionSource();
  const raw = (await cookies()).get(sessionCookieName())?.value;
  return raw ? decodeSessionCookie(raw) : null;
});

/**
 * The signed-in user if still active, with all their memberships: one query per request that
 * serves the session, the workspace resolution and the workspace switcher alike.
 */
const loadMemberContext = cache(async () => {
  const claims = await readSessionClaims();
  if (!claims) return null;
  return findMemberContext(claims.userId);
});

/** The signed-in, still active user, or null. Cached per request. */
export const getSession = cache(async (): Promise<Session | null> => {
  const context = await loadMemberContext();
  return context ? { user: context.user } : null;
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
 * not a member: indistinguishable). For generateMetadata, which must not throw: a thrown
 * notFound() there leaves the 404 page without a title.
 */
export const findWorkspaceAuth = cache(async (slug: string): Promise<WorkspaceAuth | null> => {
  const context = await loadMemberContext();
  const membership = context?.memberships.find((m) => m.workspace.slug === slug);
  return context && membership ? { user: context.user, ...membership } : null;
});

/**
 * Resolves `/w/[slug]` for the current user once per request. Anonymous visitors are sent to
 * sign in; unknown slugs, workspaces the user is not a member of and deactivated users all get
 * the same 404, before any workspace data (its name included) is read.
 */
export const getWorkspaceAuth = cache(async (slug: string): Promise<WorkspaceAuth> => {
  const claims = await readSessionClaims();
  if (!claims) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/w/${slug}`)}`);
  const auth = await findWorkspaceAuth(slug);
  if (!auth) notFound();
  return auth;
});

/** Signs a user in on this response (password sign-in, sign-up, invitation acceptance). */
export async function startSession(user: SessionUser): Promise<void> {
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name },
    secret: env().AUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  (await cookies()).set(sessionCookieName(), token, {
    ...sessionCookieOptions(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
}

export async function endSession(): Promise<void> {
  (await cookies()).set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
}
