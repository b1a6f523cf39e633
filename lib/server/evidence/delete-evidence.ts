import "server-only";

import { NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { evidenceTransaction } from "@/lib/server/evidence/evidence-transaction";

/**
 * Soft delete: the item leaves the library and stops counting (its state is "deleted"), but the row,
 * its links and its file stay until an explicit purge, so a mistake can be undone by an admin and
 * the audit trail keeps pointing at something real. Deleting twice is a no-op.
 */
export async function deleteEvidence({
  workspaceId,
  actor,
  evidenceId,
}: {
  workspaceId: string;
  actor: AuditActor;
  evidenceId: string;
}): Promise<{ deletedAt: Date }> {
  return evidenceTransaction(workspaceId, "deleteEvidence", async (tx) => {
    const item = await tx.evidence.findFirst({
      where: { id: evidenceId, workspaceId },
      select: { deletedAt: true, title: true },
    });
    if (!item) throw new NotFoundError("Evidence not found.");
    if (item.deletedAt) return { deletedAt: item.deletedAt };
    const deletedAt = new Date();
    await tx.evidence.updateMany({
      where: { id: evidenceId, workspaceId, deletedAt: null },
      data: { deletedAt },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "evidence.delete",
      entityType: "Evidence",
      entityId: evidenceId,
      diff: { title: item.title, deletedAt },
    });
    return { deletedAt };
  });
}
