import "server-only";

import { db } from "@/lib/db/client";
import { deletePurgedEvidenceFile } from "@/lib/server/evidence/delete-purged-evidence-file";

// A purged item's file is normally deleted within seconds by its own job (delete-evidence-file);
// one still there this long after the purge lost its job (deleted by hand, never sent).
export const LOST_PURGE_AFTER_MS = 60 * 60_000;
const BATCH = 500;

/**
 * Deletes the files of purged evidence whose deletion job was lost (a step of the storage sweep).
 * The row still owns its key until the file is gone, so the ledger invariant holds throughout.
 * Every workspace's rows, each deletion scoped by its own workspace id. Returns how many.
 */
export async function recoverLostPurges({ now = new Date() }: { now?: Date } = {}) {
  const purged = await db.evidence.findMany({
    where: {
      purgedAt: { lt: new Date(now.getTime() - LOST_PURGE_AFTER_MS) },
      storageKey: { not: null },
    },
    select: { id: true, workspaceId: true },
    take: BATCH,
  });
  let deleted = 0;
  for (const item of purged) {
    if (await deletePurgedEvidenceFile({ workspaceId: item.workspaceId, evidenceId: item.id })) {
      deleted += 1;
    }
  }
  return deleted;
}
