import { Readable } from "node:stream";

import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";

import type { S3Settings } from "@/lib/env";
import { createMeter } from "@/lib/storage/meter";
import {
  IncompleteListingUnsupportedError,
  isObjectKey,
  ObjectNotFoundError,
  type ObjectStorage,
  type StoredObject,
} from "@/lib/storage/storage";

// S3's smallest allowed part. Two parts in flight bound an upload's memory to ~10 MB whatever the
// file size (measured by `npm run bench:upload`), while the next part is read from the client.
export const S3_DUTY_SIZE = 5 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: {
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
    },
    // Checksums only where S3 requires them: the default adds CRC32 trailers in aws-chunked
    // encoding that several S3-compatible servers do not understand. We hash with SHA-256 anyway.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // A store that stops answering must fail the request, not hang the upload or the sweep.
    requestHandler: {
      connectionTimeout: 5_000,
      requestTimeout: 120_000,
      throwOnRequestTimeout: true,
    },
  });
}

/** One area of a bucket: objects are `<prefix><key>`, e.g. `evidence/3f2a…`. */
export function createS3Storage({
  client,
  bucket,
  prefix,
}: {
  client: S3Client;
  bucket: string;
  prefix: string;
}): ObjectStorage {
  const objectKey = (key: string) => {
    if (!isObjectKey(key)) throw new ObjectNotFoundError(key);
    return `${prefix}${key}`;
  };

  async function abortUploadsOf(key: string) {
    try {
      for await (const page of listIncomplete(key)) {
        for (const upload of page) await abort(upload.id, upload.key);
      }
    } catch (error) {
      // A server without the listing call expires unfinished uploads by itself (or not at all);
      // the object is deleted either way.
      if (!(error instanceof IncompleteListingUnsupportedError)) throw error;
    }
  }

  async function abort(uploadId: string, key: string) {
    await client.send(
      new AbortMultipartUploadCommand({ Bucket: bucket, Key: objectKey(key), UploadId: uploadId }),
    );
  }

  async function* listIncomplete(keyPrefix = "") {
    let keyMarker: string | undefined;
    let uploadIdMarker: string | undefined;
    do {
      let page;
      try {
        page = await client.send(
          new ListMultipartUploadsCommand({
            Bucket: bucket,
            Prefix: `${prefix}${keyPrefix}`,
            KeyMarker: keyMarker,
            UploadIdMarker: uploadIdMarker,
          }),
        );
      } catch (error) {
        if (isNotImplemented(error)) {
          throw new IncompleteListingUnsupportedError((error as Error).message);
        }
        throw error;
      }
      const uploads = (page.Uploads ?? [])
        .map((upload) => ({
          key: (upload.Key ?? "").slice(prefix.length),
          startedAt: upload.Initiated ?? new Date(0),
          id: upload.UploadId ?? "",
        }))
        .filter((upload) => isObjectKey(upload.key) && upload.id);
      if (uploads.length > 0) yield uploads;
      keyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
      uploadIdMarker = page.IsTruncated ? page.NextUploadIdMarker : undefined;
    } while (keyMarker);
  }

  return {
    driver: "s3",

    async put(key, source, options): Promise<StoredObject> {
      const meter = createMeter(options.maxBytes);
      const input = source instanceof Readable ? source : Readable.from(source);
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: objectKey(key), Body: meter.stream },
        partSize: S3_DUTY_SIZE,
        queueSize: PARTS_IN_FLIGHT,
        // On failure lib-storage aborts the multipart upload, so no parts stay behind (where the
        // server lacks the abort call, the sweep's listing or the server's own expiry does it).
        leavePartsOnError: false,
      });
      // The first failure of the source side (the client went away, the size limit, the content
      // check) is the one to report: the SDK may otherwise surface its own follow-up error.
      let sourceError: unknown;
      const fail = (error: unknown) => {
        sourceError ??= error;
        upload.abort().catch(() => undefined);
      };
      input.on("error", (error) => {
        fail(error);
        meter.stream.destroy(error);
      });
      meter.stream.on("error", fail);
      input.pipe(meter.stream);
      try {
        await upload.done();
      } catch (error) {
        if (!input.destroyed) input.destroy();
        throw sourceError ?? error;
      }
      if (sourceError) {
        // The store accepted an object although the source failed: it must not stay.
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        throw sourceError;
      }
      return { key, sha256: meter.digest(), size: meter.size() };
    },

    async get(key) {
      try {
        const result = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }),
        );
        return result.Body as Readable;
      } catch (error) {
        if (isNotFound(error)) throw new ObjectNotFoundError(key);
        throw error;
      }
    },

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
      await abortUploadsOf(key);
    },

    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },

    async *list() {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
        );
        const objects = (page.Contents ?? [])
          .map((item) => ({
            key: (item.Key ?? "").slice(prefix.length),
            lastModified: item.LastModified ?? new Date(0),
          }))
          .filter((item) => isObjectKey(item.key));
        if (objects.length > 0) yield objects;
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },

    listIncomplete: () => listIncomplete(),

    async abortIncomplete(upload) {
      try {
        await abort(upload.id, upload.key);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}

function isNotFound(error: unknown): boolean {
  if (error instanceof ObjectNotFoundError) return true;
  if (!(error instanceof S3ServiceException)) return false;
  return (
    error.name === "NoSuchKey" ||
    error.name === "NotFound" ||
    error.name === "NoSuchUpload" ||
    error.$metadata.httpStatusCode === 404
  );
}

function isNotImplemented(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  const status = error.$metadata.httpStatusCode;
  return error.name === "NotImplemented" || status === 501 || status === 405;
}
