import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { syncSystemStatements } from "@/lib/server/statements/sync-system-statements";
import { loadSystemForChange } from "@/lib/server/systems/load-system-for-change";

/**
 * Archives or restores a system. Archiving keeps every duty, owner and evidence link (coverage
 * simply leaves archived systems out), so restoring brings the system back exactly as it was.
 */
export async function setSystemArchived({
  workspaceId,
  actor,
  systemId,
  archived,
}: {
  workspaceId: string;
  actor: AuditActor;
  systemId: string;
  archived: boolean;
}) {
  return workspaceTransaction(workspaceId, "setSystemArchived", async (tx) => {
    const system = await loadSystemForChange(tx, { workspaceId, systemId });
    if (Boolean(system.archivedAt) === archived) {
      throw new ConflictError(
        archived ? "This system is already archived." : "This system is not archived.",
      );
    }
    const archivedAt = archived ? new Date() : null;
    await tx.aiSystem.updateMany({
      where: { id: systemId, workspaceId },
      data: { archivedAt, version: { increment: 1 } },
    });
    // Archiving keeps everything; a restored system gets what statements imported meanwhile give.
    if (!archived) await syncSystemStatements(tx, { workspaceId, actor, systemIds: [systemId] });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: archived ? "system.archive" : "system.restore",
      entityType: "AiSystem",
      entityId: systemId,
      diff: { name: system.name, archivedAt: { from: system.archivedAt, to: archivedAt } },
    });
    return { id: systemId, archivedAt, version: system.version + 1 };
  });
}
