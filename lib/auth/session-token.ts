import "server-only";

import { decode, encode } from "next-auth/jwt";

import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/cookies";
import { env } from "@/lib/env";

// The session cookie's content: an encrypted next-auth JWT naming the user (`sub`) and carrying
// the session record's secret (`sid`, lib/server/sessions). The JWT alone no longer signs anyone
// in: the record must exist too, so a session can be ended on the server.

export type SessionClaims = { userId: string; sessionSecret: string };

export async function encodeSessionToken(input: {
  user: { id: string; email: string; name: string };
  sessionSecret: string;
  /** The app's AUTH_SECRET unless given (the dashboard bench mints cookies for its own server). */
  secret?: string;
  maxAgeSeconds?: number;
}): Promise<string> {
  return encode({
    token: {
      sub: input.user.id,
      email: input.user.email,
      name: input.user.name,
      sid: input.sessionSecret,
    },
    secret: input.secret ?? env().AUTH_SECRET,
    maxAge: input.maxAgeSeconds ?? SESSION_MAX_AGE_SECONDS,
  });
}

/** Claims and expiry of a cookie value, or null (bad, foreign or pre-session-record cookies). */
export async function decodeSessionToken(
  raw: string,
): Promise<(SessionClaims & { expiresAt: number | null }) | null> {
  const token = await decode({ token: raw, secret: env().AUTH_SECRET }).catch(() => null);
  if (typeof token?.sub !== "string" || typeof token.sid !== "string") return null;
  return {
    userId: token.sub,
    sessionSecret: token.sid,
    expiresAt: typeof token.exp === "number" ? token.exp * 1000 : null,
  };
}
