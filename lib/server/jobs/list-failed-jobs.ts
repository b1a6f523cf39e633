import "server-only";

import { db } from "@/lib/db/client";
import { jobKindLabel } from "@/lib/server/jobs/registry";

export type FailedJobView = {
  id: string;
  /** The job kind's name, e.g. "export-bundle". */
  kind: string;
  label: string;
  /** The row the job was about (an export's id, an evidence item's id), if any. */
  subjectId: string | null;
  reason: string;
  attempts: number;
  failedAt: string;
};

/** The workspace's background jobs that failed for good, newest first. */
export async function listFailedJobs({
  workspaceId,
  limit = 50,
}: {
  workspaceId: string;
  limit?: number;
}): Promise<FailedJobView[]> {
  const rows = await db.failedJob.findMany({
    where: { workspaceId },
    orderBy: [{ failedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    label: jobKindLabel(row.kind),
    subjectId: row.subjectId,
    reason: row.reason,
    attempts: row.attempts,
    failedAt: row.failedAt.toISOString(),
  }));
}
