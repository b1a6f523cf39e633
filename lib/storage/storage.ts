import { randomBytes } from "node:crypto";
import type { Readable } from "node:stream";

/**
 * Where evidence files and export bundles live. The app talks to this small interface only; two
 * drivers implement it: a local folder (local-disk-storage.ts) and an S3-compatible bucket
 * (s3-storage.ts). Each storage serves one area (evidence or exports) of one root or prefix.
 *
 * Contract of `put`: the object becomes visible under its key only once the whole stream has been
 * written and hashed. A stream that errors, is aborted or exceeds `maxBytes` leaves no visible
 * object and `put` rejects. What an interrupted process leaves behind (a temporary file, an
 * unfinished multipart upload) is listed by `listIncomplete` so the sweep can remove it.
 */
export type StoredObject = {
  key: string;
  /** Hex SHA-256 of the bytes as written, computed while streaming. */
  sha256: string;
  size: number;
};

export type PutOptions = {
  /** Hard limit: the upload is aborted as soon as one byte more arrives. */
  maxBytes: number;
};

export type ListedObject = { key: string; lastModified: Date };

/** A started but unfinished upload: a local temporary file or an S3 multipart upload. */
export type IncompleteUpload = { key: string; startedAt: Date; id: string };

export type StorageDriver = "local" | "s3";

export type ObjectStorage = {
  readonly driver: StorageDriver;
  /** `key` comes from newObjectKey(); callers record it (pending-objects ledger) before writing. */
  put(
    key: string,
    source: Readable | AsyncIterable<Uint8Array>,
    options: PutOptions,
  ): Promise<StoredObject>;
  /** Rejects with ObjectNotFoundError when the key is unknown. */
  get(key: string): Promise<Readable>;
  /** Idempotent: deleting a missing object is not an error (purges and sweeps may be retried). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every finished object of this area, in pages (never all keys in memory at once). */
  list(): AsyncIterable<ListedObject[]>;
  /**
   * Unfinished uploads. Rejects with IncompleteListingUnsupportedError on S3 servers that do not
   * implement ListMultipartUploads (they must expire them themselves, e.g. a lifecycle rule).
   */
  listIncomplete(): AsyncIterable<IncompleteUpload[]>;
  abortIncomplete(upload: IncompleteUpload): Promise<void>;
};

// Keys are 32 random hex characters. Random rather than content-addressed: every row owns its
// object, so removing one row's file can never remove bytes another row still points to.
const KEY_PATTERN = /^[0-9a-f]{32}$/;

export function newObjectKey(): string {
  return randomBytes(16).toString("hex");
}

/** Keys come back from the database: never let one address anything but an object of ours. */
export function isObjectKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export class SizeLimitExceededError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The upload exceeds the limit of ${maxBytes} bytes.`);
    this.name = "SizeLimitExceededError";
  }
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object for key ${key}.`);
    this.name = "ObjectNotFoundError";
  }
}

export class IncompleteListingUnsupportedError extends Error {
  constructor(detail: string) {
    super(`The storage server cannot list unfinished uploads: ${detail}`);
    this.name = "IncompleteListingUnsupportedError";
  }
}
