// Test helpers around the real job queue (pg-boss on the test database).
import { db } from "@/lib/db/client";
import { jobQueue, stopJobQueue } from "@/lib/server/jobs/job-queue";

/** Stops this process's queue and deletes every job and schedule, so the next test starts empty. */
export async function resetJobQueue(): Promise<void> {
  await stopJobQueue({ timeoutSeconds: 1 });
  const boss = await jobQueue();
  await boss.deleteAllJobs();
  for (const schedule of await boss.getSchedules()) {
    await boss.unschedule(schedule.name, schedule.key);
  }
  await stopJobQueue({ timeoutSeconds: 1 });
}

/** Polls `check` until it returns something other than undefined, null or false; fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false>,
  { timeoutMs = 20_000, intervalMs = 100, what = "condition" } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Waits until the export has left QUEUED and RUNNING (this process's workers must be running). */
export async function exportEnded(workspaceId: string, exportId: string, timeoutMs = 30_000) {
  return waitFor(
    async () => {
      const row = await db.exportJob.findFirst({ where: { id: exportId, workspaceId } });
      return row && row.status !== "QUEUED" && row.status !== "RUNNING" ? row : undefined;
    },
    { timeoutMs, intervalMs: 50, what: `export ${exportId} to end` },
  );
}
