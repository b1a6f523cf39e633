import { describe, expect, it } from "vitest";
import { z } from "zod";

import {
  DEFAULT_POLICY,
  defineJobKind,
  describeFailure,
  policyProblems,
  queueOptions,
  workOptions,
} from "@/lib/server/jobs/job-kind";

const kind = (overrides: Partial<Parameters<typeof defineJobKind>[0]> = {}) =>
  defineJobKind({
    name: "sample-job",
    label: "Sample",
    payload: z.object({ id: z.string() }),
    policy: DEFAULT_POLICY,
    handle: async () => {},
    ...overrides,
  });

describe("job kinds", () => {
  it("accepts lower-case hyphenated names and refuses others", () => {
    expect(kind().name).toBe("sample-job");
    for (const name of ["Sample", "sample_job", "-sample", "s", "sample-"]) {
      expect(() => kind({ name })).toThrow(/lower-case words/);
    }
  });

  it("names every policy problem", () => {
    expect(policyProblems(DEFAULT_POLICY)).toEqual([]);
    const problems = policyProblems({
      ...DEFAULT_POLICY,
      retries: -1,
      retryDelaySeconds: 0,
      heartbeatSeconds: 5,
      concurrency: 0,
      pollSeconds: 0.1,
    });
    expect(problems.join(" | ")).toMatch(/retries/);
    expect(problems.join(" | ")).toMatch(/retryDelaySeconds/);
    expect(problems.join(" | ")).toMatch(/heartbeatSeconds must be a whole number ≥ 10/);
    expect(problems.join(" | ")).toMatch(/concurrency/);
    expect(problems.join(" | ")).toMatch(/pollSeconds/);
    expect(() =>
      kind({ policy: { ...DEFAULT_POLICY, heartbeatSeconds: 60, timeoutSeconds: 30 } }),
    ).toThrow(/heartbeatSeconds must be shorter than timeoutSeconds/);
    expect(() =>
      kind({ policy: { ...DEFAULT_POLICY, retryDelaySeconds: 60, retryDelayMaxSeconds: 10 } }),
    ).toThrow(/retryDelayMaxSeconds/);
  });

  it("maps a policy onto pg-boss queue and worker options", () => {
    const policy = {
      ...DEFAULT_POLICY,
      retries: 4,
      retryDelaySeconds: 7,
      retryDelayMaxSeconds: 90,
      timeoutSeconds: 600,
      heartbeatSeconds: 15,
      concurrency: 2,
      pollSeconds: 1,
      keepFinishedSeconds: 3600,
    };
    expect(queueOptions(policy, "failed-jobs")).toEqual({
      policy: "standard",
      retryLimit: 4,
      retryDelay: 7,
      retryBackoff: true,
      retryDelayMax: 90,
      expireInSeconds: 600,
      heartbeatSeconds: 15,
      deleteAfterSeconds: 3600,
      deadLetter: "failed-jobs",
    });
    expect(queueOptions(policy)).not.toHaveProperty("deadLetter");
    expect(workOptions(policy)).toEqual({
      batchSize: 1,
      localConcurrency: 2,
      pollingIntervalSeconds: 1,
      includeMetadata: true,
      perJobResults: true,
    });
  });

  it("turns stored failure outputs into reasons people can read", () => {
    expect(describeFailure({ reason: "The scope names a deleted system." })).toBe(
      "The scope names a deleted system.",
    );
    expect(describeFailure({ value: { message: "job heartbeat timeout" } })).toMatch(
      /process running this job stopped/,
    );
    expect(describeFailure({ value: { message: "job timed out" } }, 1800)).toBe(
      "The job ran longer than its time limit (30 minutes).",
    );
    expect(describeFailure({ value: "pg-boss shut down while active" })).toBe(
      "The server shut down while this job ran.",
    );
    expect(describeFailure({ message: "boom" })).toBe("boom");
    expect(describeFailure(null)).toBe("The job failed without a reason.");
  });
});
