import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { PlanDutiesInput } from "@/lib/validation/plans";

/** Takes parts out of a plan (the parts themselves stay). Returns how many were removed. */
export async function removePlanDuties({
  workspaceId,
  actor,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  input: PlanDutiesInput;
}) {
  return workspaceTransaction(workspaceId, "removePlanDuties", async (tx) => {
    const plan = await tx.actionPlan.findFirst({
      where: { id: input.planId, workspaceId },
      select: { id: true },
    });
    if (!plan) throw new NotFoundError("Action plan not found.");
    const removed = await tx.actionPlanDuty.deleteMany({
      where: { workspaceId, planId: plan.id, dutyId: { in: input.dutyIds } },
    });
    if (removed.count > 0)
      await recordAuditEvent(tx, {
        workspaceId,
        actor,
        action: "plan.removeDuties",
        entityType: "ActionPlan",
        entityId: plan.id,
        diff: { dutyIds: { from: input.dutyIds } },
      });
    return { id: plan.id, removed: removed.count };
  });
}
