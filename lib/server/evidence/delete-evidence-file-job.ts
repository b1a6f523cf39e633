import "server-only";

import { z } from "zod";

import { deletePurgedEvidenceFile } from "@/lib/server/evidence/delete-purged-evidence-file";
import { DEFAULT_POLICY, defineJobKind } from "@/lib/server/jobs/job-kind";

/**
 * Deletes a purged evidence item's file. Storage may be down for a while (an object store), so it
 * is retried for hours with backoff; deleting is idempotent, so retries are always safe.
 */
export const deleteEvidenceFileJob = defineJobKind({
  name: "delete-evidence-file",
  label: "Deletion of a purged evidence file",
  payload: z.object({ workspaceId: z.string().min(1), evidenceId: z.string().min(1) }),
  policy: {
    ...DEFAULT_POLICY,
    retries: 12,
    retryDelaySeconds: 30,
    retryDelayMaxSeconds: 3600,
    timeoutSeconds: 300,
  },
  workspaceOf: (payload) => payload.workspaceId,
  subjectOf: (payload) => payload.evidenceId,
  handle: async ({ workspaceId, evidenceId }) => {
    await deletePurgedEvidenceFile({ workspaceId, evidenceId });
  },
});
