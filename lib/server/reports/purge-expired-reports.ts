import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { DEFAULT_POLICY, defineJobKind } from "@/lib/server/jobs/job-kind";
import { deleteReport } from "@/lib/server/reports/delete-report";

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

/**
 * Deletes the reports (row and PDF) that finished more than EXPORT_RETENTION_DAYS ago, every
 * workspace's; the same retention as export bundles. Returns how many were deleted.
 */
export async function purgeExpiredReports({ now = new Date() }: { now?: Date } = {}) {
  const cutoff = new Date(now.getTime() - env().EXPORT_RETENTION_DAYS * DAY_MS);
  let deleted = 0;
  for (;;) {
    const expired = await db.reportJob.findMany({
      where: { status: { in: ["DONE", "FAILED", "CANCELLED"] }, finishedAt: { lt: cutoff } },
      select: { id: true, workspaceId: true },
      take: BATCH,
    });
    for (const report of expired) {
      if (await deleteReport({ workspaceId: report.workspaceId, reportId: report.id })) {
        deleted += 1;
      }
    }
    if (expired.length < BATCH) return deleted;
  }
}

/**
 * Retention of PDF reports, hourly (next to the export bundles' purge). Idempotent: a second run
 * or a retry finds nothing more to delete.
 */
export const purgeExpiredReportsJob = defineJobKind({
  name: "purge-expired-reports",
  label: "Deletion of expired PDF reports",
  payload: z.object({}),
  policy: { ...DEFAULT_POLICY, retries: 5, retryDelaySeconds: 30, pollSeconds: 10 },
  schedule: { cron: () => "23 * * * *", payload: {} },
  workspaceOf: () => null,
  handle: async (_payload, { log }) => {
    const deleted = await purgeExpiredReports();
    if (deleted > 0) log.info({ deleted }, "expired PDF reports deleted");
  },
});
