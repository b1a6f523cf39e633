import "server-only";

import { ConflictError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { deleteEvidenceFileJob } from "@/lib/server/evidence/delete-evidence-file-job";
import { evidenceTransaction } from "@/lib/server/evidence/evidence-transaction";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { jobQueue, wakeWorkers } from "@/lib/server/jobs/job-queue";

/**
 * Explicit, irreversible purge of a soft-deleted item (permission evidence.purge, ADMIN and above):
 * clears the content (note text, URL) and removes the stored file, keeps the row with its name,
 * size and SHA-256 so the audit trail still says what existed.
 *
 * The row is marked purged and the file's deletion queued in one transaction; the deletion job
 * removes the file and only then forgets its key, retrying with backoff while the storage fails
 * (an object store that is down does not make the purge fail, nor leave a file nobody deletes).
 * Until then the file stays unreachable: downloads and exports skip purged items.
 */
export async function purgeEvidence({
  workspaceId,
  actor,
  evidenceId,
}: {
  workspaceId: string;
  actor: AuditActor;
  evidenceId: string;
}): Promise<{ purgedAt: Date }> {
  // Started before the transaction, which sends the deletion job (see enqueueJob).
  await jobQueue();
  const result = await evidenceTransaction(workspaceId, "purgeEvidence", async (tx) => {
    const item = await tx.evidence.findFirst({
      where: { id: evidenceId, workspaceId },
      select: { deletedAt: true, purgedAt: true, storageKey: true, fileName: true, sha256: true },
    });
    if (!item) throw new NotFoundError("Evidence not found.");
    if (!item.deletedAt)
      throw new ConflictError("Only deleted evidence can be purged; delete it first.");
    if (item.purgedAt) return { purgedAt: item.purgedAt };
    const purgedAt = new Date();
    await tx.evidence.updateMany({
      where: { id: evidenceId, workspaceId, purgedAt: null },
      data: { purgedAt, note: null, url: null },
    });
    if (item.storageKey) {
      await enqueueJob(deleteEvidenceFileJob, { workspaceId, evidenceId }, { tx });
    }
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
  wakeWorkers(deleteEvidenceFileJob.name);
  return result;
}
