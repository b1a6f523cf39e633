import { describe, expect, it } from "vitest";

import { parseEnv } from "@/lib/env";

const base = {
  DATABASE_URL: "postgresql://app@127.0.0.1:5432/app",
  AUTH_SECRET: "x".repeat(32),
};

describe("job queue configuration", () => {
  it("runs jobs in the app process by default and stops them within 10 s", () => {
    expect(parseEnv(base)).toMatchObject({
      JOBS_IN_PROCESS: true,
      JOBS_STOP_TIMEOUT_SECONDS: 10,
      COVERAGE_SNAPSHOT_CRON: "5 0 * * *",
    });
    expect(
      parseEnv({ ...base, COVERAGE_SNAPSHOT_CRON: " 55 23 * * 1-5 " }).COVERAGE_SNAPSHOT_CRON,
    ).toBe("55 23 * * 1-5");
    expect(parseEnv({ ...base, JOBS_IN_PROCESS: "false" }).JOBS_IN_PROCESS).toBe(false);
    expect(parseEnv({ ...base, JOBS_STOP_TIMEOUT_SECONDS: "45" }).JOBS_STOP_TIMEOUT_SECONDS).toBe(
      45,
    );
  });

  it("names the variable of a wrong value", () => {
    expect(() => parseEnv({ ...base, JOBS_IN_PROCESS: "sometimes" })).toThrow(
      /JOBS_IN_PROCESS: expected one of/,
    );
    expect(() => parseEnv({ ...base, JOBS_STOP_TIMEOUT_SECONDS: "0" })).toThrow(
      /JOBS_STOP_TIMEOUT_SECONDS: expected at least 1 second/,
    );
    expect(() => parseEnv({ ...base, COVERAGE_SNAPSHOT_CRON: "every day" })).toThrow(
      /COVERAGE_SNAPSHOT_CRON: expected a cron expression of five fields/,
    );
  });
});
