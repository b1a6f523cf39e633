import "server-only";

import { db } from "@/lib/db/client";
import { removeOwnedObjects } from "@/lib/server/storage/remove-owned-objects";

/**
 * Removes every PDF report of a workspace (for its deletion) through report storage; the rows go
 * with the workspace. Idempotent. Returns how many PDFs went.
 */
export function deleteWorkspaceReports(workspaceId: string): Promise<number> {
  return removeOwnedObjects({
    area: "REPORTS",
    next: (take) =>
      db.reportJob.findMany({
        where: { workspaceId, storageKey: { not: null } },
        select: { id: true, storageKey: true },
        take,
      }),
    clear: (tx, ids) =>
      tx.reportJob.updateMany({
        where: { workspaceId, id: { in: ids } },
        data: { storageKey: null },
      }),
  });
}
