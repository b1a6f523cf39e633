import "server-only";

import os from "node:os";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { BundleScope } from "@/lib/export-bundle/manifest";
import { logger } from "@/lib/log/logger";
import { buildBundle, ExportCancelledError } from "@/lib/server/exports/build-bundle";
import { recordExportBundle } from "@/lib/server/exports/record-export-bundle";
import { notifyExportReady } from "@/lib/server/notifications/notify-export-ready";

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
 *   and each attempt writes its own object in export storage (under a pending-objects entry until
 *   the DONE update adopts it), so a stale attempt can neither finish nor corrupt it, and what a
 *   dead attempt wrote is removed by the storage sweep;
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
  const job = await db.exportJob.findFirstOrThrow({ where: { id: jobId, workspaceId } });

  let lastWrite = 0;
  let lastProgress = 0;
  let lastCheck = 0;
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
    // Only while this attempt holds the claim; otherwise the bundle is deleted again.
    await recordExportBundle({
      where: held,
      storageKey: result.storageKey ?? "",
      data: {
        status: "DONE",
        progress: 100,
        sizeBytes: result.bytes,
        sha256: result.sha256,
        finishedAt,
        expiresAt: new Date(finishedAt.getTime() + env().EXPORT_RETENTION_DAYS * DAY_MS),
      },
      onRecorded: (tx) =>
        notifyExportReady(tx, {
          workspaceId,
          kind: "export",
          id: jobId,
          requestedById: job.requestedById,
        }),
    });
  } catch (error) {
    // buildBundle and recordExportBundle leave nothing in storage when they fail.
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
 * attempt, it ran past its time limit): the export ends FAILED with the reason. What its attempts
 * wrote to storage has pending-objects entries the storage sweep removes.
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
  const failed = await db.exportJob.updateMany({
    where: { id: jobId, workspaceId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", finishedAt: new Date(), error: `${reason} Start the export again.` },
  });
  return failed.count === 1;
}
