import "server-only";

import { ConflictError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { assertDutiesInWorkspace } from "@/lib/server/evidence/assert-duties-in-workspace";
import { evidenceTransaction } from "@/lib/server/evidence/evidence-transaction";
import { actorUserId } from "@/lib/server/evidence/insert-evidence";

/**
 * Links an evidence item to a responsibility part ("reuse": one item may serve many parts and
 * systems). Both must be in the workspace, else 404 and nothing is written. Linking twice is a
 * no-op. Only the newest revision of a live item can be linked.
 */
export async function linkEvidenceToDuty({
  workspaceId,
  actor,
  evidenceId,
  dutyId,
}: {
  workspaceId: string;
  actor: AuditActor;
  evidenceId: string;
  dutyId: string;
}): Promise<{ created: boolean }> {
  return evidenceTransaction(workspaceId, "linkEvidenceToDuty", async (tx) => {
    const evidence = await tx.evidence.findFirst({
      where: { id: evidenceId, workspaceId },
      select: { id: true, deletedAt: true, supersededAt: true },
    });
    if (!evidence) throw new NotFoundError("Evidence not found.");
    await assertDutiesInWorkspace(tx, { workspaceId, dutyIds: [dutyId] });
    if (evidence.deletedAt) throw new ConflictError("Deleted evidence cannot be linked.");
    if (evidence.supersededAt)
      throw new ConflictError("This is an older revision; link the newest revision instead.");

    const existing = await tx.evidenceLink.findFirst({
      where: { workspaceId, evidenceId, dutyId },
      select: { id: true },
    });
    if (existing) return { created: false };
    await tx.evidenceLink.create({
      data: { workspaceId, evidenceId, dutyId, createdById: actorUserId(actor) },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "evidence.link",
      entityType: "Evidence",
      entityId: evidenceId,
      diff: { dutyId },
    });
    return { created: true };
  });
}
