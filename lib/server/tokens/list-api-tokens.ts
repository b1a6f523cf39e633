import "server-only";

import { db } from "@/lib/db/client";

/** Token metadata of a workspace (never the hash), newest first. */
export async function listApiTokens(workspaceId: string) {
  return db.apiToken.findMany({
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
      createdAt: true,
    },
  });
}
