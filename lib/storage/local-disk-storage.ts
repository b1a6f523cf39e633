import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

import {
  ObjectNotFoundError,
  type ObjectStorage,
  type PutOptions,
  SizeLimitExceededError,
  type StoredObject,
} from "@/lib/storage/storage";

// Keys are 32 random hex characters. Random rather than content-addressed: every evidence row
// owns its file, so purging one item can never remove bytes another item still points to.
const KEY_PATTERN = /^[0-9a-f]{32}$/;

/**
 * Files under `<root>/objects/ab/cd/<key>`; uploads go to `<root>/tmp/` first and are renamed
 * into place (atomic on one file system) only after the last byte is written and flushed.
 */
export function createLocalDiskStorage(root: string): ObjectStorage {
  const objectsDir = path.resolve(root, "objects");
  const tmpDir = path.resolve(root, "tmp");

  function objectPath(key: string): string {
    // The key is ours, but it comes back from the database: never let it address another path.
    if (!KEY_PATTERN.test(key)) throw new ObjectNotFoundError(key);
    return path.join(objectsDir, key.slice(0, 2), key.slice(2, 4), key);
  }

  return {
    async put(source, options: PutOptions): Promise<StoredObject> {
      await mkdir(tmpDir, { recursive: true });
      const key = randomBytes(16).toString("hex");
      const tmpPath = path.join(tmpDir, `${key}.part`);
      const meter = createMeter(options.maxBytes);
      try {
        const input = source instanceof Readable ? source : Readable.from(source);
        // pipeline destroys every stream on the first error, so an oversize or aborted upload
        // stops reading at once instead of draining the rest of the request.
        await pipeline(
          input,
          meter.stream,
          createWriteStream(tmpPath, { flags: "wx", mode: 0o600 }),
        );
        const handle = await open(tmpPath, "r+");
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        const finalPath = objectPath(key);
        await mkdir(path.dirname(finalPath), { recursive: true });
        await rename(tmpPath, finalPath);
      } catch (error) {
        await rm(tmpPath, { force: true });
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
      await rm(objectPath(key), { force: true });
    },

    async exists(key) {
      try {
        return (await stat(objectPath(key))).isFile();
      } catch {
        return false;
      }
    },
  };
}

function createMeter(maxBytes: number) {
  const hash = createHash("sha256");
  let size = 0;
  let digest: string | undefined;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes) {
        callback(new SizeLimitExceededError(maxBytes));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      digest = hash.digest("hex");
      callback();
    },
  });
  return {
    stream,
    size: () => size,
    digest: () => {
      if (digest === undefined) throw new Error("meter: stream not finished");
      return digest;
    },
  };
}
