import "server-only";

import path from "node:path";

import { env } from "@/lib/env";
import { createLocalDiskStorage } from "@/lib/storage/local-disk-storage";
import type { ObjectStorage } from "@/lib/storage/storage";

let cached: ObjectStorage | undefined;

/**
 * Where generated PDF reports are kept: the same object-storage interface as evidence, on local
 * disk under `${DATA_DIR}/reports`. A deployment with several machines points this at its shared
 * driver (the one export bundles use) so any process can serve any report.
 */
export function reportStorage(): ObjectStorage {
  cached ??= createLocalDiskStorage(path.resolve(env().DATA_DIR, "reports"));
  return cached;
}

/** A generated report is never larger than this (its tables are bounded). */
export const REPORT_MAX_BYTES = 20 * 1024 * 1024;
