import "server-only";

import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Fails closed with 404 unless every part exists IN THIS WORKSPACE: a part id of another tenant
 * is indistinguishable from an unknown one.
 */
export async function assertPartsInWorkspace(
  tx: Prisma.TransactionClient,
  { workspaceId, partIds }: { workspaceId: string; partIds: readonly string[] },
) {
  if (partIds.length === 0) return;
  const unique = [...new Set(partIds)];
  const found = await tx.responsibilityPart.count({ where: { workspaceId, id: { in: unique } } });
  if (found !== unique.length) throw new NotFoundError("Responsibility part not found.");
}
