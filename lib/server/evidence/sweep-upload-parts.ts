import "server-only";

import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

import { evidenceStorageRoot } from "@/lib/storage/evidence-storage";

/**
 * Deletes upload temporary files (`<evidence root>/tmp/*.part`, see local-disk-storage.ts) that
 * nothing has written to for `idleMs`: an upload writes its part file continuously, so one that
 * has been still that long belongs to an upload whose process died (kill -9 mid-upload). Returns
 * how many were deleted.
 */
export async function sweepUploadParts({
  idleMs,
  now = Date.now(),
}: {
  idleMs: number;
  now?: number;
}): Promise<number> {
  const dir = path.join(evidenceStorageRoot(), "tmp");
  const names = await readdir(dir).catch(() => [] as string[]);
  let deleted = 0;
  for (const name of names) {
    if (!name.endsWith(".part")) continue;
    const file = path.join(dir, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < idleMs) continue;
    await rm(file, { force: true });
    deleted += 1;
  }
  return deleted;
}
