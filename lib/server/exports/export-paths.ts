import "server-only";

import path from "node:path";

import { env } from "@/lib/env";

/**
 * Where bundles were written before object storage: `${DATA_DIR}/exports/<workspaceId>/<jobId>.zip`
 * (row column filePath). New bundles are objects in export storage (lib/storage); rows built before
 * keep their path until retention deletes the file, and the storage sweep removes what that layout
 * left behind (sweep-legacy-export-files.ts).
 */
export function exportDir(workspaceId: string): string {
  return path.resolve(env().DATA_DIR, "exports", workspaceId);
}

export function exportFilePath(workspaceId: string, jobId: string): string {
  return path.join(exportDir(workspaceId), `${jobId}.zip`);
}

/** What the browser saves the bundle as, e.g. ai-srm-evidence-demo-2026-03-15-1412.zip. */
export function downloadFileName(slug: string, createdAt: Date): string {
  const stamp = createdAt.toISOString().slice(0, 16).replace("T", "-").replace(":", "");
  return `ai-srm-evidence-${slug.replace(/[^a-z0-9-]/gi, "")}-${stamp}.zip`;
}
