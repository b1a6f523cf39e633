import "server-only";

import { db } from "@/lib/db/client";

/**
 * The one lookup that ties a user to a workspace addressed by slug. Returns null for unknown
 * slugs and for workspaces the user is not a member of, so both answer the same (404).
 */
export async function findWorkspaceMembership({ userId, slug }: { userId: string; slug: string }) {
  const membership = await db.membership.findFirst({
    // A deactivated member, or a workspace its owner deleted: the same answer as a non-member.
    where: { userId, workspace: { slug, deletionRequestedAt: null }, deactivatedAt: null },
    select: { id: true, role: true, workspace: { select: { id: true, slug: true, name: true } } },
  });
  if (!membership) return null;
  return { membershipId: membership.id, role: membership.role, workspace: membership.workspace };
}
