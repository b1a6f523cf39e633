import "server-only";

import { db } from "@/lib/db/client";

export type JobFailureRecord = {
  workspaceId: string | null;
  kind: string;
  queueJobId: string;
  subjectId: string | null;
  reason: string;
  attempts: number;
};

/**
 * Stores a job's final failure once: the queue job id is unique, so recording it again (the dead
 * letter worker retried after a crash) changes nothing. A workspace deleted meanwhile has nobody to
 * show it to, so its failure is not stored.
 */
export async function recordJobFailure(failure: JobFailureRecord): Promise<boolean> {
  if (failure.workspaceId) {
    const exists = await db.workspace.count({ where: { id: failure.workspaceId } });
    if (exists === 0) return false;
  }
  const { count } = await db.failedJob.createMany({ data: [failure], skipDuplicates: true });
  return count === 1;
}
