import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { notifyPlanAssigned } from "@/lib/server/plans/notify-plan-owner";
import { STALE_PLAN_MESSAGE, startOfDayOrNull } from "@/lib/server/plans/plan-fields";
import { assertOwnerIsMember } from "@/lib/server/responsibilities/check-members";
import type { UpdatePlanInput } from "@/lib/validation/plans";

/**
 * Edits a plan's title, goal, owner, due date or status (open / in progress). Only on the
 * version the editor saw (409 otherwise); a closed plan is reopened only by setting a status.
 * A new owner is told.
 */
export async function updatePlan({
  workspaceId,
  actor,
  userId,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  userId: string | null;
  input: UpdatePlanInput;
}) {
  return workspaceTransaction(workspaceId, "updatePlan", async (tx) => {
    const plan = await tx.actionPlan.findFirst({ where: { id: input.planId, workspaceId } });
    if (!plan) throw new NotFoundError("Action plan not found.");
    if (plan.version !== input.expectedVersion) throw new ConflictError(STALE_PLAN_MESSAGE);
    const reopening =
      input.status !== undefined && (plan.status === "DONE" || plan.status === "CANCELLED");
    const next = {
      title: input.title ?? plan.title,
      goal: input.goal === undefined ? plan.goal : input.goal,
      ownerId: input.ownerId === undefined ? plan.ownerId : input.ownerId,
      dueDate: input.dueDate === undefined ? plan.dueDate : startOfDayOrNull(input.dueDate),
      status: input.status ?? plan.status,
      closingNote: reopening ? null : plan.closingNote,
      closedAt: reopening ? null : plan.closedAt,
      closedById: reopening ? null : plan.closedById,
    };
    if (next.ownerId && next.ownerId !== plan.ownerId)
      await assertOwnerIsMember(tx, { workspaceId, userId: next.ownerId });

    const diff: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      const before = plan[key] instanceof Date ? (plan[key] as Date).toISOString() : plan[key];
      const after = next[key] instanceof Date ? (next[key] as Date).toISOString() : next[key];
      if (before !== after) diff[key] = { from: before, to: after };
    }
    if (Object.keys(diff).length === 0)
      return { id: plan.id, version: plan.version, changed: false };
    const updated = await tx.actionPlan.updateMany({
      where: { id: plan.id, workspaceId, version: input.expectedVersion },
      data: { ...next, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new ConflictError(STALE_PLAN_MESSAGE);
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: reopening ? "plan.reopen" : "plan.update",
      entityType: "ActionPlan",
      entityId: plan.id,
      diff,
    });
    if (next.ownerId !== plan.ownerId)
      await notifyPlanAssigned(tx, {
        workspaceId,
        plan: { id: plan.id, title: next.title, ownerId: next.ownerId },
        assignedById: userId,
      });
    return { id: plan.id, version: plan.version + 1, changed: true };
  });
}
