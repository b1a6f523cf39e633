import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { assertBulkDuties } from "@/lib/server/responsibilities/resolve-bulk-target";
import { startOfDay } from "@/lib/validation/responsibilities";

/** Sets (or clears) the due date of many parts at once. */
export async function bulkSetDueDate({
  workspaceId,
  actor,
  dutyIds,
  dueDate,
}: {
  workspaceId: string;
  actor: AuditActor;
  dutyIds: string[];
  dueDate: string | null;
}) {
  return workspaceTransaction(workspaceId, "bulkSetDueDate", async (tx) => {
    const ids = await assertBulkDuties(tx, { workspaceId, dutyIds });
    const { count } = await tx.duty.updateMany({
      where: { workspaceId, id: { in: ids } },
      data: { dueDate: dueDate ? startOfDay(dueDate) : null, version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "responsibility.bulkSetDueDate",
      entityType: "Duty",
      diff: { dueDate, count, dutyIds: ids },
    });
    return { count };
  });
}
