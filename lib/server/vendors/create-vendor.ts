import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { rethrowDuplicateVendor } from "@/lib/server/vendors/vendor-name-conflict";
import type { VendorFields } from "@/lib/validation/vendors";

export async function createVendor({
  workspaceId,
  actor,
  fields,
}: {
  workspaceId: string;
  actor: AuditActor;
  fields: VendorFields;
}) {
  try {
    return await workspaceTransaction(workspaceId, "createVendor", async (tx) => {
      const vendor = await tx.vendor.create({
        data: { workspaceId, ...fields },
        select: { id: true, name: true },
      });
      await recordAuditEvent(tx, {
        workspaceId,
        actor,
        action: "vendor.create",
        entityType: "Vendor",
        entityId: vendor.id,
        diff: { ...fields },
      });
      return vendor;
    });
  } catch (error) {
    rethrowDuplicateVendor(error);
  }
}
