import "server-only";

import path from "node:path";

import { env, s3Settings } from "@/lib/env";
import { createLocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { createS3Client, createS3Storage } from "@/lib/storage/s3-storage";
import type { ObjectStorage } from "@/lib/storage/storage";

/** The areas of storage; the pending-objects ledger names them too. */
export type StorageArea = "EVIDENCE" | "EXPORTS" | "REPORTS";

const S3_PREFIX: Record<StorageArea, string> = {
  EVIDENCE: "evidence/",
  EXPORTS: "exports/",
  REPORTS: "reports/",
};

// One driver instance per area and process (kept on globalThis: Next.js may load this module
// more than once). STORAGE_DRIVER picks the driver: a local folder or one S3-compatible bucket.
const holder = globalThis as unknown as { __srmStorage?: Map<StorageArea, ObjectStorage> };

export function storageFor(area: StorageArea): ObjectStorage {
  const cache = (holder.__srmStorage ??= new Map());
  let storage = cache.get(area);
  if (!storage) {
    storage = createStorage(area);
    cache.set(area, storage);
  }
  return storage;
}

/** Uploaded evidence files: `EVIDENCE_DIR` (default `${DATA_DIR}/evidence`) or `evidence/` in the bucket. */
export function evidenceStorage(): ObjectStorage {
  return storageFor("EVIDENCE");
}

/** Finished export bundles: `${DATA_DIR}/exports` or `exports/` in the bucket. */
export function exportStorage(): ObjectStorage {
  return storageFor("EXPORTS");
}

function createStorage(area: StorageArea): ObjectStorage {
  if (env().STORAGE_DRIVER === "s3") {
    const settings = s3Settings();
    const client = (s3ClientHolder.client ??= createS3Client(settings));
    return createS3Storage({ client, bucket: settings.bucket, prefix: S3_PREFIX[area] });
  }
  const roots: Record<StorageArea, () => string> = {
    EVIDENCE: evidenceStorageRoot,
    EXPORTS: exportStorageRoot,
    REPORTS: reportStorageRoot,
  };
  return createLocalDiskStorage(roots[area]());
}

const s3ClientHolder: { client?: ReturnType<typeof createS3Client> } = {};

export function evidenceStorageRoot(): string {
  const { EVIDENCE_DIR, DATA_DIR } = env();
  return path.resolve(EVIDENCE_DIR ?? path.join(DATA_DIR, "evidence"));
}

export function exportStorageRoot(): string {
  return path.resolve(env().DATA_DIR, "exports");
}

export function reportStorageRoot(): string {
  return path.resolve(env().DATA_DIR, "reports");
}

/** Tests switch drivers within one process; the next call builds the storages again. */
export function forgetStorageDrivers(): void {
  holder.__srmStorage?.clear();
  s3ClientHolder.client?.destroy();
  s3ClientHolder.client = undefined;
}
