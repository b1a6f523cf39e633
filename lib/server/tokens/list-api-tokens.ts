import "server-only";

import { db } from "@/lib/db/client";

/** Token metadata of a workspace (never the hash), newest first, with who created each. */
export async function listApiTokens(workspaceId: string) {
  const tokens = await db.apiToken.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      revokedReason: true,
      createdById: true,
      createdAt: true,
    },
  });
  // Creators may have left the workspace since: their name still identifies the token's origin.
  const creators = await db.user.findMany({
    where: { id: { in: [...new Set(tokens.map((token) => token.createdById))] } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(creators.map((user) => [user.id, user]));
  return tokens.map(({ createdById, ...token }) => ({
    ...token,
    createdBy: byId.get(createdById) ?? null,
  }));
}
