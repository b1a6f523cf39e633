import "server-only";

import { db } from "@/lib/db/client";
import { recordAuditEvent, SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";

/**
 * Deactivates (or reactivates) an account. Instance-level operation (no workspace UI yet; used
 * by operators' scripts and tests). The session check in lib/auth refuses a deactivated user on
 * the next request. Audited in every workspace the user belongs to.
 */
export async function setUserActive({ userId, active }: { userId: string; active: boolean }) {
  await db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: { active } });
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
        diff: { active: { to: active } },
      });
    }
  });
}
