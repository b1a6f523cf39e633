import "server-only";

import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApprovalListQuery } from "@/lib/validation/approvals";
import type { ApprovalView } from "@/lib/view/approvals/types";

/**
 * Approval requests of one workspace, newest first: all of them, those of one duty or domain (its
 * history), those waiting for `userId` to decide (mine=approver: named approver), or those
 * `userId` asked for (mine=requester), or those `userId` decided or cancelled (mine=decider). Names come from the workspace's members; someone who left
 * shows as "Former member".
 */
export async function listApprovalRequests({
  workspaceId,
  userId,
  query,
}: {
  workspaceId: string;
  userId: string;
  query: ApprovalListQuery;
}): Promise<ApprovalView[]> {
  const where: Prisma.ApprovalRequestWhereInput = { workspaceId };
  if (query.status) where.status = query.status;
  if (query.mine === "approver") where.approverId = userId;
  if (query.mine === "requester") where.requestedById = userId;
  if (query.mine === "decider") where.decidedById = userId;
  if (query.dutyId) where.dutyId = query.dutyId;
  if (query.systemId) where.systemId = query.systemId;
  if (query.responsibilityId) where.responsibilityId = query.responsibilityId;
  const rows = await db.approvalRequest.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  const userIds = new Set<string>();
  for (const row of rows) {
    userIds.add(row.requestedById);
    userIds.add(row.approverId);
    if (row.decidedById) userIds.add(row.decidedById);
  }
  const [members, systems] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId, userId: { in: [...userIds] } },
      select: { userId: true, user: { select: { name: true } } },
    }),
    db.aiSystem.findMany({
      where: { workspaceId, id: { in: [...new Set(rows.map((row) => row.systemId))] } },
      select: { id: true, name: true },
    }),
  ]);
  const names = new Map(members.map((member) => [member.userId, member.user.name]));
  const systemNames = new Map(systems.map((system) => [system.id, system.name]));
  const name = (id: string) => names.get(id) ?? "Former member";
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    dutyId: row.dutyId,
    responsibilityId: row.responsibilityId,
    systemId: row.systemId,
    systemName: systemNames.get(row.systemId) ?? "Deleted system",
    domainKey: row.domainKey,
    side: row.side,
    proposedValue: row.proposedValue,
    justification: row.justification,
    requestedById: row.requestedById,
    requestedByName: name(row.requestedById),
    viaToken: row.requestedByTokenId !== null,
    approverId: row.approverId,
    approverName: name(row.approverId),
    endsAt: row.endsAt.toISOString(),
    decidedById: row.decidedById,
    decidedByName: row.decidedById ? name(row.decidedById) : null,
    decisionComment: row.decisionComment,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    endReason: row.endReason,
    createdAt: row.createdAt.toISOString(),
  }));
}
