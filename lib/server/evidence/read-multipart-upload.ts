import "server-only";

import { Readable } from "node:stream";

import busboy from "busboy";

import { AppError, ValidationError } from "@/lib/errors";
import { FileTooLargeError } from "@/lib/server/evidence/store-evidence-file";

export type MultipartFields = Record<string, string | string[]>;

// Room for the text fields and part headers around the file in a multipart body.
const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

/**
 * Reads a multipart/form-data request WITHOUT buffering it: text fields are collected, the single
 * part named "file" is handed to `onFile` as a stream while the request is still arriving (busboy
 * parses incrementally). Fields may come before or after the file. If anything fails after
 * `onFile` succeeded, `discard` removes what it stored.
 */
export async function readMultipartUpload<T>({
  request,
  maxFileBytes,
  onFile,
  discard,
}: {
  request: Request;
  maxFileBytes: number;
  onFile: (file: { source: Readable; fileName: string }) => Promise<T>;
  discard: (stored: T) => Promise<void>;
}): Promise<{ fields: MultipartFields; file: T }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(contentType) || !request.body) {
    throw ValidationError.forField(
      "file",
      'Send the upload as multipart/form-data with the file in a part named "file".',
    );
  }
  const declaredLength = Number(request.headers.get("content-length") ?? "NaN");
  // Refuse before reading a byte when the client announces a body that cannot fit.
  if (Number.isFinite(declaredLength) && declaredLength > maxFileBytes + MULTIPART_OVERHEAD_BYTES) {
    throw new FileTooLargeError(maxFileBytes);
  }

  const fields: MultipartFields = {};
  const body = Readable.fromWeb(
    request.body as import("node:stream/web").ReadableStream<Uint8Array>,
  );
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Browsers and undici send raw UTF-8 file names; busboy's default would read them as latin1.
      defParamCharset: "utf8",
      limits: { files: 1, fields: 50, parts: 60, fieldSize: 100_000, fileSize: maxFileBytes },
    });
  } catch {
    throw ValidationError.forField("file", "The multipart body is malformed (missing boundary).");
  }

  let fileTask: Promise<T> | undefined;
  let failure: Error | undefined;
  const fail = (error: Error) => {
    if (failure) return;
    failure = error;
    // Destroying the parser destroys the file stream it is feeding (storage then discards its
    // temporary file); destroying the body stops reading the request. It is deferred because
    // busboy emits "limit" (and "file") from inside its own write and touches its file stream
    // again right after: destroying it synchronously there throws an uncaught TypeError.
    setImmediate(() => {
      parser.destroy(failure);
      body.destroy();
    });
  };

  await new Promise<void>((resolve) => {
    parser.on("file", (name, stream, info) => {
      if (name !== "file" || fileTask) {
        stream.resume();
        fail(ValidationError.forField("file", 'Send exactly one file, in a part named "file".'));
        return;
      }
      // The parser sees the bytes before storage does: stop at the limit here, not at the end.
      stream.on("limit", () => fail(new FileTooLargeError(maxFileBytes)));
      fileTask = onFile({ source: stream, fileName: info.filename ?? "" });
      // A refused file stops the transfer instead of draining the rest of the body.
      fileTask.catch((error: Error) => fail(error));
    });
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) fail(ValidationError.forField(name, "is too long"));
      const existing = fields[name];
      fields[name] =
        existing === undefined
          ? value
          : [...(Array.isArray(existing) ? existing : [existing]), value];
    });
    parser.on("filesLimit", () => fail(ValidationError.forField("file", "Send exactly one file.")));
    parser.on("fieldsLimit", () => fail(new ValidationError("Too many form fields.")));
    parser.on("dutiesLimit", () => fail(new ValidationError("Too many form parts.")));
    parser.on("error", (error: Error) => {
      fail(
        ValidationError.forField("file", `The multipart body could not be read: ${error.message}`),
      );
    });
    parser.on("close", () => resolve());
    body.on("error", () =>
      fail(ValidationError.forField("file", "The upload was interrupted before it was complete.")),
    );
    body.pipe(parser);
  });

  let stored: T | undefined;
  if (fileTask) {
    try {
      stored = await fileTask;
    } catch (error) {
      // The file's own refusal (type, size) says more than the parse error it may have caused.
      failure = failure && !(error instanceof AppError) ? failure : (error as Error);
    }
  }
  if (failure) {
    if (stored !== undefined) await discard(stored);
    throw failure;
  }
  if (stored === undefined)
    throw ValidationError.forField("file", 'is required: add the file in a part named "file".');
  return { fields, file: stored };
}
