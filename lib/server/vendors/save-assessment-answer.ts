import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { AssessmentAnswerInput } from "@/lib/validation/vendors";

/** Saves the answer, status and reviewer of one assessment topic of a vendor. */
export async function saveAssessmentAnswer({
  workspaceId,
  actor,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  input: AssessmentAnswerInput;
}) {
  return workspaceTransaction(workspaceId, "saveAssessmentAnswer", async (tx) => {
    const vendor = await tx.vendor.findFirst({
      where: { id: input.vendorId, workspaceId },
      select: { id: true },
    });
    if (!vendor) throw new NotFoundError("Vendor not found.");
    if (input.reviewerId) {
      const member = await tx.membership.findFirst({
        where: { workspaceId, userId: input.reviewerId },
        select: { id: true },
      });
      if (!member)
        throw ValidationError.forField(
          "reviewerId",
          "Choose a member of this workspace as reviewer.",
        );
    }
    const previous = await tx.vendorAssessmentAnswer.findFirst({
      where: { workspaceId, vendorId: vendor.id, topicKey: input.topicKey },
    });
    const data = { answer: input.answer, status: input.status, reviewerId: input.reviewerId };
    const saved = previous
      ? await tx.vendorAssessmentAnswer.update({ where: { id: previous.id }, data })
      : await tx.vendorAssessmentAnswer.create({
          data: { workspaceId, vendorId: vendor.id, topicKey: input.topicKey, ...data },
        });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "vendor.assess",
      entityType: "Vendor",
      entityId: vendor.id,
      diff: {
        topicKey: input.topicKey,
        status: { from: previous?.status ?? null, to: input.status },
        reviewerId: { from: previous?.reviewerId ?? null, to: input.reviewerId },
        answerChanged: (previous?.answer ?? null) !== input.answer,
      },
    });
    return { id: saved.id, topicKey: saved.topicKey, status: saved.status };
  });
}
