import "server-only";

import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { toExportJobView } from "@/lib/server/exports/export-job-view";
import type { ExportJobView } from "@/lib/view/exports/export-job";

const LIST_LIMIT = 50;

/** The workspace's latest exports, newest first. */
export async function listExportJobs({
  workspaceId,
}: {
  workspaceId: string;
}): Promise<ExportJobView[]> {
  const jobs = await db.exportJob.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    take: LIST_LIMIT,
  });
  return jobs.map((job) => toExportJobView(job));
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
  return toExportJobView(job);
}
