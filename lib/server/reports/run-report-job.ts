import "server-only";

import { Readable } from "node:stream";

import { db } from "@/lib/db/client";
import { retryingTransaction } from "@/lib/db/transaction";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { renderReportPdf } from "@/lib/report-pdf/render-report-pdf";
import { notifyExportReady } from "@/lib/server/notifications/notify-export-ready";
import { collectReportData } from "@/lib/server/report/collect-report-data";
import { deleteReport } from "@/lib/server/reports/delete-report";
import { adoptObject, discardObject, writeObject } from "@/lib/server/storage/pending-objects";
import { REPORT_MAX_BYTES, reportStorage } from "@/lib/storage/report-storage";
import type { ObjectStorage, StoredObject } from "@/lib/storage/storage";

/** Finished reports kept per workspace; older ones (rows and files) go when a new one is done. */
export const REPORTS_KEPT = 10;

export const UNEXPECTED_REPORT_FAILURE =
  "The report could not be made. Try again, and tell an administrator if it fails again.";

/**
 * One attempt of a report job (the queue calls it; see report-pdf-job.ts). The claim takes a
 * QUEUED report, or a RUNNING one held by an earlier attempt whose process died; DONE, FAILED and
 * the hand-back only land while this attempt holds it. Each attempt writes its own PDF object
 * under a pending-objects entry; recording it DONE adopts the entry, and if recording fails (the
 * claim was lost) the PDF is deleted again, so no PDF outlives its row and no row points at none.
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
  try {
    const data = await collectReportData({
      workspaceId,
      generatedBy: row.requestedByLabel,
      now: startedAt,
    });
    if (signal?.aborted) throw signal.reason ?? new Error("The job was stopped.");
    const pdf = await renderReportPdf(data);
    // Under a pending-objects entry until the DONE update adopts it: a crash in between leaves the
    // PDF to the storage sweep, and a lost claim deletes it again (recordReportFile).
    const stored = await writeObject({
      area: "REPORTS",
      source: Readable.from([pdf]),
      maxBytes: REPORT_MAX_BYTES,
      storage,
    });
    const recorded = await recordReportFile({
      where: held,
      stored,
      storage,
      requestedById: row.requestedById,
    });
    if (!recorded) return;
    await pruneOldReports({ workspaceId, storage });
  } catch (error) {
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

/**
 * DONE with its PDF, in one transaction with the adoption of the PDF's ledger entry, only while
 * `where` still holds the claim; otherwise (or if the transaction fails) the PDF is deleted again.
 */
async function recordReportFile(input: {
  where: { id: string; workspaceId: string; status: "RUNNING"; attempt: number };
  stored: StoredObject;
  storage: ObjectStorage;
  requestedById: string | null;
}): Promise<boolean> {
  const { key, size, sha256 } = input.stored;
  let recorded = false;
  try {
    // The PDF is stored already; only the row and the ledger change here, so a re-run after
    // a deadlock is safe. The PDF is deleted (finally) only if no attempt recorded it.
    recorded = await retryingTransaction("recordReportFile", async (tx) => {
      const done = await tx.reportJob.updateMany({
        where: input.where,
        data: {
          status: "DONE",
          storageKey: key,
          sizeBytes: size,
          sha256,
          finishedAt: new Date(),
        },
      });
      if (done.count !== 1) return false;
      await adoptObject(tx, { area: "REPORTS", key });
      await notifyExportReady(tx, {
        workspaceId: input.where.workspaceId,
        kind: "report",
        id: input.where.id,
        requestedById: input.requestedById,
      });
      return true;
    });
  } finally {
    if (!recorded) await discardObject({ area: "REPORTS", key, storage: input.storage });
  }
  return recorded;
}

/** Keeps the newest REPORTS_KEPT finished reports of a workspace; older ones go, PDF and row. */
async function pruneOldReports(input: { workspaceId: string; storage: ObjectStorage }) {
  const old = await db.reportJob.findMany({
    where: { workspaceId: input.workspaceId, status: "DONE" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: REPORTS_KEPT,
    select: { id: true },
  });
  for (const report of old) {
    await deleteReport({
      workspaceId: input.workspaceId,
      reportId: report.id,
      storage: input.storage,
    });
  }
}
