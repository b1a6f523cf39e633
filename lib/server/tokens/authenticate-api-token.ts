import "server-only";

import { db } from "@/lib/db/client";
import { UnauthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import { hashTokenSecret, TOKEN_PREFIX } from "@/lib/server/tokens/token-secret";

export type ApiTokenAuth = {
  token: { id: string; name: string; prefix: string };
  role: Role;
  workspace: { id: string; slug: string; name: string };
};

// lastUsedAt is informational; writing it at most once a minute keeps busy clients from turning
// every read into a write.
const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * Resolves `Authorization: Bearer srm_…` to its token and workspace. Missing, malformed, unknown,
 * revoked and expired tokens all answer 401 with the same message.
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

  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashTokenSecret(secret) },
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      workspace: { select: { id: true, slug: true, name: true } },
    },
  });
  if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) throw refused;

  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db.apiToken.updateMany({
      where: { id: token.id, workspaceId: token.workspace.id },
      data: { lastUsedAt: now },
    });
  }
  return {
    token: { id: token.id, name: token.name, prefix: token.prefix },
    role: token.role,
    workspace: token.workspace,
  };
}
