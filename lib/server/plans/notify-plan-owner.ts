import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import { recordNotifications } from "@/lib/server/notifications/record-notifications";
import { workspaceSlug } from "@/lib/server/plans/plan-duties";
import { planHref } from "@/lib/view/plans/links";

/**
 * Tells a plan's new owner it is theirs ("plan.assigned"). The key names the plan and the owner,
 * so handing a plan back and forth tells each person once, and a retried write adds nothing.
 * Nobody is told about a plan they gave themselves.
 */
export async function notifyPlanAssigned(
  tx: Prisma.TransactionClient,
  input: {
    workspaceId: string;
    plan: { id: string; title: string; ownerId: string | null };
    assignedById: string | null;
  },
): Promise<void> {
  const { plan } = input;
  if (!plan.ownerId || plan.ownerId === input.assignedById) return;
  const slug = await workspaceSlug(tx, input.workspaceId);
  await recordNotifications(tx, input.workspaceId, [
    {
      userId: plan.ownerId,
      category: "ASSIGNMENT",
      event: "plan.assigned",
      dedupeKey: `plan.assigned:${plan.id}:${plan.ownerId}`,
      title: `Action plan assigned to you: ${plan.title}`,
      link: planHref({ slug, planId: plan.id }),
      entityType: "ActionPlan",
      entityId: plan.id,
    },
  ]);
}
