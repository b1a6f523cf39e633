import "server-only";

import type { BundleScope } from "@/lib/export-bundle/manifest";
import type { ExportJob } from "@/lib/generated/prisma/client";
import type { ExportJobView } from "@/lib/view/exports/export-job";

export function toExportJobView(job: ExportJob, now = new Date()): ExportJobView {
  // A bundle lives in storage (storageKey) or, if built before object storage, at filePath.
  const hasBundle = job.storageKey !== null || job.filePath !== null;
  const expired = job.status === "DONE" && (!hasBundle || isPastRetention(job, now));
  return {
    id: job.id,
    status: job.status,
    state: expired ? "EXPIRED" : job.status,
    progress: job.progress,
    scope: job.scope as BundleScope,
    requestedBy: job.requestedByLabel,
    sizeBytes: job.sizeBytes === null ? null : Number(job.sizeBytes),
    sha256: job.sha256,
    error: job.error,
    cancelRequested: job.cancelRequestedAt !== null,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    expiresAt: job.expiresAt?.toISOString() ?? null,
    downloadable: job.status === "DONE" && !expired,
  };
}

export function isPastRetention(job: Pick<ExportJob, "expiresAt">, now = new Date()): boolean {
  return job.expiresAt !== null && job.expiresAt < now;
}

export function isActiveJob(job: Pick<ExportJob, "status">): boolean {
  return job.status === "QUEUED" || job.status === "RUNNING";
}
