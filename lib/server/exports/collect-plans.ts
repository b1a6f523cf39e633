import "server-only";

import { db } from "@/lib/db/client";
import type { BundleComment, BundleData, BundlePlan } from "@/lib/export-bundle/bundle-data";
import type { ResolvedScope } from "@/lib/server/exports/collect-scope";
import { queryPlans } from "@/lib/server/plans/list-plans";
import { SIDE_LABELS } from "@/lib/view/duties/labels";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * The action plans and comments of a bundle. A plan belongs in it when it names a duty in scope;
 * a bundle of the whole workspace also carries plans that name none yet. Its status and
 * progress are the ones the app shows (effective status, the engine's covered duties of the whole
 * plan). Comments: the threads of the duties in scope and of those plans, oldest first; a deleted
 * comment keeps its row, without text.
 */
export async function collectPlans({
  resolved,
  data,
  now,
}: {
  resolved: ResolvedScope;
  data: Pick<BundleData, "responsibilities">;
  now: Date;
}): Promise<{ plans: BundlePlan[]; comments: BundleComment[] }> {
  const workspaceId = resolved.workspace.id;
  const dutyLabels = new Map<string, string>();
  for (const r of data.responsibilities)
    for (const duty of r.duties)
      dutyLabels.set(
        duty.id,
        `${r.systemName} / ${r.domainName} (${SIDE_LABELS[duty.side].toLowerCase()})`,
      );
  const wholeWorkspace = !resolved.scope.systemIds && !resolved.scope.domainKeys;

  const links = await db.actionPlanDuty.findMany({
    where: { workspaceId },
    select: { planId: true, dutyId: true },
    orderBy: [{ planId: "asc" }, { createdAt: "asc" }],
  });
  const dutiesOf = new Map<string, string[]>();
  for (const link of links)
    dutiesOf.set(link.planId, [...(dutiesOf.get(link.planId) ?? []), link.dutyId]);
  const { rows } = await queryPlans({ workspaceId, now, limit: 100_000 });
  const plans = rows.filter((plan) => {
    const duties = dutiesOf.get(plan.id) ?? [];
    return duties.some((id) => dutyLabels.has(id)) || (wholeWorkspace && duties.length === 0);
  });
  const planTitles = new Map(plans.map((plan) => [plan.id, plan.title]));

  const comments = await db.comment.findMany({
    where: {
      workspaceId,
      OR: [{ dutyId: { in: [...dutyLabels.keys()] } }, { planId: { in: [...planTitles.keys()] } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });

  return {
    plans: plans.map((plan) => ({
      id: plan.id,
      title: plan.title,
      goal: plan.goal,
      ownerName: resolved.memberName(plan.ownerId),
      dueDate: iso(plan.dueDate),
      status: plan.effectiveStatus,
      overdue: plan.overdue,
      coveredDuties: plan.covered,
      totalDuties: plan.total,
      dutyIds: dutiesOf.get(plan.id) ?? [],
      closedAt: iso(plan.closedAt),
      closingNote: plan.closingNote,
    })),
    comments: comments.map((comment) => ({
      id: comment.id,
      on: comment.dutyId ? "duty" : "plan",
      targetId: comment.dutyId ?? comment.planId ?? "",
      targetLabel: comment.dutyId
        ? (dutyLabels.get(comment.dutyId) ?? "")
        : (planTitles.get(comment.planId ?? "") ?? ""),
      authorName: resolved.memberName(comment.authorId),
      createdAt: comment.createdAt.toISOString(),
      editedAt: iso(comment.editedAt),
      deletedAt: iso(comment.deletedAt),
      body: comment.deletedAt ? null : comment.body,
    })),
  };
}
