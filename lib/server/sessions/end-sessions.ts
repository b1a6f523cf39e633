import "server-only";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashSessionSecret } from "@/lib/server/sessions/session-secret";
import { accountTransaction, recordAccountEvent } from "@/lib/server/users/account-events";

type Client = Prisma.TransactionClient | typeof db;

/** Ends the session a cookie belongs to (sign out). Unknown secrets are a no-op. */
export async function endSessionBySecret(secret: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashSessionSecret(secret) } });
}

/**
 * Ends one of the user's own sessions (account page), audited. False when it is not theirs or
 * already gone: another user's session id is indistinguishable from a missing one.
 */
export async function endSessionOfUser({
  user,
  sessionId,
  clientAddress,
}: {
  user: { id: string; email: string };
  sessionId: string;
  clientAddress?: string | null;
}): Promise<boolean> {
  return accountTransaction(user.id, "endSessionOfUser", async (tx) => {
    const { count } = await tx.session.deleteMany({ where: { id: sessionId, userId: user.id } });
    if (count !== 1) return false;
    await recordAccountEvent(tx, {
      userId: user.id,
      actor: { type: "USER", id: user.id, label: user.email },
      action: "auth.endSession",
      detail: { sessionId },
      ipAddress: clientAddress,
    });
    return true;
  });
}

/**
 * Ends every session of a user, except `exceptSessionId` (the one changing the password keeps
 * its own). Runs in the caller's transaction, so a deactivation and the end of its sessions are
 * one change. Returns how many ended.
 */
export async function endUserSessions(
  client: Client,
  { userId, exceptSessionId }: { userId: string; exceptSessionId?: string | null },
): Promise<number> {
  const { count } = await client.session.deleteMany({
    where: { userId, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
  });
  return count;
}
