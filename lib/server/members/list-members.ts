import "server-only";

import { db } from "@/lib/db/client";

const ROLE_ORDER = { OWNER: 0, ADMIN: 1, EDITOR: 2, AUDITOR: 3, VIEWER: 4 } as const;

/** Members of a workspace, owner first, then by role and name. */
export async function listMembers(workspaceId: string) {
  const memberships = await db.membership.findMany({
    where: { workspaceId },
    select: {
      id: true,
      role: true,
      deactivatedAt: true,
      createdAt: true,
      user: { select: { id: true, name: true, email: true, active: true } },
    },
  });
  return memberships.sort(
    (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.user.name.localeCompare(b.user.name),
  );
}
