import "server-only";

import { ConflictError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { evidenceTransaction } from "@/lib/server/evidence/evidence-transaction";
import { evidenceStorage } from "@/lib/storage/evidence-storage";
import type { ObjectStorage } from "@/lib/storage/storage";

/**
 * Explicit, irreversible purge of a soft-deleted item (permission evidence.purge, ADMIN and above):
 * removes the stored file and clears the content (note text, URL), keeps the row with its name,
 * size and SHA-256 so the audit trail still says what existed.
 *
 * The file is deleted INSIDE the transaction, before the row is marked: if the deletion fails,
 * nothing changes; if the commit fails after it, a retry finds the file already gone (delete is
 * idempotent) and completes.
 */
export async function purgeEvidence({
  workspaceId,
  actor,
  evidenceId,
  storage = evidenceStorage(),
}: {
  workspaceId: string;
  actor: AuditActor;
  evidenceId: string;
  storage?: ObjectStorage;
}): Promise<{ purgedAt: Date }> {
  return evidenceTransaction(async (tx) => {
    const item = await tx.evidence.findFirst({
      where: { id: evidenceId, workspaceId },
      select: { deletedAt: true, purgedAt: true, storageKey: true, fileName: true, sha256: true },
    });
    if (!item) throw new NotFoundError("Evidence not found.");
    if (!item.deletedAt)
      throw new ConflictError("Only deleted evidence can be purged; delete it first.");
    if (item.purgedAt) return { purgedAt: item.purgedAt };
    if (item.storageKey) await storage.delete(item.storageKey);
    const purgedAt = new Date();
    await tx.evidence.updateMany({
      where: { id: evidenceId, workspaceId, purgedAt: null },
      data: { purgedAt, storageKey: null, note: null, url: null },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "evidence.purge",
      entityType: "Evidence",
      entityId: evidenceId,
      diff: { fileName: item.fileName ?? undefined, sha256: item.sha256 ?? undefined, purgedAt },
    });
    return { purgedAt };
  });
}
