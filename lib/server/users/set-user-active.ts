import "server-only";

import { holdsWorkspaceLock } from "@/lib/db/transaction";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { revokeMemberGrants } from "@/lib/server/members/revoke-member-grants";
import { endUserSessions } from "@/lib/server/sessions/end-sessions";
import { accountTransaction } from "@/lib/server/users/account-events";

/**
 * Deactivates (or reactivates) an account. Instance-level operation (no workspace UI yet; used
 * by operators' scripts and tests). Deactivation ends every session of the user in the same
 * transaction (and the session check refuses an inactive user anyway), so it takes effect on the
 * user's next request in every process. Audited in every workspace the user belongs to.
 */
export async function setUserActive({ userId, active }: { userId: string; active: boolean }) {
  await accountTransaction(userId, "setUserActive", async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { active } });
    const endedSessions = active ? 0 : await endUserSessions(tx, { userId });
    const memberships = await tx.membership.findMany({
      where: { userId },
      select: { workspaceId: true },
      orderBy: { workspaceId: "asc" },
    });
    // The workspaces locked when the transaction began (one joined since is left out).
    for (const { workspaceId } of memberships) {
      if (!holdsWorkspaceLock(tx, workspaceId)) continue;
      // The account's tokens and invitations go with it, in every workspace.
      const revoked = active
        ? undefined
        : await revokeMemberGrants(tx, {
            workspaceId,
            userId,
            keepRole: null,
            actor: SYSTEM_ACTOR,
            reason: "its creator's account was deactivated",
          });
      await recordAuditEvent(tx, {
        workspaceId,
        actor: SYSTEM_ACTOR,
        action: active ? "user.reactivate" : "user.deactivate",
        entityType: "User",
        entityId: user.id,
        diff: { active: { to: active }, ...(active ? {} : { endedSessions, revoked }) },
      });
    }
  });
}
