import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { assertOwnerIsMember } from "@/lib/server/responsibilities/check-members";
import { resolveBulkTarget } from "@/lib/server/responsibilities/resolve-bulk-target";
import type { BulkAssignOwnerInput } from "@/lib/validation/responsibilities";

/** Gives many parts one owner (or none) in one transaction and one audit event. */
export async function bulkAssignOwner({
  workspaceId,
  actor,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  input: BulkAssignOwnerInput;
}) {
  return workspaceTransaction(workspaceId, "bulkAssignOwner", async (tx) => {
    if (input.ownerId) await assertOwnerIsMember(tx, { workspaceId, userId: input.ownerId });
    const dutyIds = await resolveBulkTarget(tx, { workspaceId, target: input.target });
    // Bumping the version makes an edit opened before the bulk change a (clear) conflict.
    const { count } = await tx.duty.updateMany({
      where: { workspaceId, id: { in: dutyIds } },
      data: { ownerId: input.ownerId, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "responsibility.bulkAssignOwner",
      entityType: "Duty",
      diff: { ownerId: input.ownerId, target: input.target.kind, count, dutyIds },
    });
    return { count };
  });
}
