import "server-only";

import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { deleteWorkspaceEvidenceFiles } from "@/lib/server/evidence/delete-workspace-evidence-files";
import { deleteWorkspaceExports } from "@/lib/server/exports/delete-workspace-exports";
import { deleteWorkspaceJobs } from "@/lib/server/jobs/delete-workspace-jobs";
import { deleteWorkspaceReports } from "@/lib/server/reports/delete-workspace-reports";

const BATCH = 200;

export type PurgeResult = {
  evidenceFiles: number;
  exportBundles: number;
  reports: number;
  queueJobs: number;
  systems: number;
  evidence: number;
  auditEvents: number;
};

/**
 * Removes everything of a workspace whose owner deleted it (request-workspace-deletion.ts marked
 * it, so nobody reaches it meanwhile). Run by the workspace-purge job (sent with the deletion, and
 * again by the scheduled sweep for a workspace still marked):
 * 1. its jobs waiting in the queue, so none runs against a vanishing workspace;
 * 2. every stored object, through the configured storage driver: evidence files (revisions,
 *    deleted and purged items included), export bundles, PDF reports; each key goes to the
 *    pending-objects ledger in the transaction that clears it, so an unreachable store leaves the
 *    deletion to the storage sweep instead of an object nobody owns;
 * 3. the rows, in batches so a large workspace never holds one huge transaction, then the
 *    workspace row, whose foreign keys take every other table holding a workspaceId (members,
 *    invitations, tokens, audit events, frameworks, crosswalks, vendors, answers, duties, archived
 *    parts, evidence links, snapshots, export, report and failed-job rows). Sessions belong to
 *    users, not workspaces, and stay.
 * Every step is idempotent: run again after a crash, it only finds less to remove. The
 * DeletedWorkspace record stays, with the counts.
 */
export async function purgeDeletedWorkspace({
  workspaceId,
}: {
  workspaceId: string;
}): Promise<PurgeResult | null> {
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { deletionRequestedAt: true },
  });
  // Gone already (a retry after the last step) or never marked: nothing to do.
  if (!workspace?.deletionRequestedAt) return null;
  const result: PurgeResult = {
    queueJobs: await deleteWorkspaceJobs(workspaceId),
    evidenceFiles: await deleteWorkspaceEvidenceFiles(workspaceId),
    exportBundles: await deleteWorkspaceExports(workspaceId),
    reports: await deleteWorkspaceReports(workspaceId),
    systems: 0,
    evidence: 0,
    auditEvents: await db.auditEvent.count({ where: { workspaceId } }),
  };

  // Systems first: they reference framework versions (which the workspace's imported frameworks
  // own). Their stored coverage rows have no foreign key and go by workspace.
  result.systems = await deleteInBatches(
    (ids) => db.aiSystem.deleteMany({ where: { workspaceId, id: { in: ids } } }),
    (take) => db.aiSystem.findMany({ where: { workspaceId }, select: { id: true }, take }),
  );
  await db.systemCoverage.deleteMany({ where: { workspaceId } });
  // Revision chains point at older items: unlink them before deleting.
  await db.evidence.updateMany({ where: { workspaceId }, data: { supersedesId: null } });
  result.evidence = await deleteInBatches(
    (ids) => db.evidence.deleteMany({ where: { workspaceId, id: { in: ids } } }),
    (take) => db.evidence.findMany({ where: { workspaceId }, select: { id: true }, take }),
  );

  // The workspace row; cascades take what is left. The record outside it gets the counts.
  await workspaceTransaction(workspaceId, "purgeDeletedWorkspace", async (tx) => {
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
