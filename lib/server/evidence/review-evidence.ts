import "server-only";

import { ConflictError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { evidenceTransaction } from "@/lib/server/evidence/evidence-transaction";
import { getEvidence } from "@/lib/server/evidence/get-evidence";
import { actorUserId } from "@/lib/server/evidence/insert-evidence";
import type { ReviewEvidenceBody } from "@/lib/validation/evidence";

/**
 * Accepts or rejects an item (permission evidence.review, ADMIN and above: checked by the caller).
 * A rejected item stops counting as current. The reviewer is the signed-in user; a review through
 * an API token has no user, so reviewerId stays empty and the audit event names the token.
 */
export async function reviewEvidence({
  workspaceId,
  actor,
  evidenceId,
  review,
}: {
  workspaceId: string;
  actor: AuditActor;
  evidenceId: string;
  review: ReviewEvidenceBody;
}) {
  await evidenceTransaction(workspaceId, "reviewEvidence", async (tx) => {
    const before = await tx.evidence.findFirst({
      where: { id: evidenceId, workspaceId },
      select: { reviewStatus: true, deletedAt: true, supersededAt: true },
    });
    if (!before) throw new NotFoundError("Evidence not found.");
    if (before.deletedAt) throw new ConflictError("Deleted evidence cannot be reviewed.");
    if (before.supersededAt)
      throw new ConflictError("This is an older revision; review the newest revision instead.");
    await tx.evidence.updateMany({
      where: { id: evidenceId, workspaceId },
      data: {
        reviewStatus: review.status,
        reviewComment: review.comment ?? null,
        reviewerId: actorUserId(actor),
        reviewedAt: new Date(),
      },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "evidence.review",
      entityType: "Evidence",
      entityId: evidenceId,
      diff: {
        reviewStatus: { from: before.reviewStatus, to: review.status },
        comment: review.comment,
      },
    });
  });
  return getEvidence({ workspaceId, evidenceId });
}
