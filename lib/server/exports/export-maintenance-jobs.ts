import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { retryingTransaction } from "@/lib/db/transaction";
import { exportBundleJob } from "@/lib/server/exports/export-bundle-job";
import { purgeExpiredExports } from "@/lib/server/exports/purge-expired-exports";
import { failExportJob } from "@/lib/server/exports/run-export-job";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { DEFAULT_POLICY, defineJobKind } from "@/lib/server/jobs/job-kind";
import { jobQueue } from "@/lib/server/jobs/job-queue";

/**
 * Retention, every hour: bundles past their expiry are deleted (the rows stay, shown as expired).
 * Idempotent, so two runs at once or a retry delete nothing twice; downloads refuse an expired
 * bundle from the moment it expires, whether or not this ran yet.
 */
export const purgeExpiredExportsJob = defineJobKind({
  name: "purge-expired-exports",
  label: "Deletion of expired export bundles",
  payload: z.object({}),
  policy: { ...DEFAULT_POLICY, retries: 5, retryDelaySeconds: 30, pollSeconds: 10 },
  schedule: { cron: () => "17 * * * *", payload: {} },
  handle: async (_payload, { log }) => {
    const now = new Date();
    const workspaces = await db.exportJob.findMany({
      where: {
        status: "DONE",
        expiresAt: { lt: now },
        OR: [{ storageKey: { not: null } }, { filePath: { not: null } }],
      },
      distinct: ["workspaceId"],
      select: { workspaceId: true },
    });
    let purged = 0;
    for (const { workspaceId } of workspaces) {
      purged += await purgeExpiredExports({ workspaceId, now });
    }
    if (purged > 0) log.info({ purged }, "expired export bundles deleted");
  },
});

// An export is looked at once it is this old; a job that failed is left this long to its dead
// letter step, which gives the better reason.
const LOST_AFTER_MS = 5 * 60 * 1000;
const DEAD_LETTER_GRACE_MS = 2 * 60 * 1000;

/**
 * A safety net under the queue, every five minutes: an export still QUEUED or RUNNING whose queue
 * job no longer exists or has ended (deleted by hand, ended without its handler or dead letter
 * step running) would otherwise look busy forever. A queued export without a job (created before
 * the job queue existed) gets one; any other is failed with the reason.
 */
export const recoverLostExportsJob = defineJobKind({
  name: "recover-lost-exports",
  label: "Recovery of lost export jobs",
  payload: z.object({}),
  policy: { ...DEFAULT_POLICY, retries: 2, retryDelaySeconds: 30, pollSeconds: 10 },
  schedule: { cron: () => "*/5 * * * *", payload: {} },
  handle: async (_payload, { log }) => {
    const boss = await jobQueue();
    const stale = await db.exportJob.findMany({
      where: {
        status: { in: ["QUEUED", "RUNNING"] },
        createdAt: { lt: new Date(Date.now() - LOST_AFTER_MS) },
      },
      select: { id: true, workspaceId: true, status: true, queueJobId: true },
    });
    for (const row of stale) {
      const [job] = row.queueJobId
        ? await boss.findJobs(exportBundleJob.name, { id: row.queueJobId })
        : [];
      if (job && (job.state === "created" || job.state === "retry" || job.state === "active")) {
        continue;
      }
      const justFailed =
        job?.state === "failed" &&
        job.completedOn !== null &&
        Date.now() - new Date(job.completedOn).getTime() < DEAD_LETTER_GRACE_MS;
      if (justFailed) continue;
      if (!row.queueJobId && row.status === "QUEUED") {
        await retryingTransaction("requeueLostExport", async (tx) => {
          const id = await enqueueJob(
            exportBundleJob,
            { workspaceId: row.workspaceId, exportId: row.id },
            { tx },
          );
          await tx.exportJob.updateMany({
            where: {
              id: row.id,
              workspaceId: row.workspaceId,
              status: "QUEUED",
              queueJobId: null,
            },
            data: { queueJobId: id },
          });
        });
        log.warn({ exportId: row.id }, "queued export without a job: job sent");
        continue;
      }
      const failed = await failExportJob({
        jobId: row.id,
        workspaceId: row.workspaceId,
        reason: "The background job building this export was lost.",
      });
      if (failed) log.warn({ exportId: row.id, state: job?.state }, "lost export failed");
    }
  },
});
