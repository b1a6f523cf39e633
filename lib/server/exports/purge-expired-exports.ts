import "server-only";

import { rm } from "node:fs/promises";

import { db } from "@/lib/db/client";
import { retryingTransaction } from "@/lib/db/transaction";
import { discardObject, releaseObject } from "@/lib/server/storage/pending-objects";

/**
 * Retention: a finished bundle is deleted once its expiresAt (finish + EXPORT_RETENTION_DAYS) has
 * passed. The job row stays, with its storage key cleared, so the list can say "expired" instead
 * of silently dropping an export someone may look for. Called when exports are listed or started.
 * The key is cleared and handed to the pending-objects ledger in one transaction, then the object
 * is deleted: a crash in between leaves the deletion to the storage sweep.
 */
export async function purgeExpiredExports({
  workspaceId,
  now = new Date(),
}: {
  workspaceId: string;
  now?: Date;
}) {
  const expired = await db.exportJob.findMany({
    where: {
      workspaceId,
      status: "DONE",
      expiresAt: { lt: now },
      OR: [{ storageKey: { not: null } }, { filePath: { not: null } }],
    },
    select: { id: true, storageKey: true, filePath: true },
  });
  for (const job of expired) {
    if (job.storageKey) {
      const key = job.storageKey;
      // Rows and ledger only (retried on a deadlock); the object is deleted after the commit.
      const cleared = await retryingTransaction("purgeExpiredExports", async (tx) => {
        const updated = await tx.exportJob.updateMany({
          where: { id: job.id, workspaceId, storageKey: key },
          data: { storageKey: null },
        });
        if (updated.count === 1) await releaseObject(tx, { area: "EXPORTS", key });
        return updated.count === 1;
      });
      if (cleared) await discardObject({ area: "EXPORTS", key });
    }
    if (job.filePath) {
      // A bundle built before object storage: a file on this machine.
      await rm(job.filePath, { force: true });
      await db.exportJob.updateMany({
        where: { id: job.id, workspaceId },
        data: { filePath: null },
      });
    }
  }
  return expired.length;
}
