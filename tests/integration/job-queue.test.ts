// The job queue itself (pg-boss on the test database) with kinds of its own: delivery, retries with
// backoff, the dead letter path to a failed-job record and the kind's final state, permanent
// failures, sending inside a transaction, schedules, and a stop that hands running jobs back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";

import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/server/jobs/enqueue-job";
import {
  type AnyJobKind,
  DEFAULT_POLICY,
  defineJobKind,
  PermanentJobError,
} from "@/lib/server/jobs/job-kind";
import { jobQueue, jobQueueStatus, startJobQueue, stopJobQueue } from "@/lib/server/jobs/job-queue";
import { resetJobQueue, waitFor } from "@/tests/support/job-queue";

const seen: string[] = [];
const attemptsById = new Map<string, number[]>();
const flakyTimes: number[] = [];
const finalFailures: { id: string; reason: string; attempts: number }[] = [];
let slowSignal: AbortSignal | undefined;

const payload = z.object({ workspaceId: z.string(), id: z.string() });
const fast = { ...DEFAULT_POLICY, retryDelaySeconds: 1, retryDelayMaxSeconds: 2, pollSeconds: 0.5 };

const echo = defineJobKind({
  name: "test-echo",
  label: "Echo",
  payload,
  policy: fast,
  handle: async ({ id }) => {
    seen.push(id);
  },
});

const flaky = defineJobKind({
  name: "test-flaky",
  label: "Flaky",
  payload,
  policy: { ...fast, retries: 2 },
  handle: async ({ id }, { attempt }) => {
    attemptsById.set(id, [...(attemptsById.get(id) ?? []), attempt]);
    flakyTimes.push(Date.now());
    if (attempt < 2) throw new Error("the database went away");
  },
});

const broken = defineJobKind({
  name: "test-broken",
  label: "Always broken",
  payload,
  policy: { ...fast, retries: 1 },
  workspaceOf: (p) => p.workspaceId,
  subjectOf: (p) => p.id,
  handle: async ({ id }, { attempt, finalAttempt }) => {
    attemptsById.set(id, [...(attemptsById.get(id) ?? []), attempt]);
    expect(finalAttempt).toBe(attempt === 1);
    throw new Error("disk on fire");
  },
  onFinalFailure: async ({ id }, failure) => {
    finalFailures.push({ id, ...failure });
  },
});

const permanent = defineJobKind({
  name: "test-permanent",
  label: "Bad input",
  payload,
  policy: { ...fast, retries: 3 },
  workspaceOf: (p) => p.workspaceId,
  handle: async ({ id }) => {
    attemptsById.set(id, [...(attemptsById.get(id) ?? []), 0]);
    throw new PermanentJobError("The scope names an AI system that was deleted.");
  },
});

const slow = defineJobKind({
  name: "test-slow",
  label: "Slow",
  payload,
  policy: { ...fast, retries: 2, retryDelaySeconds: 30, retryDelayMaxSeconds: 60 },
  handle: async (_payload, { signal }) => {
    slowSignal = signal;
    await new Promise((resolve) => signal.addEventListener("abort", resolve));
    throw new Error("stopped");
  },
});

const scheduled = defineJobKind({
  name: "test-scheduled",
  label: "Scheduled",
  payload: z.object({}),
  policy: fast,
  schedule: { cron: () => "0 3 1 1 *", payload: {} },
  handle: async () => {},
});

const KINDS: AnyJobKind[] = [echo, flaky, broken, permanent, slow, scheduled];
let workspaceId = "";

beforeAll(async () => {
  workspaceId = (await db.workspace.create({ data: { slug: "jobs", name: "Jobs" } })).id;
  await startJobQueue({ work: true, kinds: KINDS });
});

afterAll(async () => {
  await resetJobQueue();
});

const job = async (name: string, id: string) => {
  const [found] = await (await jobQueue()).findJobs(name, { id });
  return found;
};

describe("job queue", () => {
  it("reports itself running with workers", () => {
    expect(jobQueueStatus()).toMatchObject({ running: true, working: true, lastError: null });
  });

  it("works a sent job once and completes it", async () => {
    const id = await enqueueJob(echo, { workspaceId, id: "one" });
    await waitFor(async () => (await job(echo.name, id))?.state === "completed", { what: "echo" });
    expect(seen.filter((value) => value === "one")).toEqual(["one"]);
  });

  it("refuses a payload its kind's schema rejects, naming the field", async () => {
    await expect(
      enqueueJob(echo, { workspaceId, id: 42 } as unknown as { workspaceId: string; id: string }),
    ).rejects.toThrow(/id/);
  });

  it("retries a failing attempt with backoff until it succeeds", async () => {
    const id = await enqueueJob(flaky, { workspaceId, id: "flaky" });
    const done = await waitFor(
      async () => {
        const found = await job(flaky.name, id);
        return found?.state === "completed" ? found : undefined;
      },
      { what: "flaky job" },
    );
    expect(attemptsById.get("flaky")).toEqual([0, 1, 2]);
    expect(done.retryCount).toBe(2);
    // Each retry waited at least the retry delay (1 s, doubling with jitter).
    const [first, second, third] = flakyTimes as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(900);
    expect(third - second).toBeGreaterThanOrEqual(900);
    expect(await db.failedJob.count()).toBe(0);
  });

  it("records a job that failed for good, with its reason, and calls the kind's final step", async () => {
    const id = await enqueueJob(broken, { workspaceId, id: "broken" });
    const failure = await waitFor(() => db.failedJob.findFirst({ where: { queueJobId: id } }), {
      what: "failed job record",
    });
    expect(attemptsById.get("broken")).toEqual([0, 1]);
    expect(failure).toMatchObject({
      workspaceId,
      kind: "test-broken",
      subjectId: "broken",
      attempts: 2,
      reason: expect.stringMatching(/unexpected error stopped the job .*job [0-9a-f-]{36}/),
    });
    await waitFor(async () => finalFailures.length > 0, { what: "final failure hook" });
    expect(finalFailures).toEqual([{ id: "broken", reason: failure.reason, attempts: 2 }]);
    expect((await job(broken.name, id))?.state).toBe("failed");
  });

  it("does not retry a permanent failure", async () => {
    const id = await enqueueJob(permanent, { workspaceId, id: "permanent" });
    const failure = await waitFor(() => db.failedJob.findFirst({ where: { queueJobId: id } }), {
      what: "failed job record",
    });
    expect(failure).toMatchObject({
      reason: "The scope names an AI system that was deleted.",
      attempts: 1,
    });
    expect(attemptsById.get("permanent")).toEqual([0]);
  });

  it("sends inside a transaction: nothing when it rolls back, the job when it commits", async () => {
    let rolledBackId = "";
    await expect(
      db.$transaction(async (tx) => {
        rolledBackId = await enqueueJob(echo, { workspaceId, id: "rolled-back" }, { tx });
        throw new Error("abort the transaction");
      }),
    ).rejects.toThrow("abort the transaction");
    expect(await job(echo.name, rolledBackId)).toBeUndefined();

    const committedId = await db.$transaction((tx) =>
      enqueueJob(echo, { workspaceId, id: "committed" }, { tx }),
    );
    await waitFor(async () => (await job(echo.name, committedId))?.state === "completed", {
      what: "committed job",
    });
    expect(seen).toContain("committed");
    expect(seen).not.toContain("rolled-back");
  });

  it("declares the kinds' schedules in UTC and removes schedules no kind declares", async () => {
    const boss = await jobQueue();
    const schedules = await boss.getSchedules();
    expect(schedules).toEqual([
      expect.objectContaining({ name: "test-scheduled", cron: "0 3 1 1 *", timezone: "UTC" }),
    ]);
    await boss.schedule("test-echo", "0 4 1 1 *", { workspaceId, id: "stale" });
    await stopJobQueue({ timeoutSeconds: 1 });
    await startJobQueue({ work: true, kinds: KINDS });
    expect((await (await jobQueue()).getSchedules()).map((s) => s.name)).toEqual([
      "test-scheduled",
    ]);
  });

  it("on stop, hands a running job back to the queue for a retry and aborts its handler", async () => {
    const id = await enqueueJob(slow, { workspaceId, id: "slow" });
    await waitFor(async () => (await job(slow.name, id))?.state === "active", { what: "active" });
    await stopJobQueue({ timeoutSeconds: 1 });
    expect(slowSignal?.aborted).toBe(true);
    expect(jobQueueStatus().running).toBe(false);
    await expect(
      db.$transaction((tx) => enqueueJob(echo, { workspaceId, id: "late" }, { tx })),
    ).rejects.toThrow(/needs a started job queue/);
    await startJobQueue({ work: false, kinds: KINDS });
    // Failed into a retry (the attempt count goes up when a worker claims it again), not lost.
    const released = await job(slow.name, id);
    expect(released).toMatchObject({ state: "retry", retryCount: 0 });
    expect(released?.output).toEqual(
      expect.objectContaining({ value: expect.stringMatching(/shut down/) }),
    );
  });
});
