import "server-only";

import type { Readable } from "node:stream";

import { db } from "@/lib/db/client";
import { AppError, NotFoundError } from "@/lib/errors";
import { createVerifyingStream } from "@/lib/evidence/verifying-stream";
import { logger } from "@/lib/log/logger";
import { evidenceStorage } from "@/lib/storage/evidence-storage";
import { ObjectNotFoundError, type ObjectStorage } from "@/lib/storage/storage";

export type EvidenceDownload = {
  stream: Readable;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
};

/**
 * Opens the stored file of an item for download, verifying its SHA-256 while it streams: the
 * returned stream errors (and the transfer aborts) if the bytes on disk differ from the upload.
 * Deleted and purged items are not downloadable (404); older revisions are, they are history.
 */
export async function openEvidenceDownload({
  workspaceId,
  evidenceId,
  storage = evidenceStorage(),
}: {
  workspaceId: string;
  evidenceId: string;
  storage?: ObjectStorage;
}): Promise<EvidenceDownload> {
  const item = await db.evidence.findFirst({
    where: { id: evidenceId, workspaceId, deletedAt: null, purgedAt: null },
    select: { storageKey: true, fileName: true, contentType: true, sizeBytes: true, sha256: true },
  });
  if (!item) throw new NotFoundError("Evidence not found.");
  if (!item.storageKey || !item.sha256 || item.sizeBytes === null || !item.fileName) {
    throw new NotFoundError("This evidence item has no file to download.");
  }
  let raw: Readable;
  try {
    raw = await storage.get(item.storageKey);
  } catch (error) {
    if (error instanceof ObjectNotFoundError) {
      logger.error({ workspaceId, evidenceId }, "evidence file missing from storage");
      throw new AppError(
        "INTERNAL",
        500,
        "The stored file of this evidence is missing; an administrator must restore it.",
      );
    }
    throw error;
  }
  const sizeBytes = Number(item.sizeBytes);
  const verifying = createVerifyingStream({ sha256: item.sha256, size: sizeBytes });
  raw.on("error", (error) => verifying.destroy(error));
  verifying.on("error", (error) => {
    logger.warn({ workspaceId, evidenceId, reason: error.message }, "evidence download stopped");
    raw.destroy();
  });
  raw.pipe(verifying);
  return {
    stream: verifying,
    fileName: item.fileName,
    contentType: item.contentType ?? "application/octet-stream",
    sizeBytes,
    sha256: item.sha256,
  };
}
