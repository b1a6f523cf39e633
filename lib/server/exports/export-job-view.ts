import "server-only";

import type { ExportJob } from "@/lib/generated/prisma/client";
import type { BundleScope } from "@/lib/export-bundle/manifest";

/**
 * An export job as the page, the status route and the API show it. `state` adds EXPIRED (a done
 * job past its retention; the purge job deletes the bundle shortly after) to the stored status,
 * and the file path never leaves the server.
 */
export type ExportJobView = {
  id: string;
  status: ExportJob["status"];
  state: ExportJob["status"] | "EXPIRED";
  progress: number;
  scope: BundleScope;
  requestedBy: string;
  sizeBytes: number | null;
  sha256: string | null;
  error: string | null;
  cancelRequested: boolean;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  expiresAt: string | null;
  downloadable: boolean;
};

export function toExportJobView(job: ExportJob, now = new Date()): ExportJobView {
  const expired = job.status === "DONE" && (job.filePath === null || isPastRetention(job, now));
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
