import "server-only";

import { createHmac, timingSafeEqual } from "node:crypto";

import { cookies } from "next/headers";

import { secureCookiesEnabled } from "@/lib/auth/cookies";
import { env } from "@/lib/env";

// "Link single sign-on" from the account page: the signed-in user asks for it, the browser goes
// through the provider, and next-auth's sign-in callback must know that this round trip is a
// link request of THIS session and not a sign-in. A short-lived cookie says so, bound to the
// session record's id and signed with AUTH_SECRET so it cannot be forged or moved to another
// session. Without it, a provider identity is never attached to an existing account.

const COOKIE = "srm-sso-link";
const TTL_SECONDS = 10 * 60;

function sign(value: string): string {
  return createHmac("sha256", env().AUTH_SECRET).update(`sso-link:${value}`).digest("base64url");
}

export async function setSsoLinkIntent(sessionId: string, now = Date.now()): Promise<void> {
  const expires = Math.floor(now / 1000) + TTL_SECONDS;
  const value = `${sessionId}.${expires}`;
  (await cookies()).set(COOKIE, `${value}.${sign(value)}`, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookiesEnabled(),
    path: "/",
    maxAge: TTL_SECONDS,
  });
}

/** The session id a valid, unexpired intent names, or null. Always clears the cookie. */
export async function takeSsoLinkIntent(now = Date.now()): Promise<string | null> {
  const jar = await cookies();
  const raw = jar.get(COOKIE)?.value;
  if (raw) jar.set(COOKIE, "", { path: "/", maxAge: 0 });
  const [sessionId, expires, signature] = raw?.split(".") ?? [];
  if (!sessionId || !expires || !signature) return null;
  const expected = Buffer.from(sign(`${sessionId}.${expires}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  if (Number(expires) * 1000 <= now) return null;
  return sessionId;
}
