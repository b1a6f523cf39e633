import "server-only";

import { ConflictError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { assertPartsInWorkspace } from "@/lib/server/evidence/assert-parts-in-workspace";
import { evidenceTransaction } from "@/lib/server/evidence/evidence-transaction";
import { actorUserId } from "@/lib/server/evidence/insert-evidence";

/**
 * Links an evidence item to a responsibility part ("reuse": one item may serve many parts and
 * systems). Both must be in the workspace, else 404 and nothing is written. Linking twice is a
 * no-op. Only the newest revision of a live item can be linked.
 */
export async function linkEvidenceToPart({
  workspaceId,
  actor,
  evidenceId,
  partId,
}: {
  workspaceId: string;
  actor: AuditActor;
  evidenceId: string;
  partId: string;
}): Promise<{ created: boolean }> {
  return evidenceTransaction(workspaceId, "linkEvidenceToPart", async (tx) => {
    const evidence = await tx.evidence.findFirst({
      where: { id: evidenceId, workspaceId },
      select: { id: true, deletedAt: true, supersededAt: true },
    });
    if (!evidence) throw new NotFoundError("Evidence not found.");
    await assertPartsInWorkspace(tx, { workspaceId, partIds: [partId] });
    if (evidence.deletedAt) throw new ConflictError("Deleted evidence cannot be linked.");
    if (evidence.supersededAt)
      throw new ConflictError("This is an older revision; link the newest revision instead.");

    const existing = await tx.evidenceLink.findFirst({
      where: { workspaceId, evidenceId, partId },
      select: { id: true },
    });
    if (existing) return { created: false };
    await tx.evidenceLink.create({
      data: { workspaceId, evidenceId, partId, createdById: actorUserId(actor) },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "evidence.link",
      entityType: "Evidence",
      entityId: evidenceId,
      diff: { partId },
    });
    return { created: true };
  });
}
