import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { type ApprovalCaller, isEligibleApprover } from "@/lib/server/approvals/approval-rules";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/**
 * Withdraws a pending request. The requester may, and so may an admin or owner (tidying up a
 * request whose requester left); a decided request stays as it was decided.
 */
export async function cancelApprovalRequest({
  workspaceId,
  caller,
  approvalId,
}: {
  workspaceId: string;
  caller: ApprovalCaller;
  approvalId: string;
}) {
  return workspaceTransaction(workspaceId, "cancelApprovalRequest", async (tx) => {
    const row = await tx.approvalRequest.findFirst({ where: { id: approvalId, workspaceId } });
    if (!row) throw new NotFoundError("Approval request not found.");
    if (
      row.requestedById !== caller.userId &&
      !(await isEligibleApprover(tx, { workspaceId, userId: caller.userId }))
    )
      throw new ForbiddenError("Only the requester or an admin or owner cancels a request.");
    const updated = await tx.approvalRequest.updateMany({
      where: { id: row.id, workspaceId, status: "PENDING" },
      data: { status: "CANCELLED", decidedById: caller.userId, decidedAt: new Date() },
    });
    if (updated.count !== 1)
      throw new ConflictError(
        `This request was already ${row.status.toLowerCase()}; nothing was changed.`,
        { status: row.status },
      );
    await recordAuditEvent(tx, {
      workspaceId,
      actor: caller.actor,
      action: "approval.cancel",
      entityType: "ApprovalRequest",
      entityId: row.id,
      diff: { kind: row.kind, dutyId: row.dutyId, status: { from: "PENDING", to: "CANCELLED" } },
    });
    return { id: row.id, status: "CANCELLED" as const };
  });
}
