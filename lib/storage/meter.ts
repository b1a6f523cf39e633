import { createHash } from "node:crypto";
import { Transform } from "node:stream";

import { SizeLimitExceededError } from "@/lib/storage/storage";

/**
 * A pass-through that hashes and counts the bytes on their way to storage and fails the stream
 * as soon as one byte more than `maxBytes` arrives, so an oversize upload stops at the limit
 * instead of after the whole body was read. Both drivers use it; nothing is buffered here.
 */
export function createMeter(maxBytes: number) {
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
    /** Only after the stream ended: a digest of a cut-off stream must never be recorded. */
    digest: () => {
      if (digest === undefined) throw new Error("meter: stream not finished");
      return digest;
    },
  };
}
