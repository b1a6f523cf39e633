import "server-only";

import { ConflictError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { evidenceTransaction } from "@/lib/server/evidence/evidence-transaction";
import { discardObject, releaseObject } from "@/lib/server/storage/pending-objects";
import { evidenceStorage } from "@/lib/storage/evidence-storage";
import type { ObjectStorage } from "@/lib/storage/storage";

/**
 * Explicit, irreversible purge of a soft-deleted item (permission evidence.purge, ADMIN and above):
 * removes the stored file and clears the content (note text, URL), keeps the row with its name,
 * size and SHA-256 so the audit trail still says what existed.
 *
 * The row is marked and its key handed to the pending-objects ledger in one transaction; the file
 * is deleted after the commit. A crash in between leaves a ledger entry the storage sweep acts on,
 * so there is never a row pointing at a deleted file nor a file nobody will delete.
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
  const result = await evidenceTransaction(async (tx) => {
    const item = await tx.evidence.findFirst({
      where: { id: evidenceId, workspaceId },
      select: { deletedAt: true, purgedAt: true, storageKey: true, fileName: true, sha256: true },
    });
    if (!item) throw new NotFoundError("Evidence not found.");
    if (!item.deletedAt)
      throw new ConflictError("Only deleted evidence can be purged; delete it first.");
    if (item.purgedAt) return { purgedAt: item.purgedAt, storageKey: null };
    if (item.storageKey) await releaseObject(tx, { area: "EVIDENCE", key: item.storageKey });
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
    return { purgedAt, storageKey: item.storageKey };
  });
  if (result.storageKey) {
    await discardObject({ area: "EVIDENCE", key: result.storageKey, storage });
  }
  return { purgedAt: result.purgedAt };
}
