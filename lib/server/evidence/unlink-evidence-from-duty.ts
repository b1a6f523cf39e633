import "server-only";

import { NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { evidenceTransaction } from "@/lib/server/evidence/evidence-transaction";

/** Removes one part link; 404 when the item, the part or the link is not in the workspace. */
export async function unlinkEvidenceFromDuty({
  workspaceId,
  actor,
  evidenceId,
  dutyId,
}: {
  workspaceId: string;
  actor: AuditActor;
  evidenceId: string;
  dutyId: string;
}): Promise<void> {
  await evidenceTransaction(workspaceId, "unlinkEvidenceFromDuty", async (tx) => {
    const removed = await tx.evidenceLink.deleteMany({
      where: { workspaceId, evidenceId, dutyId },
    });
    if (removed.count === 0) throw new NotFoundError("This evidence is not linked to that part.");
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "evidence.unlink",
      entityType: "Evidence",
      entityId: evidenceId,
      diff: { dutyId },
    });
  });
}
