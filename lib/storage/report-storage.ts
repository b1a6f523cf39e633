import "server-only";

import { storageFor } from "@/lib/storage/evidence-storage";
import type { ObjectStorage } from "@/lib/storage/storage";

/**
 * Generated PDF reports: objects of the configured storage driver (`${DATA_DIR}/reports`, or
 * `reports/` in the S3 bucket), so any process of a several-machine installation serves any
 * report. Written under a pending-objects entry like export bundles (run-report-job.ts), deleted
 * by retention and with their workspace, swept when orphaned.
 */
export function reportStorage(): ObjectStorage {
  return storageFor("REPORTS");
}

/** A generated report is never larger than this (its tables are bounded). */
export const REPORT_MAX_BYTES = 20 * 1024 * 1024;
