import type { Readable } from "node:stream";

/**
 * Where evidence files live. The app talks to this small interface only, so a different backend
 * (an object store) can replace the local disk without touching the services.
 *
 * Contract of `put`: the object becomes visible under its key only once the whole stream has been
 * written and hashed. A stream that errors, is aborted or exceeds `maxBytes` leaves nothing behind
 * (no object, no temporary file) and `put` rejects.
 */
export type StoredObject = {
  /** Opaque key chosen by the storage (random, never derived from user input). */
  key: string;
  /** Hex SHA-256 of the bytes as written, computed while streaming. */
  sha256: string;
  size: number;
};

export type PutOptions = {
  /** Hard limit: the upload is aborted as soon as one byte more arrives. */
  maxBytes: number;
};

export type ObjectStorage = {
  put(source: Readable | AsyncIterable<Uint8Array>, options: PutOptions): Promise<StoredObject>;
  /** Rejects with ObjectNotFoundError when the key is unknown. */
  get(key: string): Promise<Readable>;
  /** Idempotent: deleting a missing object is not an error (purge may be retried). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
};

export class SizeLimitExceededError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The upload exceeds the limit of ${maxBytes} bytes.`);
    this.name = "SizeLimitExceededError";
  }
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object for key ${key}.`);
    this.name = "ObjectNotFoundError";
  }
}
