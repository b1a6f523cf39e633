import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/**
 * Sets the longest an approval may run in this workspace. Requests already made keep their end
 * date; the ceiling applies to new requests (the schema bounds it: 1 to 36 months).
 */
export async function updateApprovalSettings(args: {
  workspaceId: string;
  actor: AuditActor;
  maxApprovalMonths: number;
}) {
  return workspaceTransaction(args.workspaceId, "updateApprovalSettings", async (tx) => {
    const before = await tx.workspace.findUnique({
      where: { id: args.workspaceId },
      select: { maxApprovalMonths: true },
    });
    if (!before) throw new NotFoundError();
    if (before.maxApprovalMonths === args.maxApprovalMonths)
      return { changed: false, maxApprovalMonths: before.maxApprovalMonths };
    await tx.workspace.updateMany({
      where: { id: args.workspaceId },
      data: { maxApprovalMonths: args.maxApprovalMonths },
    });
    await recordAuditEvent(tx, {
      workspaceId: args.workspaceId,
      actor: args.actor,
      action: "workspace.updateApprovalSettings",
      entityType: "Workspace",
      entityId: args.workspaceId,
      diff: { maxApprovalMonths: { from: before.maxApprovalMonths, to: args.maxApprovalMonths } },
    });
    return { changed: true, maxApprovalMonths: args.maxApprovalMonths };
  });
}
