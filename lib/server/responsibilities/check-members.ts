import "server-only";

import { can } from "@/lib/auth/permissions";
import { ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** An owner must be a member of the workspace (any role: auditors and viewers can own work too). */
export async function assertOwnerIsMember(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    userId,
    field = "ownerId",
  }: { workspaceId: string; userId: string; field?: string },
) {
  const member = await tx.membership.findFirst({
    where: { workspaceId, userId, deactivatedAt: null },
    select: { id: true },
  });
  if (!member) throw ValidationError.forField(field, "Choose a member of this workspace as owner.");
}

/** A risk acceptance is approved by someone who holds approval.decide (ADMIN or OWNER). */
export async function assertRiskApprover(
  tx: Prisma.TransactionClient,
  { workspaceId, userId }: { workspaceId: string; userId: string },
) {
  const member = await tx.membership.findFirst({
    where: { workspaceId, userId, deactivatedAt: null },
    select: { role: true },
  });
  if (!member || !can(member.role, "approval.decide")) {
    throw ValidationError.forField(
      "riskApproverId",
      "The approver must be an admin or owner of this workspace.",
    );
  }
}
