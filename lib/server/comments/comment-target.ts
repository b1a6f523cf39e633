import "server-only";

import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dutyHref } from "@/lib/view/dashboard/labels";
import { planHref } from "@/lib/view/plans/links";

export type CommentTarget = { dutyId?: string | null; planId?: string | null };

/**
 * The duty part or plan a thread belongs to, of this workspace only (404 otherwise), with the
 * words and link a notification about it uses.
 */
export async function loadCommentTarget(
  tx: Prisma.TransactionClient,
  input: { workspaceId: string; target: CommentTarget },
): Promise<{ label: string; link: string; entityType: string; entityId: string }> {
  const workspace = await tx.workspace.findUniqueOrThrow({
    where: { id: input.workspaceId },
    select: { slug: true },
  });
  if (input.target.dutyId) {
    const duty = await tx.duty.findFirst({
      where: { id: input.target.dutyId, workspaceId: input.workspaceId },
      select: { id: true, systemId: true, domainKey: true, systemName: true },
    });
    if (!duty) throw new NotFoundError("Duty not found.");
    return {
      label: `${duty.systemName || "a system"}, ${duty.domainKey}`,
      link: dutyHref({ slug: workspace.slug, systemId: duty.systemId, domainKey: duty.domainKey }),
      entityType: "Duty",
      entityId: duty.id,
    };
  }
  if (input.target.planId) {
    const plan = await tx.actionPlan.findFirst({
      where: { id: input.target.planId, workspaceId: input.workspaceId },
      select: { id: true, title: true },
    });
    if (!plan) throw new NotFoundError("Action plan not found.");
    return {
      label: `plan "${plan.title}"`,
      link: planHref({ slug: workspace.slug, planId: plan.id }),
      entityType: "ActionPlan",
      entityId: plan.id,
    };
  }
  throw new NotFoundError("A comment belongs to a duty part or a plan.");
}
