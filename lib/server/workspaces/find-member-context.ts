import "server-only";

import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";

export type MemberWorkspace = {
  membershipId: string;
  role: Role;
  workspace: { id: string; slug: string; name: string };
};

export type MemberContext = {
  user: { id: string; email: string; name: string };
  /** Every workspace the user belongs to, by name (the switcher's order). */
  memberships: MemberWorkspace[];
};

type Row = {
  email: string;
  name: string;
  membershipId: string | null;
  role: Role | null;
  workspaceId: string | null;
  slug: string | null;
  workspaceName: string | null;
};

/**
 * What every signed-in page needs about its user, read fresh on each request: the user if the
 * account still exists and is active, and all their memberships. One round trip on purpose: it
 * runs on every page view, and each Prisma model query costs a few milliseconds of CPU for query
 * compilation alone (it used to be five queries: user, membership, its workspace, the switcher's
 * memberships and their workspaces). Null for unknown or deactivated users.
 */
export async function findMemberContext(userId: string): Promise<MemberContext | null> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT u.email, u.name, m.id AS "membershipId", m.role::text AS role,
      w.id AS "workspaceId", w.slug, w.name AS "workspaceName"
    FROM "User" u
    LEFT JOIN "Membership" m ON m."userId" = u.id
    LEFT JOIN "Workspace" w ON w.id = m."workspaceId"
    WHERE u.id = ${userId} AND u.active
    ORDER BY w.name ASC, w.id ASC`;
  const first = rows[0];
  if (!first) return null;
  const memberships: MemberWorkspace[] = [];
  for (const row of rows) {
    // A user without memberships comes back as one row of nulls beside their own columns.
    if (row.membershipId === null || row.role === null || row.workspaceId === null) continue;
    memberships.push({
      membershipId: row.membershipId,
      role: row.role,
      workspace: { id: row.workspaceId, slug: row.slug ?? "", name: row.workspaceName ?? "" },
    });
  }
  return { user: { id: userId, email: first.email, name: first.name }, memberships };
}
