import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { ClosePlanInput } from "@/lib/validation/plans";

/**
 * Closes a plan by hand: DONE (the work is judged finished, even if a part is still a gap) or
 * CANCELLED, always with a note saying why. A plan already closed answers 409: reopen it first.
 */
export async function closePlan({
  workspaceId,
  actor,
  userId,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  userId: string | null;
  input: ClosePlanInput;
}) {
  return workspaceTransaction(workspaceId, "closePlan", async (tx) => {
    const plan = await tx.actionPlan.findFirst({
      where: { id: input.planId, workspaceId },
      select: { id: true, status: true },
    });
    if (!plan) throw new NotFoundError("Action plan not found.");
    const closedAt = new Date();
    const updated = await tx.actionPlan.updateMany({
      where: { id: plan.id, workspaceId, status: { in: ["OPEN", "IN_PROGRESS"] } },
      data: {
        status: input.status,
        closingNote: input.note,
        closedAt,
        closedById: userId,
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1)
      throw new ConflictError("This plan is already closed. Reopen it before closing it again.");
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "plan.close",
      entityType: "ActionPlan",
      entityId: plan.id,
      diff: { status: { from: plan.status, to: input.status }, closingNote: { to: input.note } },
    });
    return { id: plan.id, status: input.status, closedAt };
  });
}
