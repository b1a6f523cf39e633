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
  /** The session record this request runs under (lib/auth/session.ts). */
  session: { id: string; lastSeenAt: Date };
  /** Every workspace the user belongs to, by name (the switcher's order). */
  memberships: MemberWorkspace[];
};

type Row = {
  email: string;
  name: string;
  sessionId: string;
  lastSeenAt: Date;
  membershipId: string | null;
  role: Role | null;
  workspaceId: string | null;
  slug: string | null;
  workspaceName: string | null;
};

/**
 * What every signed-in page needs about its user, read fresh on each request: the session record
 * (still there, not expired, of this user), the user if the account is still active, and all
 * their memberships. One round trip on purpose: it runs on every page view, and each Prisma model
 * query costs a few milliseconds of CPU for query compilation alone (it used to be five queries:
 * user, membership, its workspace, the switcher's memberships and their workspaces). Because the
 * session row is part of this query, ending a session (sign out, "sign out everywhere", password
 * change, deactivation) refuses its very next request in any process, with no cache in between.
 * Null for an unknown, ended or expired session and for unknown or deactivated users.
 */
export async function findMemberContext({
  userId,
  sessionTokenHash,
}: {
  userId: string;
  sessionTokenHash: string;
}): Promise<MemberContext | null> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT u.email, u.name, s.id AS "sessionId", s."lastSeenAt",
      m.id AS "membershipId", m.role::text AS role,
      w.id AS "workspaceId", w.slug, w.name AS "workspaceName"
    FROM "Session" s
    JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "Membership" m ON m."userId" = u.id AND m."deactivatedAt" IS NULL
    LEFT JOIN "Workspace" w ON w.id = m."workspaceId" AND w."deletionRequestedAt" IS NULL
    WHERE s."tokenHash" = ${sessionTokenHash} AND s."userId" = ${userId}
      AND s."expiresAt" > now() AND u.active
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
  return {
    user: { id: userId, email: first.email, name: first.name },
    session: { id: first.sessionId, lastSeenAt: first.lastSeenAt },
    memberships,
  };
}
