import "server-only";

import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";

import {
  SESSION_MAX_AGE_SECONDS,
  sessionCookieName,
  sessionCookieOptions,
  secureCookiesEnabled,
} from "@/lib/auth/cookies";
import { env, oidcEnabled } from "@/lib/env";
import { findUserIdByAccount, linkOidcAccount } from "@/lib/server/users/link-oidc-account";

type OidcProfile = { sub: string; email?: string; email_verified?: boolean; name?: string };

export const OIDC_PROVIDER_ID = "oidc";

function oidcProvider(): OAuthConfig<OidcProfile> {
  const e = env();
  const issuer = (e.OIDC_ISSUER ?? "").replace(/\/$/, "");
  return {
    id: OIDC_PROVIDER_ID,
    name: e.OIDC_NAME,
    type: "oauth",
    wellKnown: `${issuer}/.well-known/openid-configuration`,
    issuer,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    idToken: true,
    checks: ["pkce", "state"],
    authorization: { params: { scope: "openid email profile" } },
    profile: (profile) => ({
      id: profile.sub,
      email: profile.email ?? null,
      name: profile.name ?? null,
    }),
  };
}

/**
 * next-auth handles only single sign-on (OpenID Connect, when configured). Password sign-in is
 * our own server action (throttled, audited) that issues the same JWT cookie (session.ts).
 * Built per call so `next build` never needs the secrets.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    useSecureCookies: secureCookiesEnabled(),
    cookies: {
      sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() },
    },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: oidcEnabled() ? [oidcProvider()] : [],
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return false;
        const oidc = profile as OidcProfile | undefined;
        const user = await linkOidcAccount({
          provider: OIDC_PROVIDER_ID,
          subject: account.providerAccountId,
          email: oidc?.email,
          emailVerified: oidc?.email_verified,
          name: oidc?.name,
        });
        return user ? true : "/sign-in?error=sso";
      },
      async jwt({ token, account }) {
        // On the sign-in request `account` is set: put OUR user id in `sub`, not the provider's.
        if (account?.provider === OIDC_PROVIDER_ID) {
          const userId = await findUserIdByAccount(OIDC_PROVIDER_ID, account.providerAccountId);
          if (userId) token.sub = userId;
        }
        return token;
      },
    },
  };
}
