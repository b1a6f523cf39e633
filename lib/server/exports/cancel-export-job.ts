import "server-only";

import { can } from "@/lib/auth/permissions";
import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { toExportJobView } from "@/lib/server/exports/export-job-view";

/**
 * Cancels an export. A queued job is cancelled at once; a running one gets cancelRequestedAt and
 * the worker stops at its next check between files, deleting the partial file. Cancelling a job
 * that already ended is a conflict, not a silent no-op, so the page can say why. Members cancel
 * their own exports; cancelling another member's needs export.cancelAny (owners and admins), so
 * an auditor cannot stop a colleague's evidence bundle.
 */
export async function cancelExportJob({
  workspaceId,
  exportId,
  actor,
  actorUserId,
  role,
}: {
  workspaceId: string;
  exportId: string;
  actor: AuditActor;
  actorUserId: string;
  role: Role;
}) {
  return workspaceTransaction(workspaceId, "cancelExportJob", async (tx) => {
    const job = await tx.exportJob.findFirst({ where: { id: exportId, workspaceId } });
    if (!job) throw new NotFoundError("Export not found.");
    if (job.requestedById !== actorUserId && !can(role, "export.cancelAny")) {
      throw new ForbiddenError(
        "Only the member who started this export, or an admin, can cancel it.",
      );
    }
    if (job.status !== "QUEUED" && job.status !== "RUNNING") {
      throw new ConflictError(`This export has already ended (${job.status.toLowerCase()}).`);
    }
    const now = new Date();
    // Conditional on the status read above: if the worker claimed the job meanwhile, the second
    // update marks the running job instead.
    const queued = await tx.exportJob.updateMany({
      where: { id: exportId, workspaceId, status: "QUEUED" },
      data: { status: "CANCELLED", cancelRequestedAt: now, finishedAt: now },
    });
    if (queued.count === 0) {
      await tx.exportJob.updateMany({
        where: { id: exportId, workspaceId, status: "RUNNING" },
        data: { cancelRequestedAt: now },
      });
    }
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "export.cancel",
      entityType: "ExportJob",
      entityId: exportId,
    });
    return toExportJobView(
      await tx.exportJob.findFirstOrThrow({ where: { id: exportId, workspaceId } }),
    );
  });
}
