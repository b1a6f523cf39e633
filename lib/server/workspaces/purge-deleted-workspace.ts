import "server-only";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { deleteWorkspaceExports } from "@/lib/server/exports/delete-workspace-exports";
import { evidenceStorage } from "@/lib/storage/evidence-storage";
import type { ObjectStorage } from "@/lib/storage/storage";

const BATCH = 200;

export type PurgeResult = {
  evidenceFiles: number;
  exportBundles: number;
  systems: number;
  evidence: number;
  auditEvents: number;
};

/**
 * Removes everything of a workspace whose owner deleted it (request-workspace-deletion.ts marked
 * it, so nobody reaches it meanwhile): first the stored files, through the storage interface so
 * every driver is covered, then the rows, in batches, then the workspace row itself, whose
 * foreign keys take the rest (memberships, invitations, tokens, audit events, frameworks,
 * vendors, snapshots, export jobs). Every step is idempotent: run again after a crash, it only
 * finds less to remove, so it can be retried as a queue job (kind "workspace.purge").
 * The DeletedWorkspace record stays, with the counts.
 */
export async function purgeDeletedWorkspace({
  workspaceId,
  storage = evidenceStorage(),
}: {
  workspaceId: string;
  storage?: ObjectStorage;
}): Promise<PurgeResult | null> {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { deletionRequestedAt: true },
  });
  // Gone already (a retry after the last step) or never marked: nothing to do.
  if (!workspace?.deletionRequestedAt) return null;
  const result: PurgeResult = {
    evidenceFiles: 0,
    exportBundles: 0,
    systems: 0,
    evidence: 0,
    auditEvents: await db.auditEvent.count({ where: { workspaceId } }),
  };

  // 1. Files: every stored evidence file (revisions and soft-deleted items included).
  let cursor: string | undefined;
  for (;;) {
    const items = await db.evidence.findMany({
      where: { workspaceId, storageKey: { not: null } },
      select: { id: true, storageKey: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const item of items) {
      if (item.storageKey) await storage.delete(item.storageKey);
    }
    result.evidenceFiles += items.length;
    if (items.length < BATCH) break;
    cursor = items.at(-1)?.id;
  }
  result.exportBundles = await deleteWorkspaceExports(workspaceId);

  // 2. Rows, in batches so a large workspace never holds one huge transaction. Systems first:
  //    they reference framework versions (which the workspace's imported frameworks own).
  result.systems = await deleteInBatches(
    (ids) => db.aiSystem.deleteMany({ where: { workspaceId, id: { in: ids } } }),
    (take) => db.aiSystem.findMany({ where: { workspaceId }, select: { id: true }, take }),
  );
  // Revision chains point at older items: unlink them before deleting.
  await db.evidence.updateMany({ where: { workspaceId }, data: { supersedesId: null } });
  result.evidence = await deleteInBatches(
    (ids) => db.evidence.deleteMany({ where: { workspaceId, id: { in: ids } } }),
    (take) => db.evidence.findMany({ where: { workspaceId }, select: { id: true }, take }),
  );

  // 3. The workspace row; cascades take what is left. The record outside it gets the counts.
  await db.$transaction(async (tx) => {
    await tx.workspace.deleteMany({ where: { id: workspaceId } });
    await tx.deletedWorkspace.updateMany({
      where: { workspaceId },
      data: { purgedAt: new Date(), removed: result as unknown as Prisma.InputJsonValue },
    });
  });
  logger.info({ workspaceId, ...result }, "deleted workspace purged");
  return result;
}

async function deleteInBatches(
  remove: (ids: string[]) => Promise<{ count: number }>,
  next: (take: number) => Promise<{ id: string }[]>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await next(BATCH);
    if (rows.length === 0) return total;
    total += (await remove(rows.map((row) => row.id))).count;
  }
}
