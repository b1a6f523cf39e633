import "server-only";

import { db } from "@/lib/db/client";

/** What the account page shows about sign-in methods: a password, and linked SSO identities. */
export async function getAccountSignInMethods(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      passwordHash: true,
      accounts: {
        select: { id: true, provider: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  return { hasPassword: Boolean(user?.passwordHash), linkedIdentities: user?.accounts ?? [] };
}
