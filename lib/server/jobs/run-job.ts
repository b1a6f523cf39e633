import "server-only";

import type { JobResult, JobWithMetadata } from "pg-boss";

import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { type AnyJobKind, PermanentJobError } from "@/lib/server/jobs/job-kind";

/** One attempt of one job, its outcome mapped onto pg-boss: completed, retried, or failed for good. */
export async function runJob(
  kind: AnyJobKind,
  job: JobWithMetadata<unknown>,
): Promise<JobResult[]> {
  const log = logger.child({ job: job.id, kind: kind.name, attempt: job.retryCount });
  const parsed = kind.payload.safeParse(job.data);
  if (!parsed.success) {
    log.error({ issues: parsed.error.issues }, "job payload is invalid");
    return [{ id: job.id, status: "deadletter", output: { reason: "The job's data is invalid." } }];
  }
  try {
    await kind.handle(parsed.data, {
      jobId: job.id,
      attempt: job.retryCount,
      finalAttempt: job.retryCount >= job.retryLimit,
      signal: job.signal,
      log,
    });
    return [{ id: job.id, status: "completed" }];
  } catch (error) {
    // Expected errors carry a message meant for people and will not go away on a retry.
    if (error instanceof PermanentJobError || error instanceof AppError) {
      log.warn({ err: error }, "job failed for good");
      return [{ id: job.id, status: "deadletter", output: { reason: error.message } }];
    }
    log.error({ err: error }, "job attempt failed");
    const reason = job.signal.aborted
      ? "The job was stopped before it finished."
      : `An unexpected error stopped the job (details are in the server log under job ${job.id}).`;
    return [{ id: job.id, status: "failed", output: { reason } }];
  }
}
