import "server-only";

import { appUrl, env } from "@/lib/env";

// One definition of the session cookie, used by next-auth (SSO callbacks) and by our own
// password sign-in (lib/auth/session.ts), so both issue and read the same cookie.

export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export function secureCookiesEnabled(): boolean {
  return env().SECURE_COOKIES ?? appUrl().startsWith("https://");
}

export function sessionCookieName(): string {
  return secureCookiesEnabled() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function sessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: secureCookiesEnabled(),
  };
}
