import type { Queue, WorkOptions } from "pg-boss";
import type { z } from "zod";

import type { Logger } from "@/lib/log/logger";

/*
 * A job kind is one sort of background work: a name (its pg-boss queue), a zod schema for its
 * payload, a handler, a retry policy and, optionally, a cron schedule. Kinds are plain values so
 * the registry (registry.ts) can list them and tests can check their policies.
 *
 * Adding a kind:
 *   1. export const myJob = defineJobKind({ name: "my-job", label: "My job",
 *        payload: z.object({...}), policy: { ...DEFAULT_POLICY, retries: 3 },
 *        handle: async (payload, context) => {...} });
 *      in the domain folder that owns the work (e.g. lib/server/exports/export-bundle-job.ts);
 *   2. add it to JOB_KINDS in lib/server/jobs/registry.ts;
 *   3. send jobs with enqueueJob(myJob, payload) (lib/server/jobs/enqueue-job.ts), inside the
 *      caller's transaction (option `tx`) when the job must exist exactly when the row does.
 * A schedule: add `schedule: { cron: () => "*\/10 * * * *", payload: {} }` (UTC); every process
 * that runs workers declares it at boot, and pg-boss sends one job per occurrence however many
 * processes run.
 *
 * Rules for handlers, because pg-boss delivers a job at least once (a retry after a crash, a
 * release on shutdown): they must be idempotent, and any state they move must move by a
 * conditional update (claim QUEUED → RUNNING, finish only if still holding the claim). Throw
 * PermanentJobError when trying again cannot help; any other error is retried with the policy's
 * backoff and, once the retries are spent, recorded as a failed job that admins can see.
 */

export type JobPolicy = {
  /** Attempts after the first one. Only set above 0 when a retry is safe (idempotent handler). */
  retries: number;
  /** Seconds before the first retry; doubled (with jitter) for each further one when `backoff`. */
  retryDelaySeconds: number;
  backoff: boolean;
  /** Upper bound of the backoff delay. */
  retryDelayMaxSeconds: number;
  /**
   * Longest one attempt may run. Past it the attempt is failed (and retried) and its signal is
   * aborted, so the handler must stop at its next check.
   */
  timeoutSeconds: number;
  /**
   * A running attempt refreshes its heartbeat every half of this; when a process dies (kill -9, a
   * lost machine) the heartbeat stops and the attempt counts as lost after this many seconds, then
   * it is retried elsewhere. pg-boss accepts 10 and above.
   */
  heartbeatSeconds: number;
  /** Jobs of this kind one process runs at once. */
  concurrency: number;
  /** How often an idle worker asks for a job of this kind. */
  pollSeconds: number;
  /** How long finished jobs stay in pg-boss's tables before its maintenance deletes them. */
  keepFinishedSeconds: number;
};

export const DEFAULT_POLICY: JobPolicy = {
  retries: 3,
  retryDelaySeconds: 5,
  backoff: true,
  retryDelayMaxSeconds: 300,
  timeoutSeconds: 15 * 60,
  heartbeatSeconds: 10,
  concurrency: 1,
  pollSeconds: 2,
  keepFinishedSeconds: 7 * 24 * 60 * 60,
};

export type JobContext = {
  /** pg-boss's job id; the same for every attempt of one job. */
  jobId: string;
  /** 0 for the first attempt, then 1, 2, … Each attempt is held by one worker at a time. */
  attempt: number;
  /** No retry follows this attempt if it fails. */
  finalAttempt: boolean;
  /** Aborted when the attempt must stop: shutdown past its grace, timeout, or a lost claim. */
  signal: AbortSignal;
  log: Logger;
};

export type JobSchedule<P> = {
  /** Five-field cron expression, evaluated in UTC; a function so it can come from configuration. */
  cron: () => string;
  payload: P;
  /** "once": if the occurrence passed while no process ran, send it when one starts. */
  missed?: "skip" | "once";
};

export type JobFailure = { reason: string; attempts: number };

export type JobKind<P> = {
  name: string;
  /** What admins read in the list of failed jobs, e.g. "Evidence bundle export". */
  label: string;
  payload: z.ZodType<P>;
  policy: JobPolicy;
  handle: (payload: P, context: JobContext) => Promise<void>;
  schedule?: JobSchedule<P>;
  /** The workspace whose admins see this job's failures; null for installation-wide work. */
  workspaceOf?: (payload: P) => string | null;
  /** The row the job is about (e.g. an export's id), shown with its failure. */
  subjectOf?: (payload: P) => string | null;
  /**
   * Called once a job has failed for good, however that happened (its handler gave up, or its
   * process died on the last attempt): puts the kind's own rows into a final state with the reason.
   * Must be idempotent and conditional, like handlers.
   */
  onFinalFailure?: (payload: P, failure: JobFailure) => Promise<void>;
};

/** A kind of any payload, as the registry and the queue hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobKind = JobKind<any>;

/** Failing now and for good is right: the input is wrong, trying again cannot help. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermanentJobError";
  }
}

const NAME = /^[a-z][a-z0-9-]{1,48}[a-z0-9]$/;

export function defineJobKind<P>(kind: JobKind<P>): JobKind<P> {
  if (!NAME.test(kind.name)) {
    throw new Error(`job kind "${kind.name}": names are lower-case words joined by "-"`);
  }
  const problems = policyProblems(kind.policy);
  if (problems.length > 0) throw new Error(`job kind "${kind.name}": ${problems.join("; ")}`);
  return kind;
}

export function policyProblems(policy: JobPolicy): string[] {
  const problems: string[] = [];
  const whole = (value: number, min: number, label: string) => {
    if (!Number.isInteger(value) || value < min)
      problems.push(`${label} must be a whole number ≥ ${min}`);
  };
  whole(policy.retries, 0, "retries");
  whole(policy.retryDelaySeconds, 1, "retryDelaySeconds");
  whole(policy.retryDelayMaxSeconds, policy.retryDelaySeconds, "retryDelayMaxSeconds");
  whole(policy.timeoutSeconds, 1, "timeoutSeconds");
  whole(policy.heartbeatSeconds, 10, "heartbeatSeconds");
  whole(policy.concurrency, 1, "concurrency");
  whole(policy.keepFinishedSeconds, 60, "keepFinishedSeconds");
  if (!(policy.pollSeconds >= 0.5)) problems.push("pollSeconds must be at least 0.5");
  if (policy.heartbeatSeconds >= policy.timeoutSeconds) {
    problems.push("heartbeatSeconds must be shorter than timeoutSeconds");
  }
  return problems;
}

/** pg-boss queue options for a policy; failed jobs go to the dead letter queue `deadLetter`. */
export function queueOptions(policy: JobPolicy, deadLetter?: string): Omit<Queue, "name"> {
  return {
    policy: "standard",
    retryLimit: policy.retries,
    retryDelay: policy.retryDelaySeconds,
    retryBackoff: policy.backoff,
    retryDelayMax: policy.retryDelayMaxSeconds,
    expireInSeconds: policy.timeoutSeconds,
    heartbeatSeconds: policy.heartbeatSeconds,
    deleteAfterSeconds: policy.keepFinishedSeconds,
    ...(deadLetter ? { deadLetter } : {}),
  };
}

/**
 * pg-boss worker options: one job per fetch (each job gets its own heartbeat, signal and outcome),
 * with metadata (the retry limit tells the handler whether it runs the last attempt), settled per
 * job so a handler's outcome decides between retry and the dead letter queue.
 */
export function workOptions(policy: JobPolicy) {
  return {
    batchSize: 1,
    localConcurrency: policy.concurrency,
    pollingIntervalSeconds: policy.pollSeconds,
    includeMetadata: true,
    perJobResults: true,
  } as const satisfies WorkOptions;
}

/**
 * A failure reason admins can read, from a failed job's stored output: our own `{ reason }`, or one
 * of the messages pg-boss's supervisor writes when it fails an attempt itself.
 */
export function describeFailure(output: unknown, timeoutSeconds?: number): string {
  const message = failureMessage(output);
  if (message === "job heartbeat timeout") {
    return "The process running this job stopped (it crashed, was killed or lost its database connection).";
  }
  if (message === "job timed out") {
    const limit = timeoutSeconds ? ` (${Math.round(timeoutSeconds / 60)} minutes)` : "";
    return `The job ran longer than its time limit${limit}.`;
  }
  if (message?.startsWith("pg-boss shut down")) {
    return "The server shut down while this job ran.";
  }
  return message ?? "The job failed without a reason.";
}

function failureMessage(output: unknown): string | undefined {
  if (typeof output === "string") return output;
  if (!output || typeof output !== "object") return undefined;
  const record = output as Record<string, unknown>;
  for (const key of ["reason", "message"]) {
    if (typeof record[key] === "string") return record[key];
  }
  return "value" in record ? failureMessage(record.value) : undefined;
}
