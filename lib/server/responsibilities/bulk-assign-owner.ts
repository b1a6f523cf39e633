import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { notifyDutyAssignment } from "@/lib/server/notifications/notify-duty-assignment";
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
    // The parts whose owner really changes: only their new owner is told.
    const reassigned = input.ownerId
      ? await tx.duty.findMany({
          where: {
            workspaceId,
            id: { in: dutyIds },
            OR: [{ ownerId: null }, { ownerId: { not: input.ownerId } }],
          },
          select: {
            id: true,
            version: true,
            systemId: true,
            domainKey: true,
            side: true,
            responsibility: { select: { system: { select: { name: true } } } },
          },
        })
      : [];
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
    await notifyDutyAssignment(tx, {
      workspaceId,
      actor,
      ownerId: input.ownerId,
      duties: reassigned.map((duty) => ({
        id: duty.id,
        version: duty.version + 1,
        systemId: duty.systemId,
        systemName: duty.responsibility.system.name,
        domainKey: duty.domainKey,
        side: duty.side,
      })),
    });
    return { count };
  });
}
