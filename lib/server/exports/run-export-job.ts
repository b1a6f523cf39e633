import "server-only";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { BundleScope } from "@/lib/export-bundle/manifest";
import { buildBundle, ExportCancelledError } from "@/lib/server/exports/build-bundle";
import { recordExportBundle } from "@/lib/server/exports/record-export-bundle";
import { logger } from "@/lib/log/logger";

const DAY_MS = 24 * 60 * 60 * 1000;
// Progress writes and cancellation reads are throttled: a bundle of 10,000 small files would
// otherwise spend more time talking to the database than zipping.
const POLL_MS = 400;

/**
 * Runs one queued job to its end state. The claim (QUEUED → RUNNING) is a conditional update, so
 * two workers can never run the same job. Every outcome is written back: DONE with the bundle's
 * storage key, size and hash, CANCELLED or FAILED with nothing left in storage.
 */
export async function runExportJob({
  jobId,
  workspaceId,
}: {
  jobId: string;
  workspaceId: string;
}): Promise<void> {
  const startedAt = new Date();
  const claimed = await db.exportJob.updateMany({
    where: { id: jobId, workspaceId, status: "QUEUED" },
    data: { status: "RUNNING", startedAt, progress: 0 },
  });
  if (claimed.count !== 1) return;
  const job = await db.exportJob.findFirstOrThrow({ where: { id: jobId, workspaceId } });

  let lastWrite = 0;
  let lastProgress = 0;
  let lastCancelCheck = 0;
  try {
    const result = await buildBundle({
      workspaceId,
      scope: job.scope as BundleScope,
      generatedBy: job.requestedByLabel,
      now: startedAt,
      hooks: {
        onProgress: async (percent) => {
          const value = Math.min(99, Math.max(lastProgress, percent));
          if (value === lastProgress || Date.now() - lastWrite < POLL_MS) return;
          lastProgress = value;
          lastWrite = Date.now();
          await db.exportJob.updateMany({
            where: { id: jobId, workspaceId, status: "RUNNING" },
            data: { progress: value },
          });
        },
        isCancelled: async () => {
          if (Date.now() - lastCancelCheck < POLL_MS) return false;
          lastCancelCheck = Date.now();
          const row = await db.exportJob.findFirst({
            where: { id: jobId, workspaceId },
            select: { cancelRequestedAt: true },
          });
          return !row || row.cancelRequestedAt !== null;
        },
      },
    });
    const finishedAt = new Date();
    await recordExportBundle({
      jobId,
      workspaceId,
      storageKey: result.storageKey ?? "",
      data: {
        status: "DONE",
        progress: 100,
        sizeBytes: result.bytes,
        sha256: result.sha256,
        finishedAt,
        expiresAt: new Date(finishedAt.getTime() + env().EXPORT_RETENTION_DAYS * DAY_MS),
      },
    });
  } catch (error) {
    // buildBundle and recordExportBundle leave nothing in storage when they fail.
    const cancelled = error instanceof ExportCancelledError;
    if (!cancelled) logger.error({ err: error, jobId, workspaceId }, "export failed");
    await db.exportJob.updateMany({
      where: { id: jobId, workspaceId },
      data: {
        status: cancelled ? "CANCELLED" : "FAILED",
        finishedAt: new Date(),
        error: cancelled ? null : failureMessage(error),
      },
    });
  }
}

function failureMessage(error: unknown): string {
  // Expected errors carry a message meant for users; anything else stays in the server log.
  if (error instanceof AppError) return error.message;
  return "The export failed unexpectedly. Nothing was kept; try again, and tell an administrator if it fails again.";
}
