import "server-only";

import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The fail-closed loader of every system write: by id AND workspace, so another workspace's id
 * answers exactly like a missing one (404). With `expectedVersion` it also refuses stale edits.
 */
export async function loadSystemForChange(
  tx: Prisma.TransactionClient,
  {
    workspaceId,
    systemId,
    expectedVersion,
  }: { workspaceId: string; systemId: string; expectedVersion?: number },
) {
  const system = await tx.aiSystem.findFirst({ where: { id: systemId, workspaceId } });
  if (!system) throw new NotFoundError("AI system not found.");
  if (expectedVersion !== undefined && system.version !== expectedVersion) {
    throw new ConflictError(
      "Someone else saved changes to this system after you opened it. Your changes were not saved; " +
        "reload the page to see the current version, then make your change again.",
    );
  }
  return system;
}
