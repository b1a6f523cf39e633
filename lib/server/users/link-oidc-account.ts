import "server-only";

import { db } from "@/lib/db/client";
import { retryingTransaction } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { accountTransaction, recordAccountEvent } from "@/lib/server/users/account-events";

export type OidcIdentity = {
  provider: string;
  subject: string;
  email: string | null | undefined;
  /** The provider's `email_verified` claim as received: only `true` counts. */
  emailVerified: unknown;
  name: string | null | undefined;
};

export type OidcSignInResult =
  | { ok: true; userId: string; created: boolean }
  | { ok: false; reason: "unverified" | "no-email" | "link-required" | "inactive" };

/**
 * Maps an OpenID Connect identity to a user at sign-in:
 * - an identity already linked to a user signs that user in (if active);
 * - otherwise an account is created for it, but only when the provider says `email_verified` is
 *   exactly `true` (a missing claim is not a verification) and no account uses that e-mail yet;
 * - an e-mail that already belongs to an account is never linked here, whether or not that
 *   account has a password: whoever holds the account must sign in to it and link the identity
 *   from their account page (linkOidcIdentityToUser), so neither an identity provider that does
 *   not verify e-mails nor someone who registered the address first can take an account over.
 * New links are recorded as account events.
 */
export async function signInWithOidc(
  identity: OidcIdentity,
  context: { clientAddress?: string | null } = {},
): Promise<OidcSignInResult> {
  const linked = await db.account.findUnique({
    where: {
      provider_providerAccountId: {
        provider: identity.provider,
        providerAccountId: identity.subject,
      },
    },
    select: { user: { select: { id: true, active: true } } },
  });
  if (linked) {
    if (!linked.user.active) return { ok: false, reason: "inactive" };
    await db.user.update({ where: { id: linked.user.id }, data: { lastSignInAt: new Date() } });
    return { ok: true, userId: linked.user.id, created: false };
  }
  const email = identity.email?.trim().toLowerCase();
  if (!email) return { ok: false, reason: "no-email" };
  if (identity.emailVerified !== true) return { ok: false, reason: "unverified" };
  try {
    // A new user has no workspaces: nothing to lock first.
    return await retryingTransaction("signInWithOidc", async (tx) => {
      const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
      if (existing) return { ok: false as const, reason: "link-required" as const };
      const user = await tx.user.create({
        data: { email, name: identity.name?.trim() || email, lastSignInAt: new Date() },
        select: { id: true, email: true },
      });
      await tx.account.create({
        data: {
          userId: user.id,
          provider: identity.provider,
          providerAccountId: identity.subject,
        },
      });
      await recordAccountEvent(tx, {
        userId: user.id,
        actor: { type: "USER", id: user.id, label: user.email },
        action: "auth.ssoLink",
        detail: { provider: identity.provider, accountCreated: true },
        ipAddress: context.clientAddress,
      });
      return { ok: true as const, userId: user.id, created: true };
    });
  } catch (error) {
    // The same e-mail or identity created at the same moment: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "link-required" };
    }
    throw error;
  }
}

export type LinkOutcome = "linked" | "already" | "taken";

/**
 * Links an identity to the SIGNED-IN user who asked for it on their account page (the intent is
 * bound to their session, lib/auth/sso-link-intent.ts). Both sides are proven: the session, and
 * the sign-in at the provider. An identity linked to someone else stays theirs. Audited in the
 * account and in each of the user's workspaces, with the provider's e-mail for the record.
 */
export async function linkOidcIdentityToUser(
  input: { userId: string; identity: OidcIdentity },
  context: { clientAddress?: string | null } = {},
): Promise<LinkOutcome> {
  const { identity } = input;
  return accountTransaction(input.userId, "linkOidcIdentityToUser", async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { id: true, email: true, active: true },
    });
    if (!user?.active) return "taken";
    const existing = await tx.account.findUnique({
      where: {
        provider_providerAccountId: {
          provider: identity.provider,
          providerAccountId: identity.subject,
        },
      },
      select: { userId: true },
    });
    if (existing) return existing.userId === user.id ? "already" : "taken";
    await tx.account.create({
      data: { userId: user.id, provider: identity.provider, providerAccountId: identity.subject },
    });
    await recordAccountEvent(tx, {
      userId: user.id,
      actor: { type: "USER", id: user.id, label: user.email },
      action: "auth.ssoLink",
      detail: {
        provider: identity.provider,
        providerEmail: identity.email ?? null,
        providerEmailVerified: identity.emailVerified === true,
      },
      ipAddress: context.clientAddress,
    });
    return "linked";
  });
}

export async function findUserIdByAccount(provider: string, subject: string) {
  const account = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId: subject } },
    select: { userId: true },
  });
  return account?.userId ?? null;
}
