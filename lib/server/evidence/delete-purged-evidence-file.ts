import "server-only";

import { db } from "@/lib/db/client";
import { evidenceStorage } from "@/lib/storage/evidence-storage";
import type { ObjectStorage } from "@/lib/storage/storage";

/**
 * Removes the stored file of a purged item, then forgets its key (in that order, so the row names
 * the file until it is gone and a failed deletion is retried, never forgotten). Idempotent: a
 * second run finds no key, or deletes an object that is already gone.
 * Returns whether a file was deleted.
 */
export async function deletePurgedEvidenceFile({
  workspaceId,
  evidenceId,
  storage = evidenceStorage(),
}: {
  workspaceId: string;
  evidenceId: string;
  storage?: ObjectStorage;
}): Promise<boolean> {
  const item = await db.evidence.findFirst({
    where: { id: evidenceId, workspaceId, purgedAt: { not: null } },
    select: { storageKey: true },
  });
  if (!item?.storageKey) return false;
  await storage.delete(item.storageKey);
  await db.evidence.updateMany({
    where: { id: evidenceId, workspaceId, storageKey: item.storageKey },
    data: { storageKey: null },
  });
  return true;
}
