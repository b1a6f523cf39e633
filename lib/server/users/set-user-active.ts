import "server-only";

import { db } from "@/lib/db/client";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { endUserSessions } from "@/lib/server/sessions/end-sessions";

/**
 * Deactivates (or reactivates) an account. Instance-level operation (no workspace UI yet; used
 * by operators' scripts and tests). Deactivation ends every session of the user in the same
 * transaction (and the session check refuses an inactive user anyway), so it takes effect on the
 * user's next request in every process. Audited in every workspace the user belongs to.
 */
export async function setUserActive({ userId, active }: { userId: string; active: boolean }) {
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { active } });
    const endedSessions = active ? 0 : await endUserSessions(tx, { userId });
    const memberships = await tx.membership.findMany({
      where: { userId },
      select: { workspaceId: true },
    });
    for (const { workspaceId } of memberships) {
      await recordAuditEvent(tx, {
        workspaceId,
        actor: SYSTEM_ACTOR,
        action: active ? "user.reactivate" : "user.deactivate",
        entityType: "User",
        entityId: user.id,
        diff: { active: { to: active }, ...(active ? {} : { endedSessions }) },
      });
    }
  });
}
