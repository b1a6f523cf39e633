import "server-only";

import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { lockWorkspaces, retryingTransaction } from "@/lib/db/transaction";
import { UnauthorizedError } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { admitSignInAttempt, recordSignInSuccess } from "@/lib/server/auth/sign-in-throttle";

export const WRONG_CREDENTIALS = "The e-mail address or password is not correct.";

export type AuthenticatedUser = { id: string; email: string; name: string };

/**
 * Checks an e-mail/password pair. Unknown e-mail, wrong password and deactivated account all get
 * the same answer and take the same time; throttling admits (and counts) the attempt before the
 * password is checked, so a throttled account cannot be probed and parallel guesses cannot slip
 * past the limit. Sign-in events are audited in every workspace of a known user.
 */
export async function authenticateWithPassword(input: {
  email: string;
  password: string;
  clientAddress: string;
}): Promise<AuthenticatedUser> {
  const { email, password, clientAddress } = input;
  const throttle = await admitSignInAttempt({ email, clientAddress });

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, active: true },
  });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, password);
  const succeeded = Boolean(user && user.active && passwordMatches);

  if (succeeded) await recordSignInSuccess(throttle);
  if (user) await auditSignIn({ userId: user.id, label: user.email, succeeded, clientAddress });
  if (!succeeded || !user) throw new UnauthorizedError(WRONG_CREDENTIALS);

  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name };
}

async function auditSignIn(input: {
  userId: string;
  label: string;
  succeeded: boolean;
  clientAddress: string;
}) {
  const memberships = await db.membership.findMany({
    where: { userId: input.userId },
    select: { workspaceId: true },
  });
  if (memberships.length === 0) return;
  const workspaceIds = memberships.map((m) => m.workspaceId);
  await retryingTransaction("auditSignIn", async (tx) => {
    await lockWorkspaces(tx, workspaceIds);
    for (const workspaceId of workspaceIds) {
      await recordAuditEvent(tx, {
        workspaceId,
        actor: { type: "USER", id: input.userId, label: input.label },
        action: input.succeeded ? "auth.signIn" : "auth.signInFailed",
        entityType: "User",
        entityId: input.userId,
        diff: { clientAddress: input.clientAddress },
      });
    }
  });
}
