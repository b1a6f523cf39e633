import "server-only";

import { db } from "@/lib/db/client";

/**
 * Maps an OpenID Connect identity to a user: an already linked account wins; otherwise a user
 * with the same (provider-verified) e-mail is linked; otherwise a user without password is
 * created. Returns null when the identity must not sign in (deactivated, unverified e-mail).
 */
export async function linkOidcAccount(input: {
  provider: string;
  subject: string;
  email: string | null | undefined;
  emailVerified: boolean | undefined;
  name: string | null | undefined;
}): Promise<{ id: string } | null> {
  const linked = await db.account.findUnique({
    where: {
      provider_providerAccountId: { provider: input.provider, providerAccountId: input.subject },
    },
    select: { user: { select: { id: true, active: true } } },
  });
  if (linked) return linked.user.active ? { id: linked.user.id } : null;
  const email = input.email?.trim().toLowerCase();
  if (!email || input.emailVerified === false) return null;
  return db.$transaction(async (tx) => {
    const user =
      (await tx.user.findUnique({ where: { email }, select: { id: true, active: true } })) ??
      (await tx.user.create({
        data: { email, name: input.name?.trim() || email },
        select: { id: true, active: true },
      }));
    if (!user.active) return null;
    await tx.account.create({
      data: { userId: user.id, provider: input.provider, providerAccountId: input.subject },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    return { id: user.id };
  });
}

export async function findUserIdByAccount(provider: string, subject: string) {
  const account = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId: subject } },
    select: { userId: true },
  });
  return account?.userId ?? null;
}
