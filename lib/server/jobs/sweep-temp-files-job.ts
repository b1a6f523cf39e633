import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { deletePurgedEvidenceFile } from "@/lib/server/evidence/delete-purged-evidence-file";
import { sweepUploadParts } from "@/lib/server/evidence/sweep-upload-parts";
import { sweepExportFiles } from "@/lib/server/exports/sweep-export-files";
import { DEFAULT_POLICY, defineJobKind } from "@/lib/server/jobs/job-kind";

const MINUTE = 60_000;
// An upload writes its part file continuously; one untouched for an hour is dead.
export const UPLOAD_PART_IDLE_MS = 60 * MINUTE;
// Export files: a minute's grace is plenty for a claim to be visible (it precedes the file).
export const EXPORT_FILE_GRACE_MS = MINUTE;
// Purged files are normally deleted within seconds by their own job; an hour later the sweep
// deletes any whose job was lost.
const PURGED_FILE_GRACE_MS = 60 * MINUTE;

/**
 * Every ten minutes: what interrupted work left behind. Upload part files of dead uploads, export
 * files of attempts that no longer run, and files of purged evidence whose deletion job was lost.
 * Every step is idempotent, so runs overlapping across processes only repeat a directory read.
 */
export const sweepTempFilesJob = defineJobKind({
  name: "sweep-temp-files",
  label: "Sweep of temporary files",
  payload: z.object({}),
  policy: { ...DEFAULT_POLICY, retries: 2, retryDelaySeconds: 60, pollSeconds: 10 },
  schedule: { cron: () => "*/10 * * * *", payload: {} },
  handle: async (_payload, { log }) => {
    const uploadParts = await sweepUploadParts({ idleMs: UPLOAD_PART_IDLE_MS });
    const exportFiles = await sweepExportFiles({ graceMs: EXPORT_FILE_GRACE_MS });
    const purged = await db.evidence.findMany({
      where: {
        purgedAt: { lt: new Date(Date.now() - PURGED_FILE_GRACE_MS) },
        storageKey: { not: null },
      },
      select: { id: true, workspaceId: true },
      take: 500,
    });
    let purgedFiles = 0;
    for (const item of purged) {
      if (await deletePurgedEvidenceFile({ workspaceId: item.workspaceId, evidenceId: item.id })) {
        purgedFiles += 1;
      }
    }
    if (uploadParts + exportFiles + purgedFiles > 0) {
      log.info({ uploadParts, exportFiles, purgedFiles }, "temporary files swept");
    }
  },
});
