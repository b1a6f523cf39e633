import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Last line of defence for "a workspace always keeps at least one owner": checked inside the
 * transaction after every membership change, so a bug in a rule above cannot commit a workspace
 * without owner (the transaction rolls back).
 */
export async function assertWorkspaceKeepsOwner(tx: Prisma.TransactionClient, workspaceId: string) {
  const owners = await tx.membership.count({ where: { workspaceId, role: "OWNER" } });
  if (owners < 1) throw new Error(`workspace ${workspaceId} would be left without an owner`);
}

export async function findMembershipInWorkspace(
  tx: Prisma.TransactionClient,
  { workspaceId, membershipId }: { workspaceId: string; membershipId: string },
) {
  return tx.membership.findFirst({
    where: { id: membershipId, workspaceId },
    select: {
      id: true,
      role: true,
      userId: true,
      deactivatedAt: true,
      user: { select: { email: true } },
    },
  });
}
