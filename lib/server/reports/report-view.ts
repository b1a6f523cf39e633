import "server-only";

import type { ReportJob } from "@/lib/generated/prisma/client";
import type { ReportJobView } from "@/lib/view/reports/report-job";

export type { ReportJobView } from "@/lib/view/reports/report-job";

/** A report row as pages and the API show it (never its storage key). */
export function toReportJobView(row: ReportJob): ReportJobView {
  return {
    id: row.id,
    status: row.status,
    requestedBy: row.requestedByLabel,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt ? row.finishedAt.toISOString() : null,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    error: row.error,
  };
}
