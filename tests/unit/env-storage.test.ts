import { describe, expect, it } from "vitest";

import { EnvError, parseEnv, s3Settings } from "@/lib/env";

const base = {
  DATABASE_URL: "postgresql://u@localhost:5432/db",
  AUTH_SECRET: "x".repeat(32),
};
const s3 = {
  STORAGE_DRIVER: "s3",
  S3_ENDPOINT: "http://minio:9000",
  S3_REGION: "us-east-1",
  S3_BUCKET: "srm-files",
  S3_ACCESS_KEY_ID: "key",
  S3_SECRET_ACCESS_KEY: "secret",
};

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("storage settings", () => {
  it("defaults to the local folder and needs no S3 variable then", () => {
    expect(parseEnv(base).STORAGE_DRIVER).toBe("local");
  });

  it("accepts a complete S3 configuration; path-style by default with an endpoint", () => {
    const value = parseEnv({ ...base, ...s3 });
    expect(s3Settings(value)).toEqual({
      endpoint: "http://minio:9000",
      region: "us-east-1",
      bucket: "srm-files",
      accessKeyId: "key",
      secretAccessKey: "secret",
      forcePathStyle: true,
    });
    expect(
      s3Settings(parseEnv({ ...base, ...s3, S3_FORCE_PATH_STYLE: "false" })).forcePathStyle,
    ).toBe(false);
  });

  it("names every missing S3 variable", () => {
    const partial = Object.fromEntries(
      Object.entries(s3).filter(
        ([name]) => name !== "S3_BUCKET" && name !== "S3_SECRET_ACCESS_KEY",
      ),
    );
    expect(problems({ ...base, ...partial })).toEqual([
      "S3_BUCKET: is required when STORAGE_DRIVER=s3",
      "S3_SECRET_ACCESS_KEY: is required when STORAGE_DRIVER=s3",
    ]);
  });

  it("names the variable of a wrong value", () => {
    expect(problems({ ...base, STORAGE_DRIVER: "ftp" })[0]).toMatch(/^STORAGE_DRIVER: expected/);
    expect(problems({ ...base, ...s3, S3_ENDPOINT: "minio" })[0]).toMatch(/^S3_ENDPOINT: /);
    expect(problems({ ...base, ...s3, S3_BUCKET: "ab" })[0]).toMatch(/^S3_BUCKET: expected/);
    expect(problems({ ...base, ...s3, S3_FORCE_PATH_STYLE: "maybe" })[0]).toMatch(
      /^S3_FORCE_PATH_STYLE: expected/,
    );
  });
});
