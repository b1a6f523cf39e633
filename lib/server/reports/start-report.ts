import "server-only";

import { randomUUID } from "node:crypto";

import { can } from "@/lib/auth/permissions";
import { workspaceTransaction } from "@/lib/db/transaction";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { jobQueue, wakeWorkers } from "@/lib/server/jobs/job-queue";
import { reportPdfJob } from "@/lib/server/reports/report-pdf-job";
import { type ReportJobView, toReportJobView } from "@/lib/server/reports/report-view";

// One report is the whole workspace; two in flight are plenty and keep one tenant from holding
// the workers.
const MAX_ACTIVE_PER_WORKSPACE = 2;

/**
 * Queues a PDF report of the workspace: the row, its queue job and the audit event are written in
 * one transaction, so a crash cannot leave a row nobody renders. Any process's workers render it
 * (lib/server/reports/run-report-job.ts); large workspaces never tie up a web request.
 */
export async function startReport(input: {
  workspaceId: string;
  role: string;
  actor: AuditActor;
  requestedById: string | null;
}): Promise<ReportJobView> {
  if (!can(input.role, "report.read")) {
    throw new ForbiddenError("Your role does not allow PDF reports.");
  }
  await jobQueue();
  const row = await workspaceTransaction(input.workspaceId, "startReport", async (tx) => {
    const active = await tx.reportJob.count({
      where: { workspaceId: input.workspaceId, status: { in: ["QUEUED", "RUNNING"] } },
    });
    if (active >= MAX_ACTIVE_PER_WORKSPACE) {
      throw new ValidationError(
        `${active} reports are already being made. Wait for one to finish.`,
      );
    }
    const queueJobId = randomUUID();
    const created = await tx.reportJob.create({
      data: {
        workspaceId: input.workspaceId,
        queueJobId,
        requestedById: input.requestedById,
        requestedByLabel: input.actor.label,
      },
    });
    await enqueueJob(
      reportPdfJob,
      { workspaceId: input.workspaceId, reportId: created.id },
      { tx, id: queueJobId },
    );
    await recordAuditEvent(tx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: "report.generate",
      entityType: "ReportJob",
      entityId: created.id,
      diff: { format: "pdf" },
    });
    return created;
  });
  wakeWorkers(reportPdfJob.name);
  return toReportJobView(row);
}
