import "server-only";

import { rm } from "node:fs/promises";

import { db } from "@/lib/db/client";
import { exportDir } from "@/lib/server/exports/export-paths";

/**
 * Removes every stored export bundle of a workspace (for its deletion): each job's file, then the
 * workspace's export folder with any partial file left by an interrupted build. Idempotent, so a
 * retried deletion simply finds less to remove. The rows go with the workspace.
 *
 * Merge note: bundles live on the local disk here; once bundles are stored through the object
 * storage (lib/storage), this is the one place to switch to its delete(key).
 */
export async function deleteWorkspaceExports(workspaceId: string): Promise<number> {
  const jobs = await db.exportJob.findMany({
    where: { workspaceId, filePath: { not: null } },
    select: { id: true, filePath: true },
  });
  for (const job of jobs) {
    if (job.filePath) await rm(job.filePath, { force: true });
    await rm(`${job.filePath}.partial`, { force: true });
  }
  await rm(exportDir(workspaceId), { recursive: true, force: true });
  return jobs.length;
}
