// A real OpenID Connect provider (oidc-provider) for the single sign-on tests, started by the
// e2e server (tests/e2e/serve.ts) on a free port before the app, which is configured to use it.
//
// Its development login form accepts any login; the login typed becomes the subject and
// decides the claims, so each test chooses its own identity in the browser:
//   alice@example.test              email alice@example.test, email_verified true
//   unverified:bob@example.test     email bob@example.test, email_verified false
//   noclaim:carol@example.test      email carol@example.test, no email_verified claim at all
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import Provider from "oidc-provider";

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close: () => Promise<void>;
};

export function claimsForLogin(login: string): Record<string, unknown> {
  const [, kind, address] = /^(?:(unverified|noclaim):)?(.*)$/.exec(login) ?? [];
  const email = (address ?? login).trim();
  const name = email.split("@")[0] ?? email;
  if (kind === "noclaim") return { email, name };
  return { email, email_verified: kind !== "unverified", name };
}

export async function startOidcProvider(appUrl: string): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "ai-srm-e2e";
  const clientSecret = `secret-${process.pid}-${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The app reads the claims from the ID token, as real providers send them there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: [`cookie-key-${clientSecret}`] },
    async findAccount(_context, sub) {
      return { accountId: sub, claims: async () => ({ sub, ...claimsForLogin(sub) }) };
    },
  });
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
