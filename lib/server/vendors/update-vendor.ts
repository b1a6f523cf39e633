import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { rethrowDuplicateVendor } from "@/lib/server/vendors/vendor-name-conflict";
import type { VendorFields } from "@/lib/validation/vendors";

export async function updateVendor({
  workspaceId,
  actor,
  vendorId,
  fields,
}: {
  workspaceId: string;
  actor: AuditActor;
  vendorId: string;
  fields: VendorFields;
}) {
  try {
    return await workspaceTransaction(workspaceId, "updateVendor", async (tx) => {
      const current = await tx.vendor.findFirst({ where: { id: vendorId, workspaceId } });
      if (!current) throw new NotFoundError("Vendor not found.");
      const diff: Record<string, unknown> = {};
      for (const key of Object.keys(fields) as (keyof VendorFields)[]) {
        if (current[key] !== fields[key]) diff[key] = { from: current[key], to: fields[key] };
      }
      await tx.vendor.updateMany({ where: { id: vendorId, workspaceId }, data: fields });
      if (Object.keys(diff).length > 0) {
        await recordAuditEvent(tx, {
          workspaceId,
          actor,
          action: "vendor.update",
          entityType: "Vendor",
          entityId: vendorId,
          diff,
        });
      }
      return { id: vendorId, name: fields.name };
    });
  } catch (error) {
    rethrowDuplicateVendor(error);
  }
}
