// The storage contract, run against both drivers: the local folder and the S3 driver talking to a
// real S3-compatible server (s3rver) started here. Plus, for S3, a server connection that dies in
// the middle of a multipart upload (a TCP proxy that cuts after some bytes).
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";

import { HeadObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createLocalDiskStorage } from "@/lib/storage/local-disk-storage";
import { createS3Client, createS3Storage, S3_DUTY_SIZE } from "@/lib/storage/s3-storage";
import {
  IncompleteListingUnsupportedError,
  newObjectKey,
  ObjectNotFoundError,
  type ObjectStorage,
  SizeLimitExceededError,
} from "@/lib/storage/storage";

import { startS3Server, TEST_BUCKET, type TestS3Server } from "../support/s3-server";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

let s3: TestS3Server;
let localRoot: string;
const MB = 1024 * 1024;

beforeAll(async () => {
  s3 = await startS3Server();
  localRoot = await mkdtemp(path.join(os.tmpdir(), "srm-storage-contract-"));
});

afterAll(async () => {
  await s3.stop();
  await rm(localRoot, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

function chunked(bytes: Buffer, chunk = 256 * 1024): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return Readable.from(parts);
}

/** Sends `good` bytes, then fails like a client that went away. */
function failingAfter(good: Buffer): Readable {
  return Readable.from(
    (async function* () {
      yield good;
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error("client went away");
    })(),
  );
}

async function keysOf(storage: ObjectStorage): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of storage.list()) keys.push(...page.map((o) => o.key));
  return keys;
}

const drivers: { name: string; make: () => ObjectStorage }[] = [
  { name: "local folder", make: () => createLocalDiskStorage(localRoot) },
  {
    name: "S3 (s3rver)",
    make: () =>
      createS3Storage({ client: createS3Client(s3.settings()), bucket: TEST_BUCKET, prefix: "c/" }),
  },
];

describe.each(drivers)("storage contract: $name", ({ make }) => {
  let storage: ObjectStorage;
  beforeAll(() => {
    storage = make();
  });

  it("puts, gets, lists, tells existence and deletes, with the SHA-256 and size", async () => {
    const bytes = randomBytes(300 * 1024);
    const key = newObjectKey();
    const stored = await storage.put(key, chunked(bytes), { maxBytes: MB });
    expect(stored).toEqual({ key, sha256: sha256(bytes), size: bytes.length });
    expect(await storage.exists(key)).toBe(true);
    expect(sha256(await buffer(await storage.get(key)))).toBe(sha256(bytes));
    expect(await keysOf(storage)).toContain(key);
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    await storage.delete(key); // idempotent
  });

  it("streams a file of several parts (12 MB, parts of 5 MB) and reads it back whole", async () => {
    const bytes = randomBytes(12 * MB);
    const key = newObjectKey();
    const stored = await storage.put(key, chunked(bytes), { maxBytes: 20 * MB });
    expect(stored.size).toBe(12 * MB);
    expect(stored.size).toBeGreaterThan(2 * S3_DUTY_SIZE);
    expect(stored.sha256).toBe(sha256(bytes));
    expect(sha256(await buffer(await storage.get(key)))).toBe(stored.sha256);
    await storage.delete(key);
  });

  it("refuses one byte over the limit and keeps nothing", async () => {
    const key = newObjectKey();
    const bytes = randomBytes(6 * MB + 1);
    await expect(storage.put(key, chunked(bytes), { maxBytes: 6 * MB })).rejects.toBeInstanceOf(
      SizeLimitExceededError,
    );
    expect(await storage.exists(key)).toBe(false);
    expect(await keysOf(storage)).not.toContain(key);
  });

  it("keeps nothing when the source fails in the middle, small or multipart", async () => {
    for (const size of [1000, 7 * MB]) {
      const key = newObjectKey();
      await expect(
        storage.put(key, failingAfter(randomBytes(size)), { maxBytes: 20 * MB }),
      ).rejects.toThrow("client went away");
      expect(await storage.exists(key)).toBe(false);
    }
  });

  it("never addresses anything but its own keys", async () => {
    await expect(storage.get("../../etc/passwd")).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(await storage.exists("not-a-key")).toBe(false);
  });
});

describe("the local driver's unfinished uploads", () => {
  it("lists a temporary file left by an interrupted process and removes it", async () => {
    const storage = createLocalDiskStorage(localRoot);
    const key = newObjectKey();
    const { writeFile, mkdir } = await import("node:fs/promises");
    await mkdir(path.join(localRoot, "tmp"), { recursive: true });
    await writeFile(path.join(localRoot, "tmp", `${key}.part`), randomBytes(1000));
    const listed = [];
    for await (const page of storage.listIncomplete()) listed.push(...page);
    const left = listed.find((upload) => upload.key === key);
    expect(left).toBeDefined();
    await storage.abortIncomplete(left!);
    const after = [];
    for await (const page of storage.listIncomplete()) after.push(...page);
    expect(after.map((u) => u.key)).not.toContain(key);
  });
});

describe("the S3 driver when the server fails", () => {
  let proxy: TcpProxy;
  beforeAll(async () => {
    proxy = await startTcpProxy({ host: "127.0.0.1", port: s3.port });
  });
  afterAll(async () => {
    await proxy.close();
  });

  it("leaves no object when the connection dies in the middle of a multipart upload", async () => {
    const client = createS3Client(s3.settings(proxy.url("http")));
    const storage = createS3Storage({ client, bucket: TEST_BUCKET, prefix: "cut/" });
    const key = newObjectKey();
    // After the first part went through, everything is cut (and stays cut through the retries).
    proxy.cutAfterBytes(S3_DUTY_SIZE + S3_DUTY_SIZE / 2);
    const started = proxy.upstreamBytes();
    await expect(
      storage.put(key, chunked(randomBytes(16 * MB)), { maxBytes: 20 * MB }),
    ).rejects.toThrow();
    expect(proxy.upstreamBytes() - started).toBeGreaterThan(S3_DUTY_SIZE);
    await proxy.restore();
    // Asked of the server directly, not through the proxy: there is no such object.
    const direct = createS3Client(s3.settings());
    await expect(
      direct.send(new HeadObjectCommand({ Bucket: TEST_BUCKET, Key: `cut/${key}` })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    const listing = await direct.send(
      new ListObjectsV2Command({ Bucket: TEST_BUCKET, Prefix: "cut/" }),
    );
    expect(listing.Contents ?? []).toEqual([]);
  });

  it("says so when the server cannot list unfinished uploads", async () => {
    const storage = createS3Storage({
      client: createS3Client(s3.settings()),
      bucket: TEST_BUCKET,
      prefix: "c/",
    });
    const iterate = async () => {
      for await (const page of storage.listIncomplete()) void page;
    };
    await expect(iterate()).rejects.toBeInstanceOf(IncompleteListingUnsupportedError);
  });
});
