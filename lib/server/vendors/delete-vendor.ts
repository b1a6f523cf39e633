import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { syncSystemStatements } from "@/lib/server/statements/sync-system-statements";

/**
 * Deletes a vendor. Its systems stay (their vendor becomes empty) and so do its attestations
 * (they lose the vendor link; those of its provider statements are unlinked from its systems'
 * duties, as when a system leaves a vendor), which is why the page asks for confirmation. Its assessment
 * answers go with it, so the audit event keeps them whole (topic, status, answer, reviewer) with
 * the vendor's own fields: what was deleted can be read back, and re-entered, from the log.
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
  return workspaceTransaction(workspaceId, "deleteVendor", async (tx) => {
    const vendor = await tx.vendor.findFirst({
      where: { id: vendorId, workspaceId },
      select: {
        id: true,
        name: true,
        kind: true,
        website: true,
        contactName: true,
        contactEmail: true,
        notes: true,
        _count: { select: { systems: true } },
        answers: {
          where: { workspaceId },
          orderBy: { topicKey: "asc" },
          select: {
            topicKey: true,
            status: true,
            answer: true,
            reviewerId: true,
            updatedAt: true,
          },
        },
      },
    });
    if (!vendor) throw new NotFoundError("Vendor not found.");
    // Its systems leave it first, so its provider statements' links and open review items go
    // with it: deleting the statements would otherwise leave their evidence covering duties.
    const systems = await tx.aiSystem.findMany({
      where: { workspaceId, vendorId },
      select: { id: true },
    });
    if (systems.length > 0) {
      await tx.aiSystem.updateMany({
        where: { workspaceId, vendorId },
        data: { vendorId: null, version: { increment: 1 } },
      });
      await syncSystemStatements(tx, { workspaceId, actor, systemIds: systems.map((s) => s.id) });
    }
    const { count } = await tx.vendor.deleteMany({ where: { id: vendorId, workspaceId } });
    if (count !== 1)
      throw new ConflictError("The vendor was changed at the same time. Reload and try again.");
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "vendor.delete",
      entityType: "Vendor",
      entityId: vendorId,
      diff: {
        name: vendor.name,
        vendor: {
          kind: vendor.kind,
          website: vendor.website,
          contactName: vendor.contactName,
          contactEmail: vendor.contactEmail,
          notes: vendor.notes,
        },
        unlinkedSystems: vendor._count.systems,
        deletedAssessmentAnswers: vendor.answers,
      },
    });
    return { id: vendorId };
  });
}
