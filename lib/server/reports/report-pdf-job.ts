import "server-only";

import { z } from "zod";

import { DEFAULT_POLICY, defineJobKind } from "@/lib/server/jobs/job-kind";
import { failReportJob, runReportJob } from "@/lib/server/reports/run-report-job";

/**
 * Renders one PDF report (sent by startReport with its row). Retries are safe: runReportJob claims
 * by attempt and stores the PDF only while it holds the claim. A report of any workspace size
 * takes seconds (its tables are bounded), so the time limit is short.
 */
export const reportPdfJob = defineJobKind({
  name: "report-pdf",
  label: "PDF report",
  payload: z.object({ workspaceId: z.string().min(1), reportId: z.string().min(1) }),
  policy: {
    ...DEFAULT_POLICY,
    retries: 2,
    retryDelaySeconds: 5,
    retryDelayMaxSeconds: 60,
    timeoutSeconds: 10 * 60,
    concurrency: 1,
    pollSeconds: 1,
  },
  workspaceOf: (payload) => payload.workspaceId,
  subjectOf: (payload) => payload.reportId,
  handle: ({ workspaceId, reportId }, { attempt, finalAttempt, signal }) =>
    runReportJob({ reportId, workspaceId, attempt, finalAttempt, signal }),
  onFinalFailure: async ({ workspaceId, reportId }, { reason }) => {
    await failReportJob({ reportId, workspaceId, reason });
  },
});
