import "server-only";

import type { JobWithMetadata } from "pg-boss";

import { logger } from "@/lib/log/logger";
import { type AnyJobKind, describeFailure } from "@/lib/server/jobs/job-kind";
import { recordJobFailure } from "@/lib/server/jobs/record-job-failure";

/**
 * The dead letter worker: a job of `job.sourceName` failed for good (pg-boss copied it here with its
 * last output). Records the failure for the workspace's admins and lets the kind put its own rows
 * into a final state (e.g. the export shows FAILED with the reason). Both steps are idempotent, so
 * this job may itself be retried.
 */
export async function handleFailedJob(
  job: JobWithMetadata<unknown>,
  kinds: readonly AnyJobKind[],
): Promise<void> {
  const kind = kinds.find((candidate) => candidate.name === job.sourceName);
  const parsed = kind?.payload.safeParse(job.data);
  const payload: unknown = parsed?.success ? parsed.data : undefined;
  const reason = describeFailure(job.sourceOutput, kind?.policy.timeoutSeconds);
  const attempts = (job.sourceRetryCount ?? 0) + 1;
  const workspaceId = kind?.workspaceOf && payload !== undefined ? kind.workspaceOf(payload) : null;
  const subjectId = kind?.subjectOf && payload !== undefined ? kind.subjectOf(payload) : null;
  logger.warn(
    { job: job.sourceId, kind: job.sourceName, workspaceId, subjectId, attempts, reason },
    "job failed for good",
  );
  await recordJobFailure({
    workspaceId,
    kind: job.sourceName ?? "unknown",
    queueJobId: job.sourceId ?? job.id,
    subjectId,
    reason,
    attempts,
  });
  if (kind?.onFinalFailure && payload !== undefined) {
    await kind.onFinalFailure(payload, { reason, attempts });
  }
}
