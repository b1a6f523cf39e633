import "server-only";

import { rm } from "node:fs/promises";

import { db } from "@/lib/db/client";
import { exportFilePath } from "@/lib/server/exports/export-paths";
import { runExportJob } from "@/lib/server/exports/run-export-job";
import { logger } from "@/lib/log/logger";

/*
 * The in-process export worker. Starting an export kicks it (`void kickExportWorker()`), and so
 * does every status poll, so jobs queued before a restart are picked up by the next page that
 * looks at them. It runs one job at a time per process, oldest first, until the queue is empty.
 * State lives on globalThis because Next.js may load this module more than once in one process.
 *
 * Assumption: one server process serves the app (npm start). A job still RUNNING from before
 * this process started was interrupted by a restart; it is marked FAILED and its partial file
 * removed, instead of looking busy forever.
 */

type WorkerState = { bootedAt: Date; recovered: boolean; pending?: Promise<void>; again: boolean };

const holder = globalThis as unknown as { __srmExportWorker?: WorkerState };
const state = (holder.__srmExportWorker ??= {
  bootedAt: new Date(),
  recovered: false,
  again: false,
});

export function kickExportWorker(): Promise<void> {
  if (state.pending) {
    state.again = true;
    return state.pending;
  }
  state.pending = drainQueue()
    .catch((error: unknown) => logger.error({ err: error }, "export worker stopped"))
    .finally(() => {
      state.pending = undefined;
    });
  return state.pending;
}

async function drainQueue(): Promise<void> {
  if (!state.recovered) {
    await failInterruptedJobs();
    state.recovered = true;
  }
  for (;;) {
    state.again = false;
    // The worker serves every workspace; each job's own queries are scoped by its workspaceId.
    const next = await db.exportJob.findFirst({
      where: { status: "QUEUED" },
      orderBy: { createdAt: "asc" },
      select: { id: true, workspaceId: true },
    });
    if (!next) {
      if (state.again) continue;
      return;
    }
    await runExportJob({ jobId: next.id, workspaceId: next.workspaceId });
  }
}

async function failInterruptedJobs(): Promise<void> {
  const stale = await db.exportJob.findMany({
    where: { status: "RUNNING", startedAt: { lt: state.bootedAt } },
    select: { id: true, workspaceId: true },
  });
  for (const job of stale) {
    await rm(`${exportFilePath(job.workspaceId, job.id)}.partial`, { force: true });
    await db.exportJob.updateMany({
      where: { id: job.id, workspaceId: job.workspaceId, status: "RUNNING" },
      data: {
        status: "FAILED",
        finishedAt: new Date(),
        error: "The server restarted while this export ran. Start it again.",
      },
    });
  }
}
