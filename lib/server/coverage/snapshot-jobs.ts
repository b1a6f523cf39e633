import "server-only";

import { z } from "zod";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { takeDailySnapshot, utcDay } from "@/lib/server/coverage/take-daily-snapshot";
import { enqueueJobs } from "@/lib/server/jobs/enqueue-job";
import { DEFAULT_POLICY, defineJobKind } from "@/lib/server/jobs/job-kind";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One workspace's snapshot for one UTC day. The unique (workspace, day) key and "keep the first"
 * make it exactly once whatever runs it how often; a retry that comes after the day ended takes
 * nothing (that day is over, and its coverage can no longer be measured as it was).
 */
export const coverageSnapshotJob = defineJobKind({
  name: "coverage-snapshot",
  label: "Daily coverage snapshot",
  payload: z.object({ workspaceId: z.string().min(1), day: z.string().regex(DAY) }),
  policy: { ...DEFAULT_POLICY, retries: 5, retryDelaySeconds: 30, retryDelayMaxSeconds: 1800 },
  workspaceOf: (payload) => payload.workspaceId,
  handle: async ({ workspaceId, day }, { log }) => {
    const now = new Date();
    if (utcDay(now) !== day) {
      log.warn({ workspaceId, day }, "snapshot day is over; not taken");
      return;
    }
    await takeDailySnapshot({ workspaceId, now, replace: false });
  },
});

/**
 * The daily schedule (COVERAGE_SNAPSHOT_CRON, UTC): one snapshot job per workspace, so each
 * workspace's snapshot is retried on its own and its failure shows to its own admins. A run
 * missed while no process was up is made up when one starts (the same day).
 */
export const coverageSnapshotsJob = defineJobKind({
  name: "coverage-snapshots",
  label: "Daily coverage snapshots (all workspaces)",
  payload: z.object({}),
  policy: { ...DEFAULT_POLICY, retries: 5, retryDelaySeconds: 30, retryDelayMaxSeconds: 1800 },
  schedule: { cron: () => env().COVERAGE_SNAPSHOT_CRON, payload: {}, missed: "once" },
  handle: async (_payload, { log }) => {
    const day = utcDay(new Date());
    const workspaces = await db.workspace.findMany({
      select: { id: true },
      orderBy: { id: "asc" },
    });
    const queued = await enqueueJobs(
      coverageSnapshotJob,
      workspaces.map((workspace) => ({ workspaceId: workspace.id, day })),
    );
    log.info({ day, workspaces: queued }, "coverage snapshots queued");
  },
});
