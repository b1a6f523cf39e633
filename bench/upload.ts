/**
 * Upload benchmark: `npm run bench:upload [-- --mb 200] [--drivers local,s3] [--url … --token srm_…]`.
 *
 * Streams generated PDF-looking files (50 MB, then --mb, default 200) through the app's upload path
 * after the multipart parser (content check, SHA-256, size limit, the pending-objects ledger,
 * storage), once on each storage driver: the local folder and S3 (an s3rver process started here,
 * so its own memory is not counted). Then the same through the API route's multipart parser. It
 * samples this process's resident memory (RSS) and V8 heap every 20 ms and prints the peak growth
 * over the baseline: bounded streaming shows as the same small growth for both sizes. A scratch
 * database holds the ledger (TEST_DATABASE_URL's server when set, else embedded PGlite).
 * With --url and --token it also uploads through a running server's API.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";

import type { ObjectStorage } from "@/lib/storage/storage";

import { createTestDatabase } from "../tests/support/test-database";

const MB = 1024 * 1024;
const CHUNK = 256 * 1024;
const BUCKET = "srm-bench";

function generatedPdf(totalBytes: number): { stream: Readable; sha256: () => string } {
  const hash = createHash("sha256");
  const header = Buffer.from("%PDF-1.7\n%benchmark\n", "latin1");
  let sent = 0;
  let counter = 0;
  const stream = new Readable({
    read() {
      if (sent >= totalBytes) {
        this.push(null);
        return;
      }
      const size = Math.min(CHUNK, totalBytes - sent);
      const chunk = Buffer.alloc(size, counter++ % 251);
      if (sent === 0) header.copy(chunk);
      sent += size;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, sha256: () => hash.digest("hex") };
}

type Sample = { rssMb: number; heapMb: number; peakRssMb: number; peakHeapMb: number };

function memorySampler() {
  globalThis.gc?.();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 20);
  return {
    stop(): Sample {
      clearInterval(timer);
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
      return {
        rssMb: base.rss / MB,
        heapMb: base.heapUsed / MB,
        peakRssMb: peakRss / MB,
        peakHeapMb: peakHeap / MB,
      };
    },
  };
}

const BOUNDARY = "----srm-bench";

/** A streamed multipart body around a generated file, as a client would send it. */
function multipartBody(sizeMb: number): ReadableStream {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBenchmark ${sizeMb} MB\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const file = generatedPdf(sizeMb * MB).stream;
  async function* body() {
    yield head;
    for await (const chunk of file) yield chunk as Buffer;
    yield tail;
  }
  return Readable.toWeb(Readable.from(body())) as unknown as ReadableStream;
}

/** An s3rver in its own process, so the figures are this process's alone. */
async function startS3rverProcess(dir: string) {
  const child = spawn(
    process.execPath,
    ["node_modules/s3rver/bin/s3rver.js", "-d", dir, "-a", "127.0.0.1", "-p", "0", "-s"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  child.stdout.setEncoding("utf8");
  const port = await new Promise<number>((resolve, reject) => {
    let seen = "";
    child.stdout.on("data", (text: string) => {
      seen += text;
      const match = /listening on [^:]+:(\d+)/.exec(seen);
      if (match) resolve(Number(match[1]));
    });
    child.once("exit", (code) => reject(new Error(`s3rver exited (${code})`)));
  });
  return { port, stop: () => child.kill("SIGTERM") };
}

async function main() {
  const { values } = parseArgs({
    options: {
      mb: { type: "string", default: "200" },
      drivers: { type: "string", default: "local,s3" },
      url: { type: "string" },
      token: { type: "string" },
    },
  });
  const sizeMb = Number(values.mb);
  const scratch = await mkdtemp(path.join(os.tmpdir(), "srm-bench-upload-"));
  const database = await createTestDatabase("srm_bench_upload");
  process.env.DATABASE_URL = database.url;
  process.env.DATA_DIR = scratch;
  process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
  process.env.LOG_LEVEL ??= "warn";
  const s3rver = values.drivers.includes("s3")
    ? await startS3rverProcess(path.join(scratch, "s3rver"))
    : null;
  try {
    const { storeEvidenceFile, discardEvidenceFile } =
      await import("@/lib/server/evidence/store-evidence-file");
    const { readMultipartUpload } = await import("@/lib/server/evidence/read-multipart-upload");
    const { createLocalDiskStorage } = await import("@/lib/storage/local-disk-storage");
    const { createS3Client, createS3Storage } = await import("@/lib/storage/s3-storage");
    const { db } = await import("@/lib/db/client");

    const drivers: { name: string; storage: ObjectStorage }[] = [];
    if (values.drivers.includes("local")) {
      drivers.push({
        name: "local folder",
        storage: createLocalDiskStorage(path.join(scratch, "evidence")),
      });
    }
    if (s3rver) {
      const client = createS3Client({
        endpoint: `http://127.0.0.1:${s3rver.port}`,
        region: "us-east-1",
        bucket: BUCKET,
        accessKeyId: "S3RVER",
        secretAccessKey: "S3RVER",
        forcePathStyle: true,
      });
      const { CreateBucketCommand } = await import("@aws-sdk/client-s3");
      await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
      drivers.push({
        name: "S3 (s3rver process)",
        storage: createS3Storage({ client, bucket: BUCKET, prefix: "evidence/" }),
      });
    }
    // Warm up (module loading, the database pool, the first S3 connection) before measuring.
    for (const { storage } of drivers) {
      const warm = await storeEvidenceFile({
        source: generatedPdf(MB).stream,
        fileName: "warm.pdf",
        maxBytes: 2 * MB,
        storage,
      });
      await discardEvidenceFile(warm, storage);
    }

    const print = (label: string, size: number, seconds: number, m: Sample) =>
      console.log(
        `  ${label.padEnd(22)} ${String(size).padStart(4)} MB: ${seconds.toFixed(2)} s, ` +
          `${(size / seconds).toFixed(0)} MB/s, peak growth RSS +${(m.peakRssMb - m.rssMb).toFixed(0)} MB ` +
          `(baseline ${m.rssMb.toFixed(0)} MB), heap +${(m.peakHeapMb - m.heapMb).toFixed(0)} MB`,
      );

    console.log("Upload path (content check + SHA-256 + ledger + storage), this process's memory:");
    for (const { name, storage } of drivers) {
      for (const size of [50, sizeMb]) {
        const source = generatedPdf(size * MB);
        const sampler = memorySampler();
        const started = performance.now();
        const stored = await storeEvidenceFile({
          source: source.stream,
          fileName: "bench.pdf",
          maxBytes: (size + 1) * MB,
          storage,
        });
        const seconds = (performance.now() - started) / 1000;
        const memory = sampler.stop();
        if (stored.sha256 !== source.sha256()) throw new Error("SHA-256 differs");
        await discardEvidenceFile(stored, storage);
        print(name, size, seconds, memory);
      }
    }

    console.log("Multipart path of the API route (busboy parser in front of the above):");
    for (const { name, storage } of drivers) {
      const request = new Request("http://bench.local/api/v1/evidence/files", {
        method: "POST",
        headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
        body: multipartBody(sizeMb),
        duplex: "half",
      } as RequestInit);
      const maxBytes = (sizeMb + 1) * MB;
      const sampler = memorySampler();
      const started = performance.now();
      const { file } = await readMultipartUpload({
        request,
        maxFileBytes: maxBytes,
        onFile: ({ source, fileName }) =>
          storeEvidenceFile({ source, fileName, maxBytes, storage }),
        discard: (stored) => discardEvidenceFile(stored, storage),
      });
      const seconds = (performance.now() - started) / 1000;
      const memory = sampler.stop();
      await discardEvidenceFile(file, storage);
      print(name, sizeMb, seconds, memory);
    }
    await db.$disconnect();
  } finally {
    s3rver?.stop();
    await database.drop();
    await rm(scratch, { recursive: true, force: true });
  }

  if (values.url && values.token) {
    console.log(`HTTP upload to ${values.url} (server memory: watch its RSS)`);
    const started = performance.now();
    const response = await fetch(`${values.url.replace(/\/$/, "")}/api/v1/evidence/files`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${values.token}`,
        "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      },
      body: multipartBody(sizeMb),
      duplex: "half",
    } as RequestInit);
    const seconds = (performance.now() - started) / 1000;
    console.log(`  ${sizeMb} MB: HTTP ${response.status}, ${seconds.toFixed(2)} s`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
