import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors";
import { ValidationError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { assertWorkspaceDuties } from "@/lib/server/plans/plan-duties";
import { PLAN_DUTIES_MAX, type PlanDutiesInput } from "@/lib/validation/plans";

/** Adds parts to a plan; parts already in it are left as they are. Returns how many were new. */
export async function addPlanDuties({
  workspaceId,
  actor,
  userId,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  userId: string | null;
  input: PlanDutiesInput;
}) {
  return workspaceTransaction(workspaceId, "addPlanDuties", async (tx) => {
    const plan = await tx.actionPlan.findFirst({
      where: { id: input.planId, workspaceId },
      select: { id: true, _count: { select: { duties: true } } },
    });
    if (!plan) throw new NotFoundError("Action plan not found.");
    const dutyIds = await assertWorkspaceDuties(tx, { workspaceId, dutyIds: input.dutyIds });
    const created = await tx.actionPlanDuty.createMany({
      data: dutyIds.map((dutyId) => ({ workspaceId, planId: plan.id, dutyId, addedById: userId })),
      skipDuplicates: true,
    });
    if (plan._count.duties + created.count > PLAN_DUTIES_MAX)
      throw ValidationError.forField(
        "dutyIds",
        `A plan holds at most ${PLAN_DUTIES_MAX} duties; split the work into several plans.`,
      );
    if (created.count > 0)
      await recordAuditEvent(tx, {
        workspaceId,
        actor,
        action: "plan.addDuties",
        entityType: "ActionPlan",
        entityId: plan.id,
        diff: { dutyIds: { to: dutyIds } },
      });
    return { id: plan.id, added: created.count };
  });
}
