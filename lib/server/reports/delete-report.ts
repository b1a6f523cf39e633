import "server-only";

import { retryingTransaction } from "@/lib/db/transaction";
import { discardObject, releaseObject } from "@/lib/server/storage/pending-objects";
import { reportStorage } from "@/lib/storage/report-storage";
import type { ObjectStorage } from "@/lib/storage/storage";

/**
 * Deletes one report of a workspace, its row and its PDF (pruning, retention). The row goes and
 * its PDF's key is handed to the pending-objects ledger in one transaction, then the PDF is
 * deleted: a crash in between leaves the deletion to the storage sweep, never a PDF without a row.
 * Idempotent; another workspace's id deletes nothing. Returns whether a row was deleted.
 */
export async function deleteReport({
  workspaceId,
  reportId,
  storage = reportStorage(),
}: {
  workspaceId: string;
  reportId: string;
  storage?: ObjectStorage;
}): Promise<boolean> {
  // Rows and ledger only (retried on a deadlock); the object is deleted after the commit.
  const key = await retryingTransaction("deleteReport", async (tx) => {
    const row = await tx.reportJob.findFirst({
      where: { id: reportId, workspaceId },
      select: { storageKey: true },
    });
    if (!row) return undefined;
    await tx.reportJob.deleteMany({ where: { id: reportId, workspaceId } });
    if (row.storageKey) await releaseObject(tx, { area: "REPORTS", key: row.storageKey });
    return row.storageKey;
  });
  if (key) await discardObject({ area: "REPORTS", key, storage });
  return key !== undefined;
}
