import "server-only";

import { z } from "zod";

import { DEFAULT_POLICY, defineJobKind } from "@/lib/server/jobs/job-kind";
import { sweepStorage } from "@/lib/server/storage/sweep-storage";

/**
 * The storage sweep every 10 minutes (pg-boss sends one job per occurrence however many processes
 * run). Idempotent, so retries are safe; a missed run is simply the next one. Installation-wide:
 * no workspace sees its failures, the failed-jobs record and the log do.
 */
export const sweepStorageJob = defineJobKind({
  name: "sweep-storage",
  label: "Storage sweep (interrupted uploads and orphaned files)",
  payload: z.object({}),
  policy: { ...DEFAULT_POLICY, retries: 2, timeoutSeconds: 30 * 60 },
  schedule: { cron: () => "*/10 * * * *", payload: {} },
  workspaceOf: () => null,
  handle: async (_payload, context) => {
    const results = await sweepStorage();
    context.log.debug({ sweep: results }, "storage sweep done");
  },
});
