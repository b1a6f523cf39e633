import "server-only";

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";

import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isPastRetention } from "@/lib/server/exports/export-job-view";
import { downloadFileName } from "@/lib/server/exports/export-paths";

/**
 * A finished bundle as a streamed HTTP response (never read into memory). 404 for other
 * workspaces' ids; 409 while it is not done, or once retention removed it.
 */
export async function openExportDownload({
  workspaceId,
  exportId,
}: {
  workspaceId: string;
  exportId: string;
}): Promise<Response> {
  const job = await db.exportJob.findFirst({
    where: { id: exportId, workspaceId },
    select: {
      status: true,
      filePath: true,
      sha256: true,
      expiresAt: true,
      createdAt: true,
      workspace: { select: { slug: true } },
    },
  });
  if (!job) throw new NotFoundError("Export not found.");
  if (job.status !== "DONE")
    throw new ConflictError("This export has no bundle to download: it is not done.");
  // Past retention the purge job deletes the bundle (within the hour); it is refused from then on.
  if (!job.filePath || isPastRetention(job))
    throw new ConflictError("This bundle has expired and was deleted. Start a new export.");
  const info = await stat(job.filePath).catch(() => null);
  if (!info?.isFile())
    throw new ConflictError("This bundle is no longer on the server. Start a new export.");
  const body = Readable.toWeb(createReadStream(job.filePath)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "content-type": "application/zip",
      "content-length": String(info.size),
      "content-disposition": `attachment; filename="${downloadFileName(job.workspace.slug, job.createdAt)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...(job.sha256 ? { "x-checksum-sha256": job.sha256 } : {}),
    },
  });
}
