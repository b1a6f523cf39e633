import "server-only";

import { db } from "@/lib/db/client";

/** Invitations of a workspace that can still be accepted, newest first. */
export async function listPendingInvitations(workspaceId: string) {
  return db.invitation.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
  });
}
