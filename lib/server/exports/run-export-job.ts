import "server-only";

import { rm } from "node:fs/promises";
import os from "node:os";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { BundleScope } from "@/lib/export-bundle/manifest";
import { buildBundle, ExportCancelledError } from "@/lib/server/exports/build-bundle";
import { exportFilePath } from "@/lib/server/exports/export-paths";
import { logger } from "@/lib/log/logger";

const DAY_MS = 24 * 60 * 60 * 1000;
// Progress writes and claim checks are throttled: a bundle of 10,000 small files would otherwise
// spend more time talking to the database than zipping.
const POLL_MS = 400;
const RUNNER = `${os.hostname()}:${process.pid}`;

export const UNEXPECTED_EXPORT_FAILURE =
  "The export failed unexpectedly. Nothing was kept; try again, and tell an administrator if it fails again.";

/** The attempt no longer holds the export: a later attempt took it over, or it ended meanwhile. */
class ClaimLostError extends Error {}

/**
 * Runs one attempt of an export job (the job queue calls it; see export-bundle-job.ts). Every state
 * change is a conditional update, so any number of processes and retries give one outcome:
 * - the claim takes a QUEUED export, or a RUNNING one held by an earlier attempt (whose process
 *   died or stalled), and records this attempt; an export in any other state is left alone;
 * - progress, the final DONE and CANCELLED only land while this attempt still holds the claim,
 *   and each attempt writes its own file, so a stale attempt can neither finish nor corrupt it;
 * - stopped by the queue (shutdown, time limit), the attempt hands the export back (QUEUED) for
 *   the retry; a failure that a retry may cure hands it back too, unless this was the last attempt
 *   (then FAILED); a failure meant for people (AppError) is FAILED at once.
 * Throws when the queue should count the attempt as failed (and retry it, or give up).
 */
export async function runExportJob({
  jobId,
  workspaceId,
  attempt = 0,
  finalAttempt = true,
  signal,
}: {
  jobId: string;
  workspaceId: string;
  attempt?: number;
  finalAttempt?: boolean;
  signal?: AbortSignal;
}): Promise<void> {
  const startedAt = new Date();
  const held = { id: jobId, workspaceId, status: "RUNNING" as const, attempt };
  const claimed = await db.exportJob.updateMany({
    where: {
      id: jobId,
      workspaceId,
      OR: [{ status: "QUEUED" }, { status: "RUNNING", attempt: { lt: attempt } }],
    },
    data: { status: "RUNNING", attempt, claimedBy: RUNNER, startedAt, progress: 0, error: null },
  });
  if (claimed.count !== 1) return;
  // Partial files of earlier attempts are dead: their attempts lost the claim just now.
  for (let earlier = 0; earlier < attempt; earlier += 1) {
    await removeFile(`${exportFilePath(workspaceId, jobId, earlier)}.partial`);
  }
  const job = await db.exportJob.findFirstOrThrow({ where: { id: jobId, workspaceId } });
  const outputPath = exportFilePath(workspaceId, jobId, attempt);
  const removeFiles = async () => {
    await removeFile(outputPath);
    await removeFile(`${outputPath}.partial`);
  };

  let lastWrite = 0;
  let lastProgress = 0;
  let lastCheck = 0;
  try {
    const result = await buildBundle({
      workspaceId,
      scope: job.scope as BundleScope,
      generatedBy: job.requestedByLabel,
      outputPath,
      now: startedAt,
      hooks: {
        onProgress: async (percent) => {
          const value = Math.min(99, Math.max(lastProgress, percent));
          if (value === lastProgress || Date.now() - lastWrite < POLL_MS) return;
          lastProgress = value;
          lastWrite = Date.now();
          await db.exportJob.updateMany({ where: held, data: { progress: value } });
        },
        isCancelled: async () => {
          if (signal?.aborted) throw signal.reason ?? new Error("The job was stopped.");
          if (Date.now() - lastCheck < POLL_MS) return false;
          lastCheck = Date.now();
          const row = await db.exportJob.findFirst({
            where: { id: jobId, workspaceId },
            select: { cancelRequestedAt: true, status: true, attempt: true },
          });
          if (!row || row.status !== "RUNNING" || row.attempt !== attempt)
            throw new ClaimLostError();
          return row.cancelRequestedAt !== null;
        },
      },
    });
    const finishedAt = new Date();
    const done = await db.exportJob.updateMany({
      where: held,
      data: {
        status: "DONE",
        progress: 100,
        filePath: outputPath,
        sizeBytes: result.bytes,
        sha256: result.sha256,
        finishedAt,
        expiresAt: new Date(finishedAt.getTime() + env().EXPORT_RETENTION_DAYS * DAY_MS),
      },
    });
    if (done.count !== 1) await removeFiles();
  } catch (error) {
    await removeFiles();
    if (error instanceof ClaimLostError) return;
    if (error instanceof ExportCancelledError) {
      await db.exportJob.updateMany({
        where: held,
        data: { status: "CANCELLED", finishedAt: new Date(), error: null },
      });
      return;
    }
    const stopped = signal?.aborted === true;
    const expected = error instanceof AppError;
    if (!stopped && !expected)
      logger.error({ err: error, jobId, workspaceId, attempt }, "export failed");
    if (expected || (finalAttempt && !stopped)) {
      await db.exportJob.updateMany({
        where: held,
        data: {
          status: "FAILED",
          finishedAt: new Date(),
          error: expected ? error.message : UNEXPECTED_EXPORT_FAILURE,
        },
      });
    } else {
      // Back to the queue: the retry claims it again (here or in another process).
      await db.exportJob.updateMany({
        where: held,
        data: { status: "QUEUED", progress: 0, claimedBy: null },
      });
    }
    throw error;
  }
}

/**
 * The export's job failed for good without its handler saying so (its process died on the last
 * attempt, it ran past its time limit): the export ends FAILED with the reason, its files gone.
 */
export async function failExportJob({
  jobId,
  workspaceId,
  reason,
}: {
  jobId: string;
  workspaceId: string;
  reason: string;
}): Promise<boolean> {
  const row = await db.exportJob.findFirst({
    where: { id: jobId, workspaceId },
    select: { attempt: true },
  });
  if (!row) return false;
  const failed = await db.exportJob.updateMany({
    where: { id: jobId, workspaceId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", finishedAt: new Date(), error: `${reason} Start the export again.` },
  });
  for (let attempt = 0; attempt <= row.attempt; attempt += 1) {
    await removeFile(`${exportFilePath(workspaceId, jobId, attempt)}.partial`);
  }
  return failed.count === 1;
}

/**
 * Cleanup never stands in the way of an export's state change: a file that cannot be removed now
 * (the disk is failing, the folder is gone) is left to the temporary-file sweep.
 */
async function removeFile(filePath: string): Promise<void> {
  await rm(filePath, { force: true }).catch((error: unknown) =>
    logger.warn({ err: error, filePath }, "export file not removed; the sweep will retry"),
  );
}
