import "server-only";

import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { BulkAssignOwnerInput } from "@/lib/validation/responsibilities";

/**
 * Resolves a bulk target to part ids of this workspace. Every id the caller named must belong to
 * the workspace (and to an active system): one foreign or unknown id fails the whole request with
 * a 404, so nothing is half applied and nothing about other workspaces is revealed.
 */
export async function resolveBulkTarget(
  tx: Prisma.TransactionClient,
  { workspaceId, target }: { workspaceId: string; target: BulkAssignOwnerInput["target"] },
): Promise<string[]> {
  if (target.kind === "duties")
    return assertBulkDuties(tx, { workspaceId, dutyIds: target.dutyIds });
  const systemIds = target.kind === "system" ? [target.systemId] : [...new Set(target.systemIds)];
  const systems = await tx.aiSystem.findMany({
    where: { workspaceId, id: { in: systemIds } },
    select: { id: true, archivedAt: true },
  });
  if (systems.length !== systemIds.length)
    throw new NotFoundError("One or more AI systems were not found.");
  if (systems.some((system) => system.archivedAt))
    throw new ConflictError("Archived systems cannot be changed. Restore them first.");
  const parts = await tx.duty.findMany({
    where: {
      workspaceId,
      systemId: { in: systemIds },
      side: "CUSTOMER",
      ...(target.kind === "domain" ? { domainKey: target.domainKey } : {}),
    },
    select: { id: true },
  });
  return parts.map((part) => part.id);
}

export async function assertBulkDuties(
  tx: Prisma.TransactionClient,
  { workspaceId, dutyIds }: { workspaceId: string; dutyIds: string[] },
) {
  const unique = [...new Set(dutyIds)];
  const parts = await tx.duty.findMany({
    where: { workspaceId, id: { in: unique } },
    select: { id: true, responsibility: { select: { system: { select: { archivedAt: true } } } } },
  });
  if (parts.length !== unique.length) throw new NotFoundError("One or more duties were not found.");
  if (parts.some((part) => part.responsibility.system.archivedAt)) {
    throw new ConflictError(
      "Duties of archived systems cannot be changed. Restore the systems first.",
    );
  }
  return unique;
}
