import "server-only";

import { readdir, rm, rmdir, stat } from "node:fs/promises";
import path from "node:path";

import { db } from "@/lib/db/client";
import { exportStorageRoot } from "@/lib/storage/evidence-storage";

// The local driver's own folders under the same root (local-disk-storage.ts).
const DRIVER_DIRS = new Set(["objects", "tmp"]);
// A bundle of the old layout was `<jobId>.zip`, written as `<jobId>.zip.partial` first.
const LEGACY_NAME = /^[a-z0-9]+(?:\.\d+)?\.zip(?:\.partial)?$/;

/**
 * Bundles built before object storage live at `${DATA_DIR}/exports/<workspaceId>/<jobId>.zip`
 * and are named by their row's filePath until retention deletes them (purge-expired-exports.ts).
 * This step of the storage sweep deletes what that layout left behind and no row names: partial
 * files of builds interrupted by a crash, bundles whose row is gone. Files modified within
 * `graceMs` and names of other shapes are left alone; emptied workspace folders are removed.
 * Only the local disk ever held this layout. Returns how many files were deleted.
 */
export async function sweepLegacyExportFiles({
  now = Date.now(),
  graceMs = 60 * 60_000,
}: { now?: number; graceMs?: number } = {}): Promise<number> {
  const root = exportStorageRoot();
  const folders = (await readdir(root).catch(() => [] as string[])).filter(
    (name) => !DRIVER_DIRS.has(name),
  );
  let deleted = 0;
  for (const folder of folders) {
    const dir = path.join(root, folder);
    const names = (await readdir(dir).catch(() => [] as string[])).filter((name) =>
      LEGACY_NAME.test(name),
    );
    if (names.length === 0) continue;
    const files = names.map((name) => path.join(dir, name));
    const named = await db.exportJob.findMany({
      where: { filePath: { in: files } },
      select: { filePath: true },
    });
    const owned = new Set(named.map((row) => row.filePath));
    for (const file of files) {
      if (owned.has(file)) continue;
      const info = await stat(file).catch(() => null);
      if (!info?.isFile() || now - info.mtimeMs < graceMs) continue;
      await rm(file, { force: true });
      deleted += 1;
    }
    // Fails while anything is left in it, which is what we want.
    await rmdir(dir).catch(() => undefined);
  }
  return deleted;
}
