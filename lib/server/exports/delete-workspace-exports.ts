import "server-only";

import { rm } from "node:fs/promises";

import { db } from "@/lib/db/client";
import { exportDir } from "@/lib/server/exports/export-paths";
import { removeOwnedObjects } from "@/lib/server/storage/remove-owned-objects";

/**
 * Removes every export bundle of a workspace (for its deletion) through export storage, so every
 * driver is covered, and the bundles of the layout before object storage (files named by
 * filePath, and the workspace's old export folder with any partial file). Idempotent: run again,
 * it finds less to remove. The rows go with the workspace. Returns how many bundles went.
 */
export async function deleteWorkspaceExports(workspaceId: string): Promise<number> {
  const stored = await removeOwnedObjects({
    area: "EXPORTS",
    next: (take) =>
      db.exportJob.findMany({
        where: { workspaceId, storageKey: { not: null } },
        select: { id: true, storageKey: true },
        take,
      }),
    clear: (tx, ids) =>
      tx.exportJob.updateMany({
        where: { workspaceId, id: { in: ids } },
        data: { storageKey: null },
      }),
  });
  const legacy = await db.exportJob.findMany({
    where: { workspaceId, filePath: { not: null } },
    select: { id: true, filePath: true },
  });
  for (const job of legacy) {
    if (job.filePath) await rm(job.filePath, { force: true });
    await db.exportJob.updateMany({
      where: { id: job.id, workspaceId },
      data: { filePath: null },
    });
  }
  await rm(exportDir(workspaceId), { recursive: true, force: true });
  return stored + legacy.length;
}
