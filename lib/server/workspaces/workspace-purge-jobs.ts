import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import { DEFAULT_POLICY, defineJobKind } from "@/lib/server/jobs/job-kind";
import { jobQueue } from "@/lib/server/jobs/job-queue";
import { purgeDeletedWorkspace } from "@/lib/server/workspaces/purge-deleted-workspace";

/**
 * Removes a deleted workspace's rows and stored files (purge-deleted-workspace.ts). Sent in the
 * transaction that marks the workspace deleted, so a crash cannot lose it. Idempotent, so retried
 * with backoff for hours while the database or the store fails. Installation-wide for failures:
 * the workspace's admins can no longer see it, operators see the failed job (subject: its id).
 */
export const workspacePurgeJob = defineJobKind({
  name: "workspace-purge",
  label: "Removal of a deleted workspace",
  payload: z.object({ workspaceId: z.string().min(1) }),
  policy: {
    ...DEFAULT_POLICY,
    retries: 10,
    retryDelaySeconds: 60,
    retryDelayMaxSeconds: 3600,
    timeoutSeconds: 60 * 60,
  },
  workspaceOf: () => null,
  subjectOf: (payload) => payload.workspaceId,
  handle: async ({ workspaceId }, { log }) => {
    const result = await purgeDeletedWorkspace({ workspaceId });
    if (!result) log.info({ workspaceId }, "workspace already purged");
  },
});

const LIVE_STATES = new Set(["created", "retry", "active"]);
// A deletion's own job normally finishes within minutes; the sweep looks only at older ones.
const SWEEP_AFTER_MS = 15 * 60_000;

/**
 * Every 15 minutes: a workspace still marked deleted a while after its deletion (its purge job
 * was lost, or failed for good and the cause is fixed since) gets a new purge job, unless one is
 * waiting or running already. Returns how many were sent.
 */
export async function resendWorkspacePurges({ now = new Date() }: { now?: Date } = {}) {
  const marked = await db.workspace.findMany({
    where: { deletionRequestedAt: { lt: new Date(now.getTime() - SWEEP_AFTER_MS) } },
    select: { id: true },
  });
  const boss = await jobQueue();
  let sent = 0;
  for (const { id } of marked) {
    const jobs = await boss.findJobs(workspacePurgeJob.name, { data: { workspaceId: id } });
    if (jobs.some((job) => LIVE_STATES.has(job.state))) continue;
    await enqueueJob(workspacePurgeJob, { workspaceId: id });
    sent += 1;
  }
  return sent;
}

export const purgeDeletedWorkspacesJob = defineJobKind({
  name: "purge-deleted-workspaces",
  label: "Sweep of deleted workspaces not yet removed",
  payload: z.object({}),
  policy: { ...DEFAULT_POLICY, retries: 2, retryDelaySeconds: 60, pollSeconds: 10 },
  schedule: { cron: () => "*/15 * * * *", payload: {} },
  workspaceOf: () => null,
  handle: async (_payload, { log }) => {
    const sent = await resendWorkspacePurges();
    if (sent > 0) log.warn({ sent }, "deleted workspaces still present: purge jobs sent again");
  },
});
