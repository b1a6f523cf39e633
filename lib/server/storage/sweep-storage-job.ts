import "server-only";

import { z } from "zod";

import { recoverLostPurges } from "@/lib/server/evidence/recover-lost-purges";
import { sweepLegacyExportFiles } from "@/lib/server/exports/sweep-legacy-export-files";
import { DEFAULT_POLICY, defineJobKind } from "@/lib/server/jobs/job-kind";
import { type AreaSweep, sweepStorage } from "@/lib/server/storage/sweep-storage";

export type StorageSweepResult = {
  areas: AreaSweep[];
  /** Files of purged evidence whose own deletion job was lost. */
  lostPurges: number;
  /** Leftovers of the pre-storage export layout that no row names. */
  legacyExportFiles: number;
};

/**
 * Everything interrupted work can leave in storage, in one pass (the one scheduled sweep):
 * 1. the ledger sweep of every area (evidence, exports, reports): objects of writers that died
 *    (an upload, an export attempt, a PDF), deletions a crash cut short, idle temporary files
 *    and unfinished multipart uploads, objects no row and no entry claims (sweep-storage.ts);
 * 2. files of purged evidence whose deletion job was lost (recover-lost-purges.ts);
 * 3. leftovers of the pre-storage export layout on the local disk.
 * Each step is idempotent, so overlapping runs on several processes only repeat listings.
 */
export async function runStorageSweep({ now = new Date() }: { now?: Date } = {}) {
  const areas = await sweepStorage({ now });
  const lostPurges = await recoverLostPurges({ now });
  const legacyExportFiles = await sweepLegacyExportFiles({ now: now.getTime() });
  return { areas, lostPurges, legacyExportFiles } satisfies StorageSweepResult;
}

/**
 * The storage sweep every 10 minutes (pg-boss sends one job per occurrence however many processes
 * run). Idempotent, so retries are safe; a missed run is simply the next one. Installation-wide:
 * no workspace sees its failures, the failed-jobs record and the log do.
 */
export const sweepStorageJob = defineJobKind({
  name: "sweep-storage",
  label: "Storage sweep (interrupted uploads and exports, orphaned files, lost purges)",
  payload: z.object({}),
  policy: { ...DEFAULT_POLICY, retries: 2, retryDelaySeconds: 60, timeoutSeconds: 30 * 60 },
  schedule: { cron: () => "*/10 * * * *", payload: {} },
  workspaceOf: () => null,
  handle: async (_payload, { log }) => {
    const result = await runStorageSweep();
    if (result.lostPurges + result.legacyExportFiles > 0) {
      log.info(
        { lostPurges: result.lostPurges, legacyExportFiles: result.legacyExportFiles },
        "storage sweep: lost purges and old export files deleted",
      );
    }
    log.debug({ sweep: result.areas }, "storage sweep done");
  },
});
