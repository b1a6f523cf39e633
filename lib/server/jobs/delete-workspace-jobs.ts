import "server-only";

import { FAILED_JOBS_QUEUE, jobQueue } from "@/lib/server/jobs/job-queue";

const PAGE = 1000;

/**
 * Deletes a deleted workspace's jobs from the queue (for its purge): the queued ones (an export, a
 * report, a snapshot that would only find the workspace gone) and the finished ones pg-boss keeps
 * for a week, in every kind's queue and the dead letter queue. Jobs running right now are left to
 * end on their own (they find their rows gone and stop); so is the purge job itself. Returns how
 * many were deleted.
 */
export async function deleteWorkspaceJobs(workspaceId: string): Promise<number> {
  const boss = await jobQueue();
  // The registry is loaded late: its kinds import the services, this one among them.
  const { JOB_KINDS } = await import("@/lib/server/jobs/registry");
  let deleted = 0;
  for (const name of [...JOB_KINDS.map((kind) => kind.name), FAILED_JOBS_QUEUE]) {
    for (;;) {
      const jobs = await boss.findJobs(name, { data: { workspaceId }, limit: PAGE });
      const idle = jobs.filter((job) => job.state !== "active").map((job) => job.id);
      if (idle.length > 0) {
        await boss.deleteJob(name, idle);
        deleted += idle.length;
      }
      if (jobs.length < PAGE || idle.length === 0) break;
    }
  }
  return deleted;
}
