// A real S3-compatible HTTP server (s3rver, from npm) for the tests, on a free port with its own
// directory and bucket. No Docker here, so MinIO itself cannot run; s3rver speaks the same API for
// the calls the driver makes (it lacks ListMultipartUploads and AbortMultipartUpload, see below).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import S3rver from "s3rver";

import type { S3Settings } from "@/lib/env";

export const TEST_BUCKET = "srm-test";

export type TestS3Server = {
  endpoint: string;
  port: number;
  directory: string;
  settings: (endpoint?: string) => S3Settings;
  /** The variables the app reads for this server (STORAGE_DRIVER=s3 and S3_*). */
  env: (endpoint?: string) => Record<string, string>;
  stop: () => Promise<void>;
};

export async function startS3Server(): Promise<TestS3Server> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "srm-s3rver-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: TEST_BUCKET }],
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const settings = (at = endpoint): S3Settings => ({
    endpoint: at,
    region: "us-east-1",
    bucket: TEST_BUCKET,
    // s3rver's built-in credentials.
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  });
  return {
    endpoint,
    port: address.port,
    directory,
    settings,
    env: (at = endpoint) => ({
      STORAGE_DRIVER: "s3",
      S3_ENDPOINT: at,
      S3_REGION: "us-east-1",
      S3_BUCKET: TEST_BUCKET,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    }),
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
