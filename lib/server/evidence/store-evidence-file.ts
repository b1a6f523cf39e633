import "server-only";

import { pipeline, Readable } from "node:stream";

import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createContentCheckStream } from "@/lib/evidence/content-check-stream";
import { discardObject, writeObject } from "@/lib/server/storage/pending-objects";
import { evidenceStorage } from "@/lib/storage/evidence-storage";
import { type ObjectStorage, SizeLimitExceededError } from "@/lib/storage/storage";
import { formatBytes } from "@/lib/view/format";

export type StoredEvidenceFile = {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
  fileName: string;
  contentType: string;
};

export type FileSource = ReadableStream<Uint8Array> | Readable | AsyncIterable<Uint8Array>;

/** 413 with a message naming the limit; a ValidationError would answer 400. */
export class FileTooLargeError extends AppError {
  constructor(readonly maxBytes: number) {
    super(
      "VALIDATION_FAILED",
      413,
      `The file is larger than the limit of ${formatBytes(maxBytes)}.`,
    );
  }
}

/**
 * Streams an upload into storage through the content check: the type is decided from the first
 * bytes, the SHA-256 and size are computed on the way, the size limit aborts the transfer as soon
 * as it is crossed. Memory stays bounded by the stream buffers whatever the file size. On any
 * refusal or interruption storage keeps nothing and this rejects. The object is under a ledger
 * entry (pending-objects.ts) until createFileEvidence's transaction adopts it, or
 * discardEvidenceFile removes it.
 */
export async function storeEvidenceFile({
  source,
  fileName,
  maxBytes = env().EVIDENCE_MAX_BYTES,
  storage = evidenceStorage(),
}: {
  source: FileSource;
  fileName: string;
  maxBytes?: number;
  storage?: ObjectStorage;
}): Promise<StoredEvidenceFile> {
  const input = toNodeReadable(source);
  const check = createContentCheckStream({ fileName });
  // Callback pipeline: returns the last stream and tears both down when either fails, so an
  // aborted request stops the storage write and a refused file stops reading the request.
  const checked = pipeline(input, check.stream, () => {});
  try {
    const stored = await writeObject({ area: "EVIDENCE", source: checked, maxBytes, storage });
    const type = check.result();
    return {
      storageKey: stored.key,
      sha256: stored.sha256,
      sizeBytes: stored.size,
      fileName: type.fileName,
      contentType: type.contentType,
    };
  } catch (error) {
    if (!input.destroyed) input.destroy();
    if (error instanceof SizeLimitExceededError) throw new FileTooLargeError(maxBytes);
    throw error;
  }
}

/** Removes a stored file that will not get its row (the form fields were refused, …). */
export async function discardEvidenceFile(
  stored: StoredEvidenceFile,
  storage: ObjectStorage = evidenceStorage(),
): Promise<void> {
  await discardObject({ area: "EVIDENCE", key: stored.storageKey, storage });
}

function toNodeReadable(source: FileSource): Readable {
  if (source instanceof Readable) return source;
  if (typeof (source as ReadableStream).getReader === "function") {
    return Readable.fromWeb(source as import("node:stream/web").ReadableStream<Uint8Array>);
  }
  return Readable.from(source as AsyncIterable<Uint8Array>);
}
