import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { syncSystemStatements } from "@/lib/server/statements/sync-system-statements";

/**
 * Makes the vendor the provider of the given systems (all of this workspace, or nothing). Its
 * current provider statements then apply to them, and a previous vendor's no longer do.
 */
export async function linkVendorSystems({
  workspaceId,
  actor,
  vendorId,
  systemIds,
}: {
  workspaceId: string;
  actor: AuditActor;
  vendorId: string;
  systemIds: string[];
}) {
  const ids = [...new Set(systemIds)];
  return workspaceTransaction(workspaceId, "linkVendorSystems", async (tx) => {
    const vendor = await tx.vendor.findFirst({
      where: { id: vendorId, workspaceId },
      select: { id: true, name: true },
    });
    if (!vendor) throw new NotFoundError("Vendor not found.");
    const found = await tx.aiSystem.count({ where: { workspaceId, id: { in: ids } } });
    if (found !== ids.length) throw new NotFoundError("One or more AI systems were not found.");
    const { count } = await tx.aiSystem.updateMany({
      where: { workspaceId, id: { in: ids } },
      data: { vendorId, version: { increment: 1 } },
    });
    await syncSystemStatements(tx, { workspaceId, actor, systemIds: ids });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "vendor.linkSystems",
      entityType: "Vendor",
      entityId: vendorId,
      diff: { systemIds: ids },
    });
    return { count };
  });
}
