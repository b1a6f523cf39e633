import "server-only";

import { headers } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";

import { clientAddress } from "@/lib/auth/client-address";
import {
  secureCookiesEnabled,
  SESSION_MAX_AGE_SECONDS,
  sessionCookieName,
  sessionCookieOptions,
} from "@/lib/auth/cookies";
import { getSession } from "@/lib/auth/session";
import { takeSsoLinkIntent } from "@/lib/auth/sso-link-intent";
import { env, oidcEnabled } from "@/lib/env";
import { createSession } from "@/lib/server/sessions/create-session";
import { endSessionBySecret } from "@/lib/server/sessions/end-sessions";
import {
  findUserIdByAccount,
  linkOidcIdentityToUser,
  type OidcIdentity,
  signInWithOidc,
} from "@/lib/server/users/link-oidc-account";
import { safeCallbackPath } from "@/lib/validation/auth";

type OidcProfile = { sub: string; email?: string; email_verified?: unknown; name?: string };

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

function identityFrom(
  account: { providerAccountId: string },
  profile: OidcProfile | undefined,
): OidcIdentity {
  return {
    provider: OIDC_PROVIDER_ID,
    subject: account.providerAccountId,
    email: profile?.email,
    emailVerified: profile?.email_verified,
    name: profile?.name,
  };
}

/**
 * next-auth handles only single sign-on (OpenID Connect, when configured). Password sign-in is
 * our own server action (throttled, audited) that issues the same cookie (session.ts). Either
 * way the cookie names a server-side session record, created here in the jwt callback for SSO.
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
        const identity = identityFrom(account, profile as OidcProfile | undefined);
        const address = await clientAddress();
        // "Link single sign-on" started on the account page by this very session.
        const linkSessionId = await takeSsoLinkIntent();
        if (linkSessionId) {
          const session = await getSession();
          if (!session || session.sessionId !== linkSessionId) return "/account?sso=failed";
          const outcome = await linkOidcIdentityToUser(
            { userId: session.user.id, identity },
            { clientAddress: address },
          );
          // A string ends the round trip here: the user stays in the session they linked from.
          return `/account?sso=${outcome}`;
        }
        const result = await signInWithOidc(identity, { clientAddress: address });
        return result.ok ? true : `/sign-in?error=sso-${result.reason}`;
      },
      async jwt({ token, account }) {
        // On the sign-in request `account` is set: put OUR user id in `sub`, not the provider's,
        // and open the session record the cookie will name.
        if (account?.provider === OIDC_PROVIDER_ID) {
          const userId = await findUserIdByAccount(OIDC_PROVIDER_ID, account.providerAccountId);
          if (!userId) throw new Error("single sign-on: the signed-in identity has no user");
          const session = await createSession({
            userId,
            method: "sso",
            maxAgeSeconds: SESSION_MAX_AGE_SECONDS,
            userAgent: (await headers()).get("user-agent"),
            ipAddress: await clientAddress(),
          });
          token.sub = userId;
          token.sid = session.secret;
        }
        return token;
      },
      // Only same-origin paths, whatever callbackUrl the sign-in started with.
      async redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || "/" : url;
        return `${baseUrl}${safeCallbackPath(path, { origin: baseUrl })}`;
      },
    },
    events: {
      // next-auth's own sign-out route (we sign out through /sign-out): end the record too.
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSessionBySecret(token.sid);
      },
    },
  };
}
