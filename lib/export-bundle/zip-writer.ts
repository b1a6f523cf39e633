// Writes a ZIP as a stream, to a file or to any consumer (object storage): each entry is read,
// hashed and compressed on its way out, one entry at a time, so memory stays bounded by stream
// buffers whatever the bundle size.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { finished, pipeline } from "node:stream/promises";

import yazl from "yazl";

import type { ManifestFile } from "@/lib/export-bundle/manifest";

export type ZipEntrySource = Readable | AsyncIterable<string | Uint8Array> | Iterable<string>;

/** Deflating already-compressed formats costs CPU and saves nothing. */
const STORED_EXTENSIONS =
  /\.(zip|gz|tgz|bz2|xz|7z|jpe?g|png|gif|webp|heic|mp4|mov|mp3|docx|xlsx|pptx|odt|ods)$/i;

export type BundleZipWriter = {
  /** Adds one file and resolves once all its bytes went into the ZIP, with their size and hash. */
  add(path: string, source: ZipEntrySource): Promise<ManifestFile>;
  /** Writes the central directory; resolves with the ZIP's own size and SHA-256. */
  finish(): Promise<{ bytes: number; sha256: string }>;
  /** Stops writing and deletes the file (it must never look complete). */
  abort(): Promise<void>;
};

/** Where the ZIP's bytes go: a new file, or a function that consumes the stream to its end. */
export type ZipOutput = { filePath: string } | { write: (bytes: Readable) => Promise<unknown> };

export function createBundleZipWriter({
  mtime,
  ...output
}: ZipOutput & { mtime: Date }): BundleZipWriter {
  const zip = new yazl.ZipFile();
  const zipHash = createHash("sha256");
  let zipBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      zipHash.update(chunk);
      zipBytes += chunk.length;
      callback(null, chunk);
    },
  });
  // Its errors reach the caller through `written`; once the consumer has given up (storage failed
  // before reading a byte), an abort must not turn into an uncaught 'error' event.
  meter.on("error", () => undefined);
  const filePath = "filePath" in output ? output.filePath : undefined;
  const write =
    "write" in output
      ? output.write
      : (bytes: Readable) =>
          pipeline(bytes, createWriteStream(output.filePath, { flags: "wx", mode: 0o600 }));
  const written = Promise.all([
    pipeline(zip.outputStream as unknown as Readable, meter),
    write(meter),
  ]).then(() => undefined);
  // A write error surfaces from finish()/add(); keep it from being an unhandled rejection meanwhile.
  let writeError: unknown;
  // The entry being added: if the output fails, nothing drains it any more, so it is failed too
  // (otherwise add() would wait forever on a stalled stream).
  let currentTap: Transform | undefined;
  written.catch((error: unknown) => {
    writeError = error;
    currentTap?.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  zip.on("error", (error: unknown) => {
    writeError = error;
    meter.destroy(error instanceof Error ? error : new Error(String(error)));
  });

  return {
    async add(path, source) {
      if (writeError) throw writeError;
      const hash = createHash("sha256");
      let bytes = 0;
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          bytes += chunk.length;
          callback(null, chunk);
        },
      });
      currentTap = tap;
      const input = source instanceof Readable ? source : Readable.from(source as Iterable<string>);
      zip.addReadStream(tap, path, { mtime, compress: !STORED_EXTENSIONS.test(path) });
      // The entry is complete when yazl has drained the tap; a failing source fails the entry.
      await Promise.all([pipeline(input, tap), finished(tap, { readable: true, writable: false })]);
      if (writeError) throw writeError;
      return { path, bytes, sha256: hash.digest("hex") };
    },
    async finish() {
      zip.end();
      await written;
      return { bytes: zipBytes, sha256: zipHash.digest("hex") };
    },
    async abort() {
      zip.outputStream.unpipe?.();
      // The consumer sees a failed stream: object storage then keeps nothing of it.
      if (!meter.destroyed) meter.destroy(new Error("The bundle was not completed."));
      await written.catch(() => undefined);
      if (filePath) await rm(filePath, { force: true });
    },
  };
}
