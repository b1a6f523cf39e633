import "server-only";

import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { parseExportFileName } from "@/lib/server/exports/export-paths";

/**
 * Deletes export files no row accounts for, older than `graceMs`:
 * - a `.partial` file whose export is not RUNNING under the attempt that wrote it (its process
 *   died, or the attempt lost its claim and could not clean up). A running attempt claims the
 *   export before it creates its file, so the check cannot remove a live attempt's file;
 * - a `.zip` that no attempt holding its export wrote (an attempt finished after losing its claim,
 *   or the export is gone). Only the attempt number decides, not the stored file path.
 * Returns how many files were deleted.
 */
export async function sweepExportFiles({
  graceMs,
  now = Date.now(),
}: {
  graceMs: number;
  now?: number;
}): Promise<number> {
  const root = path.resolve(env().DATA_DIR, "exports");
  const workspaces = await readdir(root).catch(() => [] as string[]);
  let deleted = 0;
  for (const workspaceId of workspaces) {
    const dir = path.join(root, workspaceId);
    const names = await readdir(dir).catch(() => [] as string[]);
    const files = names
      .map((name) => ({ name, parsed: parseExportFileName(name) }))
      .filter((file) => file.parsed !== null);
    if (files.length === 0) continue;
    // Read after listing: a file listed above belongs to a claim made before it was created.
    const rows = await db.exportJob.findMany({
      where: { workspaceId, id: { in: [...new Set(files.map((file) => file.parsed!.jobId))] } },
      select: { id: true, status: true, attempt: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const { name, parsed } of files) {
      if (!parsed) continue;
      const file = path.join(dir, name);
      const row = byId.get(parsed.jobId);
      const sameAttempt = row?.attempt === parsed.attempt;
      // A running attempt renames its partial file to the bundle just before it records DONE.
      const live = parsed.partial
        ? sameAttempt && row?.status === "RUNNING"
        : sameAttempt && (row?.status === "DONE" || row?.status === "RUNNING");
      if (live) continue;
      const info = await stat(file).catch(() => null);
      if (!info?.isFile() || now - info.mtimeMs < graceMs) continue;
      await rm(file, { force: true });
      deleted += 1;
    }
  }
  return deleted;
}
