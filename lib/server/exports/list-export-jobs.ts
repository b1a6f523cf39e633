import "server-only";

import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { toExportJobView, type ExportJobView } from "@/lib/server/exports/export-job-view";
import { kickExportWorker } from "@/lib/server/exports/export-worker";
import { purgeExpiredExports } from "@/lib/server/exports/purge-expired-exports";

const LIST_LIMIT = 50;

/** The workspace's latest exports, newest first; applies retention and wakes the worker. */
export async function listExportJobs({
  workspaceId,
}: {
  workspaceId: string;
}): Promise<ExportJobView[]> {
  await purgeExpiredExports({ workspaceId });
  const jobs = await db.exportJob.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
  });
  if (jobs.some((job) => job.status === "QUEUED")) void kickExportWorker();
  return jobs.map(toExportJobView);
}

/** One export of the workspace, or 404 (another workspace's id answers exactly like a missing one). */
export async function getExportJob({
  workspaceId,
  exportId,
}: {
  workspaceId: string;
  exportId: string;
}): Promise<ExportJobView> {
  const job = await db.exportJob.findFirst({ where: { id: exportId, workspaceId } });
  if (!job) throw new NotFoundError("Export not found.");
  if (job.status === "QUEUED") void kickExportWorker();
  return toExportJobView(job);
}
