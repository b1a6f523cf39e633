import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { syncSystemStatements } from "@/lib/server/statements/sync-system-statements";

/**
 * Removes the vendor from one system. The system keeps everything else except what the vendor's
 * provider statements gave it: their evidence links and open review items (syncSystemStatements).
 */
export async function unlinkVendorSystem({
  workspaceId,
  actor,
  vendorId,
  systemId,
}: {
  workspaceId: string;
  actor: AuditActor;
  vendorId: string;
  systemId: string;
}) {
  return workspaceTransaction(workspaceId, "unlinkVendorSystem", async (tx) => {
    const { count } = await tx.aiSystem.updateMany({
      where: { id: systemId, workspaceId, vendorId },
      data: { vendorId: null, version: { increment: 1 } },
    });
    if (count !== 1) throw new NotFoundError("That system is not linked to this vendor.");
    await syncSystemStatements(tx, { workspaceId, actor, systemIds: [systemId] });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "vendor.unlinkSystem",
      entityType: "Vendor",
      entityId: vendorId,
      diff: { systemId },
    });
    return { count };
  });
}
