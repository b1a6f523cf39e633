import "server-only";

import { db } from "@/lib/db/client";

/** Real counts for the workspace home (no placeholders): members, pending invitations, AI systems. */
export async function getWorkspaceOverview(workspaceId: string) {
  const now = new Date();
  const [members, pendingInvitations, systems, activeTokens] = await Promise.all([
    db.membership.count({ where: { workspaceId } }),
    db.invitation.count({
      where: { workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    }),
    db.aiSystem.count({ where: { workspaceId, archivedAt: null } }),
    db.apiToken.count({
      where: {
        workspaceId,
        revokedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      },
    }),
  ]);
  return { members, pendingInvitations, systems, activeTokens };
}
