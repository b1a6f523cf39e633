import "server-only";

import { retryingTransaction } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { adoptObject, discardObject } from "@/lib/server/storage/pending-objects";

/**
 * Marks an export job finished with its bundle: the job row takes the storage key and the
 * bundle's pending-objects entry is removed in one transaction. `where` must select the job as
 * held by the caller (its workspace, and the attempt holding the claim); if it no longer matches
 * (a later attempt took over, the job was deleted) or the transaction fails, the bundle is deleted
 * again. So a job never points at a missing bundle and no bundle stays without its job.
 * Returns whether the bundle was recorded.
 */
export async function recordExportBundle({
  where,
  storageKey,
  data,
  onRecorded,
}: {
  where: Prisma.ExportJobWhereInput & { id: string; workspaceId: string };
  storageKey: string;
  data: Omit<Prisma.ExportJobUpdateManyMutationInput, "storageKey">;
  /** More writes that belong to the recording (the requester's notification), in its transaction. */
  onRecorded?: (tx: Prisma.TransactionClient) => Promise<unknown>;
}): Promise<boolean> {
  let recorded = false;
  try {
    // The bundle is stored already; only the row and the ledger change here, so a re-run after
    // a deadlock is safe. The bundle is deleted (finally) only if no attempt recorded it.
    recorded = await retryingTransaction("recordExportBundle", async (tx) => {
      const updated = await tx.exportJob.updateMany({ where, data: { ...data, storageKey } });
      if (updated.count !== 1) return false;
      await adoptObject(tx, { area: "EXPORTS", key: storageKey });
      await onRecorded?.(tx);
      return true;
    });
  } finally {
    if (!recorded) await discardObject({ area: "EXPORTS", key: storageKey });
  }
  return recorded;
}
