import "server-only";

import { randomUUID } from "node:crypto";

import { can, type Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import type { BundleScope } from "@/lib/export-bundle/manifest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { exportBundleJob } from "@/lib/server/exports/export-bundle-job";
import { toExportJobView } from "@/lib/server/exports/export-job-view";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { jobQueue, wakeWorkers } from "@/lib/server/jobs/job-queue";
import type { ExportScope } from "@/lib/validation/exports";

// Several queued exports per workspace are pointless (each one is the whole bundle) and would let
// one tenant occupy the workers; a few in flight is plenty.
const MAX_ACTIVE_PER_WORKSPACE = 3;

/**
 * Queues an export: the row and its job are written in one transaction, so a crash between the two
 * cannot leave a row nobody builds (or a job without its row). Any process's workers may take it.
 * The role check repeats the action/API check so this service is safe on its own (the CLI and
 * tests call it directly).
 */
export async function startExport(input: {
  workspaceId: string;
  role: Role | string;
  actor: AuditActor;
  requestedById: string | null;
  scope: ExportScope;
}) {
  if (!can(input.role, "export.create"))
    throw new ForbiddenError("Your role does not allow exports.");
  if (input.scope.systemIds) {
    const found = await db.aiSystem.count({
      where: { workspaceId: input.workspaceId, id: { in: input.scope.systemIds } },
    });
    if (found !== input.scope.systemIds.length) {
      throw ValidationError.forField(
        "systemIds",
        "One of the chosen AI systems does not exist in this workspace.",
      );
    }
  }
  const scope: BundleScope = {
    ...(input.scope.systemIds ? { systemIds: input.scope.systemIds } : {}),
    ...(input.scope.domainKeys ? { domainKeys: input.scope.domainKeys } : {}),
    ...(input.scope.from ? { from: input.scope.from } : {}),
    ...(input.scope.to ? { to: input.scope.to } : {}),
    includeFiles: input.scope.includeFiles,
  };
  // Started before the transaction: starting needs connections the embedded database holds back
  // while a transaction is open.
  await jobQueue();
  const job = await workspaceTransaction(input.workspaceId, "startExport", async (tx) => {
    const active = await tx.exportJob.count({
      where: { workspaceId: input.workspaceId, status: { in: ["QUEUED", "RUNNING"] } },
    });
    if (active >= MAX_ACTIVE_PER_WORKSPACE) {
      throw new ValidationError(
        `${active} exports are already waiting or running. Wait for one to finish or cancel it.`,
      );
    }
    const queueJobId = randomUUID();
    const created = await tx.exportJob.create({
      data: {
        workspaceId: input.workspaceId,
        scope: scope as Prisma.InputJsonValue,
        includeFiles: scope.includeFiles,
        requestedById: input.requestedById,
        requestedByLabel: input.actor.label,
        queueJobId,
      },
    });
    await enqueueJob(
      exportBundleJob,
      { workspaceId: input.workspaceId, exportId: created.id },
      { tx, id: queueJobId },
    );
    await recordAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: "export.create",
      entityType: "ExportJob",
      entityId: created.id,
      diff: { scope },
    });
    return created;
  });
  wakeWorkers(exportBundleJob.name);
  return toExportJobView(job);
}
