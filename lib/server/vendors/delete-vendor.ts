import "server-only";

import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/**
 * Deletes a vendor. Its systems stay (their vendor becomes empty) and so do its attestations
 * (they lose the vendor link), which is why the page asks for confirmation.
 */
export async function deleteVendor({
  workspaceId,
  actor,
  vendorId,
}: {
  workspaceId: string;
  actor: AuditActor;
  vendorId: string;
}) {
  return db.$transaction(async (tx) => {
    const vendor = await tx.vendor.findFirst({
      where: { id: vendorId, workspaceId },
      select: { id: true, name: true, _count: { select: { systems: true } } },
    });
    if (!vendor) throw new NotFoundError("Vendor not found.");
    const { count } = await tx.vendor.deleteMany({ where: { id: vendorId, workspaceId } });
    if (count !== 1)
      throw new ConflictError("The vendor was changed at the same time. Reload and try again.");
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "vendor.delete",
      entityType: "Vendor",
      entityId: vendorId,
      diff: { name: vendor.name, unlinkedSystems: vendor._count.systems },
    });
    return { id: vendorId };
  });
}
