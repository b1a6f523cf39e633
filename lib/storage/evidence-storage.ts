import "server-only";

import path from "node:path";

import { env } from "@/lib/env";
import { createLocalDiskStorage } from "@/lib/storage/local-disk-storage";
import type { ObjectStorage } from "@/lib/storage/storage";

let cached: ObjectStorage | undefined;

/** The evidence file store: local disk under EVIDENCE_DIR (default `${DATA_DIR}/evidence`). */
export function evidenceStorage(): ObjectStorage {
  cached ??= createLocalDiskStorage(evidenceStorageRoot());
  return cached;
}

export function evidenceStorageRoot(): string {
  const { EVIDENCE_DIR, DATA_DIR } = env();
  return path.resolve(EVIDENCE_DIR ?? path.join(DATA_DIR, "evidence"));
}
