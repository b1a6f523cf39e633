import "server-only";

import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { assertAcceptablePassword } from "@/lib/auth/password-policy";
import { db } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { endUserSessions } from "@/lib/server/sessions/end-sessions";
import { accountTransaction, recordAccountEvent } from "@/lib/server/users/account-events";

export const WRONG_CURRENT_PASSWORD = "Your current password is not correct.";

/**
 * Changes the signed-in user's password. The current password is required (a session left open
 * on a shared computer must not be enough to take the account over), the new one follows the
 * password rule, and every OTHER session of the user ends in the same transaction: whoever else
 * was signed in with the old password is signed out on their next request.
 */
export async function changePassword(input: {
  userId: string;
  currentSessionId: string;
  currentPassword: string;
  newPassword: string;
  clientAddress?: string | null;
}): Promise<{ endedSessions: number }> {
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { id: true, email: true, name: true, passwordHash: true, active: true },
  });
  if (!user || !user.active) throw new NotFoundError("Account not found.");
  if (!user.passwordHash) {
    throw new ValidationError(
      "This account signs in with single sign-on only; it has no password to change.",
    );
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw ValidationError.forField("currentPassword", WRONG_CURRENT_PASSWORD);
  }
  if (input.newPassword === input.currentPassword) {
    throw ValidationError.forField(
      "newPassword",
      "Choose a password different from the current one.",
    );
  }
  assertAcceptablePassword(input.newPassword, user, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return accountTransaction(user.id, "changePassword", async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const endedSessions = await endUserSessions(tx, {
      userId: user.id,
      exceptSessionId: input.currentSessionId,
    });
    await recordAccountEvent(tx, {
      userId: user.id,
      actor: { type: "USER", id: user.id, label: user.email },
      action: "auth.passwordChange",
      detail: { endedSessions },
      ipAddress: input.clientAddress,
    });
    return { endedSessions };
  });
}
