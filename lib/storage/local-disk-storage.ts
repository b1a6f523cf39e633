import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { createMeter } from "@/lib/storage/meter";
import {
  type IncompleteUpload,
  isObjectKey,
  type ListedObject,
  ObjectNotFoundError,
  type ObjectStorage,
  type PutOptions,
  type StoredObject,
} from "@/lib/storage/storage";

const PAGE_SIZE = 500;

/**
 * Files under `<root>/objects/ab/cd/<key>`; uploads go to `<root>/tmp/<key>.part` first and are
 * renamed into place (atomic on one file system) only after the last byte is written and flushed.
 */
export function createLocalDiskStorage(root: string): ObjectStorage {
  const objectsDir = path.resolve(root, "objects");
  const tmpDir = path.resolve(root, "tmp");

  function objectPath(key: string): string {
    if (!isObjectKey(key)) throw new ObjectNotFoundError(key);
    return path.join(objectsDir, key.slice(0, 2), key.slice(2, 4), key);
  }
  const tmpPath = (key: string) => path.join(tmpDir, `${key}.part`);

  return {
    driver: "local",

    async put(key, source, options: PutOptions): Promise<StoredObject> {
      const finalPath = objectPath(key);
      await mkdir(tmpDir, { recursive: true });
      const partial = tmpPath(key);
      const meter = createMeter(options.maxBytes);
      try {
        const input = source instanceof Readable ? source : Readable.from(source);
        // pipeline destroys every stream on the first error, so an oversize or aborted upload
        // stops reading at once instead of draining the rest of the request.
        await pipeline(
          input,
          meter.stream,
          createWriteStream(partial, { flags: "wx", mode: 0o600 }),
        );
        const handle = await open(partial, "r+");
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        await mkdir(path.dirname(finalPath), { recursive: true });
        // Fails (ENOENT) if a sweep removed the temporary file of a stalled upload meanwhile.
        await rename(partial, finalPath);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      return { key, sha256: meter.digest(), size: meter.size() };
    },

    async get(key) {
      const filePath = objectPath(key);
      // Open eagerly so a missing file is a rejected promise here, not a late stream error.
      const handle = await open(filePath, "r").catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") throw new ObjectNotFoundError(key);
        throw error;
      });
      return handle.createReadStream() as unknown as Readable;
    },

    async delete(key) {
      // Also the temporary file of an upload of this key that may still be in flight.
      await rm(objectPath(key), { force: true });
      await rm(tmpPath(key), { force: true });
    },

    async exists(key) {
      try {
        return (await stat(objectPath(key))).isFile();
      } catch {
        return false;
      }
    },

    async *list() {
      let page: ListedObject[] = [];
      for (const first of await entries(objectsDir)) {
        for (const second of await entries(path.join(objectsDir, first))) {
          const dir = path.join(objectsDir, first, second);
          for (const name of await entries(dir)) {
            if (!isObjectKey(name)) continue;
            const info = await stat(path.join(dir, name)).catch(() => null);
            if (!info?.isFile()) continue;
            page.push({ key: name, lastModified: info.mtime });
            if (page.length >= PAGE_SIZE) {
              yield page;
              page = [];
            }
          }
        }
      }
      if (page.length > 0) yield page;
    },

    async *listIncomplete() {
      let page: IncompleteUpload[] = [];
      for (const name of await entries(tmpDir)) {
        const info = await stat(path.join(tmpDir, name)).catch(() => null);
        if (!info?.isFile()) continue;
        // The last write, not the start: a slow upload that still receives bytes is not stale.
        page.push({ key: name.replace(/\.part$/, ""), startedAt: info.mtime, id: name });
        if (page.length >= PAGE_SIZE) {
          yield page;
          page = [];
        }
      }
      if (page.length > 0) yield page;
    },

    async abortIncomplete(upload) {
      if (path.basename(upload.id) !== upload.id) return;
      await rm(path.join(tmpDir, upload.id), { force: true });
    },
  };
}

async function entries(dir: string): Promise<string[]> {
  return readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
}
