import "server-only";

import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Fails closed with 404 unless every part exists IN THIS WORKSPACE: a part id of another tenant
 * is indistinguishable from an unknown one.
 */
export async function assertDutiesInWorkspace(
  tx: Prisma.TransactionClient,
  { workspaceId, dutyIds }: { workspaceId: string; dutyIds: readonly string[] },
) {
  if (dutyIds.length === 0) return;
  const unique = [...new Set(dutyIds)];
  const found = await tx.duty.count({ where: { workspaceId, id: { in: unique } } });
  if (found !== unique.length) throw new NotFoundError("Responsibility part not found.");
}
