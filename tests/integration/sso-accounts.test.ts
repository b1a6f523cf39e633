import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { parseEnv } from "@/lib/env";
import {
  linkOidcIdentityToUser,
  type OidcIdentity,
  signInWithOidc,
} from "@/lib/server/users/link-oidc-account";
import { setUserActive } from "@/lib/server/users/set-user-active";

import { signedUpOwner, uniqueEmail } from "../support/identity-fixtures";

const identity = (over: Partial<OidcIdentity> = {}): OidcIdentity => ({
  provider: "oidc",
  subject: `sub-${Math.random().toString(36).slice(2)}`,
  email: uniqueEmail("sso"),
  emailVerified: true,
  name: "Sam Sso",
  ...over,
});

// Issue 14, point 1.
describe("single sign-on accounts", () => {
  it("creates an account on a first sign-in with a verified e-mail, and records the link", async () => {
    const first = identity();
    const result = await signInWithOidc(first);
    expect(result).toMatchObject({ ok: true, created: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: first.email! } });
    expect(user.passwordHash).toBeNull();
    expect(
      await db.accountEvent.count({ where: { userId: user.id, action: "auth.ssoLink" } }),
    ).toBe(1);
  });

  it("signs a returning identity in as the same user", async () => {
    const first = identity();
    const created = await signInWithOidc(first);
    const again = await signInWithOidc({
      ...first,
      email: "changed@example.test",
      emailVerified: false,
    });
    expect(again).toEqual({
      ok: true,
      userId: (created as { userId: string }).userId,
      created: false,
    });
  });

  it.each([
    ["email_verified false", false],
    ["email_verified missing", undefined],
    ["email_verified as the string 'true'", "true"],
  ])("refuses a new identity with %s and creates nothing", async (_label, emailVerified) => {
    const claims = identity({ emailVerified });
    expect(await signInWithOidc(claims)).toEqual({ ok: false, reason: "unverified" });
    expect(await db.user.count({ where: { email: claims.email! } })).toBe(0);
    expect(await db.account.count({ where: { providerAccountId: claims.subject } })).toBe(0);
  });

  it("never links to an existing account by e-mail, password or not: the owner links it from their account page", async () => {
    const { user } = await signedUpOwner("password-holder");
    const attacker = identity({ email: user.email.toUpperCase() });
    expect(await signInWithOidc(attacker)).toEqual({ ok: false, reason: "link-required" });
    expect(await db.account.count({ where: { userId: user.id } })).toBe(0);

    const ssoOnly = await signInWithOidc(identity());
    const ssoUser = await db.user.findUniqueOrThrow({
      where: { id: (ssoOnly as { userId: string }).userId },
    });
    expect(
      await signInWithOidc(identity({ email: ssoUser.email, subject: "another-subject" })),
    ).toEqual({ ok: false, reason: "link-required" });
  });

  it("links an identity to the signed-in user who asked, audited in their workspaces", async () => {
    const { user, workspace } = await signedUpOwner("linker");
    const mine = identity({ email: "corporate-alias@example.test" });
    expect(await linkOidcIdentityToUser({ userId: user.id, identity: mine })).toBe("linked");
    expect(await linkOidcIdentityToUser({ userId: user.id, identity: mine })).toBe("already");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { workspaceId: workspace.id, action: "auth.ssoLink" },
    });
    expect(audit.diff).toMatchObject({
      provider: "oidc",
      providerEmail: "corporate-alias@example.test",
    });
    // Now it signs in as that user.
    expect(await signInWithOidc(mine)).toMatchObject({ ok: true, userId: user.id });
    // Someone else cannot take it.
    const other = await signedUpOwner("other-linker");
    expect(await linkOidcIdentityToUser({ userId: other.user.id, identity: mine })).toBe("taken");
  });

  it("refuses a linked identity of a deactivated account", async () => {
    const { user } = await signedUpOwner("sso-inactive");
    const mine = identity();
    await linkOidcIdentityToUser({ userId: user.id, identity: mine });
    await setUserActive({ userId: user.id, active: false });
    expect(await signInWithOidc(mine)).toEqual({ ok: false, reason: "inactive" });
  });

  it("accepts an http issuer only on this machine", () => {
    const base = {
      DATABASE_URL: "postgresql://x@y/z",
      AUTH_SECRET: "x".repeat(32),
      OIDC_CLIENT_ID: "app",
      OIDC_CLIENT_SECRET: "secret",
    };
    expect(
      parseEnv({ ...base, OIDC_ISSUER: "https://login.example.com/realms/main" }).OIDC_ISSUER,
    ).toBeDefined();
    expect(parseEnv({ ...base, OIDC_ISSUER: "http://127.0.0.1:4444" }).OIDC_ISSUER).toBeDefined();
    expect(() => parseEnv({ ...base, OIDC_ISSUER: "http://login.example.com" })).toThrow(
      /OIDC_ISSUER: use an https/,
    );
  });
});
