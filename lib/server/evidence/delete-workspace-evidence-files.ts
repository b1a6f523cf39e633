import "server-only";

import { db } from "@/lib/db/client";
import { removeOwnedObjects } from "@/lib/server/storage/remove-owned-objects";

/**
 * Removes every stored evidence file of a workspace (for its deletion), revisions, soft-deleted
 * and purged items included, through evidence storage. The rows keep their names and hashes until
 * they go with the workspace. Idempotent. Returns how many files went.
 */
export function deleteWorkspaceEvidenceFiles(workspaceId: string): Promise<number> {
  return removeOwnedObjects({
    area: "EVIDENCE",
    next: (take) =>
      db.evidence.findMany({
        where: { workspaceId, storageKey: { not: null } },
        select: { id: true, storageKey: true },
        take,
      }),
    clear: (tx, ids) =>
      tx.evidence.updateMany({
        where: { workspaceId, id: { in: ids } },
        data: { storageKey: null },
      }),
  });
}
