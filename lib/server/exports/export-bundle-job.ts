import "server-only";

import { z } from "zod";

import { failExportJob, runExportJob } from "@/lib/server/exports/run-export-job";
import { DEFAULT_POLICY, defineJobKind } from "@/lib/server/jobs/job-kind";

/**
 * Builds one export's bundle. Sent by startExport in the transaction that creates the export row.
 * Retries are safe (runExportJob claims by attempt and writes each attempt's own file) and cover
 * crashes: a process killed mid-export stops its heartbeat, and within about half a minute another
 * process retries the export from the start. After the last attempt the export is FAILED with the
 * reason. The time limit is generous: 10,000 files (1 GB) take a few minutes.
 */
export const exportBundleJob = defineJobKind({
  name: "export-bundle",
  label: "Evidence bundle export",
  payload: z.object({ workspaceId: z.string().min(1), exportId: z.string().min(1) }),
  policy: {
    ...DEFAULT_POLICY,
    retries: 3,
    retryDelaySeconds: 5,
    retryDelayMaxSeconds: 60,
    timeoutSeconds: 2 * 60 * 60,
    heartbeatSeconds: 10,
    concurrency: 1,
    pollSeconds: 1,
  },
  workspaceOf: (payload) => payload.workspaceId,
  subjectOf: (payload) => payload.exportId,
  handle: ({ workspaceId, exportId }, { attempt, finalAttempt, signal }) =>
    runExportJob({ jobId: exportId, workspaceId, attempt, finalAttempt, signal }),
  onFinalFailure: async ({ workspaceId, exportId }, { reason }) => {
    await failExportJob({ jobId: exportId, workspaceId, reason });
  },
});
