import "server-only";

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";

import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { createVerifyingStream } from "@/lib/evidence/verifying-stream";
import { logger } from "@/lib/log/logger";
import { isPastRetention } from "@/lib/server/exports/export-job-view";
import { downloadFileName } from "@/lib/server/exports/export-paths";
import { exportStorage } from "@/lib/storage/evidence-storage";
import { ObjectNotFoundError, type ObjectStorage } from "@/lib/storage/storage";

/**
 * A finished bundle as a streamed HTTP response (never read into memory), checked against the
 * SHA-256 recorded when it was built while it streams. 404 for other workspaces' ids; 409 while
 * it is not done, or once retention removed it.
 */
export async function openExportDownload({
  workspaceId,
  exportId,
  storage = exportStorage(),
}: {
  workspaceId: string;
  exportId: string;
  storage?: ObjectStorage;
}): Promise<Response> {
  const job = await db.exportJob.findFirst({
    where: { id: exportId, workspaceId },
    select: {
      status: true,
      storageKey: true,
      filePath: true,
      sizeBytes: true,
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
  if (isPastRetention(job))
    throw new ConflictError("This bundle has expired and was deleted. Start a new export.");
  const opened = job.storageKey
    ? await openStored(storage, job.storageKey, job.sizeBytes)
    : job.filePath
      ? await openLegacyFile(job.filePath)
      : null;
  if (!opened)
    throw new ConflictError("This bundle has expired and was deleted. Start a new export.");
  let body = opened.stream;
  if (job.sha256) {
    const verifying = createVerifyingStream({ sha256: job.sha256, size: opened.size });
    opened.stream.on("error", (error) => verifying.destroy(error));
    verifying.on("error", (error) => {
      logger.warn({ workspaceId, exportId, reason: error.message }, "bundle download stopped");
      opened.stream.destroy();
    });
    body = opened.stream.pipe(verifying);
  }
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      "content-type": "application/zip",
      "content-length": String(opened.size),
      "content-disposition": `attachment; filename="${downloadFileName(job.workspace.slug, job.createdAt)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...(job.sha256 ? { "x-checksum-sha256": job.sha256 } : {}),
    },
  });
}

async function openStored(storage: ObjectStorage, key: string, sizeBytes: bigint | null) {
  try {
    return { stream: await storage.get(key), size: Number(sizeBytes ?? 0) };
  } catch (error) {
    if (!(error instanceof ObjectNotFoundError)) throw error;
    logger.error({ storageKey: key }, "export bundle missing from storage");
    throw new ConflictError("This bundle is no longer in storage. Start a new export.");
  }
}

/** Bundles built before object storage existed stay downloadable from their file until expiry. */
async function openLegacyFile(filePath: string) {
  const info = await stat(filePath).catch(() => null);
  if (!info?.isFile())
    throw new ConflictError("This bundle is no longer on the server. Start a new export.");
  return { stream: createReadStream(filePath) as Readable, size: info.size };
}
