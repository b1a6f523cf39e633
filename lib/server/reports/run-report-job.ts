import "server-only";

import { Readable } from "node:stream";

import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { renderReportPdf } from "@/lib/report-pdf/render-report-pdf";
import { collectReportData } from "@/lib/server/report/collect-report-data";
import { REPORT_MAX_BYTES, reportStorage } from "@/lib/storage/report-storage";
import { newObjectKey, type ObjectStorage } from "@/lib/storage/storage";

/** Finished reports kept per workspace; older ones (rows and files) go when a new one is done. */
export const REPORTS_KEPT = 10;

export const UNEXPECTED_REPORT_FAILURE =
  "The report could not be made. Try again, and tell an administrator if it fails again.";

/**
 * One attempt of a report job (the queue calls it; see report-pdf-job.ts). The claim takes a
 * QUEUED report, or a RUNNING one held by an earlier attempt whose process died; DONE, FAILED and
 * the hand-back only land while this attempt holds it. The PDF is stored first and recorded
 * second: if recording fails (the claim was lost), the stored file is deleted again.
 */
export async function runReportJob({
  reportId,
  workspaceId,
  attempt = 0,
  finalAttempt = true,
  signal,
  storage = reportStorage(),
  now,
}: {
  reportId: string;
  workspaceId: string;
  attempt?: number;
  finalAttempt?: boolean;
  signal?: AbortSignal;
  storage?: ObjectStorage;
  now?: Date;
}): Promise<void> {
  const startedAt = now ?? new Date();
  const claimed = await db.reportJob.updateMany({
    where: {
      id: reportId,
      workspaceId,
      OR: [{ status: "QUEUED" }, { status: "RUNNING", attempt: { lt: attempt } }],
    },
    data: { status: "RUNNING", attempt, startedAt, error: null },
  });
  if (claimed.count !== 1) return;
  const held = { id: reportId, workspaceId, status: "RUNNING" as const, attempt };
  const row = await db.reportJob.findFirstOrThrow({ where: { id: reportId, workspaceId } });
  let storedKey: string | null = null;
  try {
    const data = await collectReportData({
      workspaceId,
      generatedBy: row.requestedByLabel,
      now: startedAt,
    });
    if (signal?.aborted) throw signal.reason ?? new Error("The job was stopped.");
    const pdf = await renderReportPdf(data);
    const stored = await storage.put(newObjectKey(), Readable.from([pdf]), {
      maxBytes: REPORT_MAX_BYTES,
    });
    storedKey = stored.key;
    const done = await db.reportJob.updateMany({
      where: held,
      data: {
        status: "DONE",
        storageKey: stored.key,
        sizeBytes: stored.size,
        sha256: stored.sha256,
        finishedAt: new Date(),
      },
    });
    if (done.count !== 1) {
      await storage.delete(stored.key);
      return;
    }
    await pruneOldReports({ workspaceId, storage });
  } catch (error) {
    if (storedKey) await storage.delete(storedKey).catch(() => undefined);
    const stopped = signal?.aborted === true;
    const expected = error instanceof AppError;
    if (!stopped && !expected) {
      logger.error({ err: error, reportId, workspaceId, attempt }, "report failed");
    }
    await db.reportJob.updateMany({
      where: held,
      data:
        expected || (finalAttempt && !stopped)
          ? {
              status: "FAILED",
              finishedAt: new Date(),
              error: expected ? error.message : UNEXPECTED_REPORT_FAILURE,
            }
          : { status: "QUEUED" },
    });
    throw error;
  }
}

/** The report job failed for good outside its handler (its process died on the last attempt). */
export async function failReportJob(input: {
  reportId: string;
  workspaceId: string;
  reason: string;
}): Promise<boolean> {
  const failed = await db.reportJob.updateMany({
    where: {
      id: input.reportId,
      workspaceId: input.workspaceId,
      status: { in: ["QUEUED", "RUNNING"] },
    },
    data: { status: "FAILED", finishedAt: new Date(), error: `${input.reason} Try again.` },
  });
  return failed.count === 1;
}

/** Keeps the newest REPORTS_KEPT finished reports of a workspace; deletes the files, then rows. */
async function pruneOldReports(input: { workspaceId: string; storage: ObjectStorage }) {
  const old = await db.reportJob.findMany({
    where: { workspaceId: input.workspaceId, status: "DONE" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: REPORTS_KEPT,
    select: { id: true, storageKey: true },
  });
  for (const report of old) {
    if (report.storageKey) await input.storage.delete(report.storageKey);
    await db.reportJob.deleteMany({ where: { id: report.id, workspaceId: input.workspaceId } });
  }
}
