import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { notifyPlanAssigned } from "@/lib/server/plans/notify-plan-owner";
import { assertWorkspaceDuties } from "@/lib/server/plans/plan-duties";
import { startOfDayOrNull } from "@/lib/server/plans/plan-fields";
import { assertOwnerIsMember } from "@/lib/server/responsibilities/check-members";
import type { CreatePlanInput } from "@/lib/validation/plans";

/**
 * A new plan with the parts it addresses (from the gap list, a system or a domain). The owner
 * must be a member; every part must be of this workspace. The owner is told, in the same
 * transaction.
 */
export async function createPlan({
  workspaceId,
  actor,
  userId,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  /** The person creating it (a token's creator through the API), or null. */
  userId: string | null;
  input: CreatePlanInput;
}) {
  return workspaceTransaction(workspaceId, "createPlan", async (tx) => {
    if (input.ownerId) await assertOwnerIsMember(tx, { workspaceId, userId: input.ownerId });
    const dutyIds = await assertWorkspaceDuties(tx, { workspaceId, dutyIds: input.dutyIds });
    const plan = await tx.actionPlan.create({
      data: {
        workspaceId,
        title: input.title,
        goal: input.goal,
        ownerId: input.ownerId,
        dueDate: startOfDayOrNull(input.dueDate),
        createdById: userId,
      },
    });
    if (dutyIds.length > 0)
      await tx.actionPlanDuty.createMany({
        data: dutyIds.map((dutyId) => ({
          workspaceId,
          planId: plan.id,
          dutyId,
          addedById: userId,
        })),
      });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "plan.create",
      entityType: "ActionPlan",
      entityId: plan.id,
      diff: {
        title: { to: plan.title },
        ownerId: { to: plan.ownerId },
        dueDate: { to: plan.dueDate?.toISOString() ?? null },
        dutyIds: { to: dutyIds },
      },
    });
    await notifyPlanAssigned(tx, { workspaceId, plan, assignedById: userId });
    return { id: plan.id, version: plan.version, duties: dutyIds.length };
  });
}
