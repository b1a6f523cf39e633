import { createHash } from "node:crypto";
import { Transform } from "node:stream";

export class IntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IntegrityError";
  }
}

/**
 * Passes a stored file through while hashing it and fails the stream when the SHA-256 or the size
 * differs from what was recorded at upload. The last chunk is held back until the check passes,
 * so a tampered file never reaches the client complete: the download aborts short of its
 * Content-Length instead of silently delivering wrong bytes.
 */
export function createVerifyingStream({ sha256, size }: { sha256: string; size: number }) {
  const hash = createHash("sha256");
  let seen = 0;
  let pending: Buffer | null = null;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      hash.update(chunk);
      if (seen > size) {
        callback(new IntegrityError("The stored file is larger than recorded at upload."));
        return;
      }
      const previous = pending;
      pending = chunk;
      callback(null, previous ?? undefined);
    },
    flush(callback) {
      const digest = hash.digest("hex");
      if (seen !== size || digest !== sha256.toLowerCase()) {
        callback(
          new IntegrityError(
            "The stored file does not match its recorded SHA-256; the download was stopped.",
          ),
        );
        return;
      }
      if (pending) this.push(pending);
      callback();
    },
  });
}
