import "server-only";

import path from "node:path";

import { env } from "@/lib/env";

/**
 * Bundles live under `${DATA_DIR}/exports/<workspaceId>/<jobId>.zip`, or `<jobId>.<attempt>.zip`
 * when a retry built it: each attempt writes its own file, so an attempt that lost its claim (its
 * process stalled and the job was retried elsewhere) can never write into the retry's file. Names
 * are ours, never user input.
 */
export function exportDir(workspaceId: string): string {
  return path.resolve(env().DATA_DIR, "exports", workspaceId);
}

export function exportFilePath(workspaceId: string, jobId: string, attempt = 0): string {
  return path.join(
    exportDir(workspaceId),
    attempt === 0 ? `${jobId}.zip` : `${jobId}.${attempt}.zip`,
  );
}

const FILE_NAME = /^([a-z0-9]+)(?:\.(\d+))?\.zip(\.partial)?$/;

/** The job and attempt an export file belongs to (see exportFilePath), or null for other names. */
export function parseExportFileName(
  name: string,
): { jobId: string; attempt: number; partial: boolean } | null {
  const match = FILE_NAME.exec(name);
  if (!match?.[1]) return null;
  return { jobId: match[1], attempt: Number(match[2] ?? 0), partial: match[3] !== undefined };
}

/** What the browser saves the bundle as, e.g. ai-srm-evidence-demo-2026-03-15-1412.zip. */
export function downloadFileName(slug: string, createdAt: Date): string {
  const stamp = createdAt.toISOString().slice(0, 16).replace("T", "-").replace(":", "");
  return `ai-srm-evidence-${slug.replace(/[^a-z0-9-]/gi, "")}-${stamp}.zip`;
}
