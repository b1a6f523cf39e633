import "server-only";

import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import { UnauthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { SYSTEM_ACTOR } from "@/lib/server/audit/record-audit-event";
import { revokeMemberGrants, roleCovers } from "@/lib/server/members/revoke-member-grants";
import { hashTokenSecret, TOKEN_PREFIX } from "@/lib/server/tokens/token-secret";

export type ApiTokenAuth = {
  token: { id: string; name: string; prefix: string };
  role: Role;
  workspace: { id: string; slug: string; name: string };
  /** The member who created the token; the API acts for them where a service needs a person. */
  creatorId: string;
};

// lastUsedAt is informational; writing it at most once a minute keeps busy clients from turning
// every read into a write.
const LAST_USED_GRANULARITY_MS = 60_000;

type Row = {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  createdById: string;
  workspaceId: string;
  slug: string;
  workspaceName: string;
  /** The creator's role while they are an active member with an active account, else null. */
  creatorRole: Role | null;
};

/**
 * Resolves `Authorization: Bearer srm_…` to its token and workspace. Missing, malformed, unknown,
 * revoked and expired tokens all answer 401 with the same message, and so does a token whose
 * creator is no longer an active member holding at least the token's role: a token never
 * outlives the rights of the person who made it. The creator is read in the same query.
 */
export async function authenticateApiToken(
  authorization: string | null,
  now = new Date(),
): Promise<ApiTokenAuth> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "");
  const secret = match?.[1];
  const refused = new UnauthorizedError(
    "A valid API token is required (Authorization: Bearer <token>).",
  );
  if (!secret || !secret.startsWith(TOKEN_PREFIX) || secret.length > 200) throw refused;

  const rows = await db.$queryRaw<Row[]>`
    SELECT t.id, t.name, t.prefix, t.role::text AS role, t."revokedAt", t."expiresAt",
      t."lastUsedAt", t."createdById", w.id AS "workspaceId", w.slug, w.name AS "workspaceName",
      CASE WHEN u.active THEN m.role::text END AS "creatorRole"
    FROM "ApiToken" t
    JOIN "Workspace" w ON w.id = t."workspaceId" AND w."deletionRequestedAt" IS NULL
    LEFT JOIN "Membership" m
      ON m."workspaceId" = t."workspaceId" AND m."userId" = t."createdById"
      AND m."deactivatedAt" IS NULL
    LEFT JOIN "User" u ON u.id = m."userId"
    WHERE t."tokenHash" = ${hashTokenSecret(secret)}`;
  const token = rows[0];
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) throw refused;
  if (!roleCovers(token.creatorRole, token.role)) {
    await revokeOrphanedTokens(token, now);
    throw refused;
  }

  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db.apiToken.updateMany({
      where: { id: token.id, workspaceId: token.workspaceId },
      data: { lastUsedAt: now },
    });
  }
  return {
    token: { id: token.id, name: token.name, prefix: token.prefix },
    role: token.role,
    workspace: { id: token.workspaceId, slug: token.slug, name: token.workspaceName },
    creatorId: token.createdById,
  };
}

// The member services revoke a creator's tokens when their role goes (revoke-member-grants.ts);
// a token found here anyway (an account deactivated by an operator script, a row changed by
// hand) is revoked on its first refused use, so the token list and the audit log say so too.
async function revokeOrphanedTokens(token: Row, now: Date) {
  try {
    await workspaceTransaction(token.workspaceId, "revokeOrphanedTokens", (tx) =>
      revokeMemberGrants(tx, {
        workspaceId: token.workspaceId,
        userId: token.createdById,
        keepRole: token.creatorRole,
        actor: SYSTEM_ACTOR,
        reason: "its creator no longer holds its role in this workspace",
        now,
      }),
    );
  } catch (error) {
    logger.error({ err: error, tokenId: token.id }, "could not revoke an orphaned API token");
  }
}
