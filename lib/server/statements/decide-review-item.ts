import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { ReviewState } from "@/lib/validation/statements";

/**
 * Records the customer's decision on a disagreement: acknowledged (seen, being looked at) or
 * resolved (settled: the matrix was overridden, or the statement is accepted as it is). The
 * matrix is changed only through the usual override, never here.
 */
export async function decideReviewItem({
  workspaceId,
  actor,
  itemId,
  state,
  now = new Date(),
}: {
  workspaceId: string;
  actor: AuditActor;
  itemId: string;
  state: ReviewState;
  now?: Date;
}) {
  return workspaceTransaction(workspaceId, "decideReviewItem", async (tx) => {
    const item = await tx.statementReviewItem.findFirst({
      where: { id: itemId, workspaceId },
      select: { id: true, state: true, systemId: true, domainKey: true },
    });
    if (!item) throw new NotFoundError("Review item not found.");
    const open = state === "OPEN";
    await tx.statementReviewItem.update({
      where: { id: item.id, workspaceId },
      data: {
        state,
        decidedById: open ? null : actor.type === "USER" ? (actor.id ?? null) : null,
        decidedAt: open ? null : now,
      },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "statement.review",
      entityType: "StatementReviewItem",
      entityId: item.id,
      diff: { state: [item.state, state], systemId: item.systemId, domainKey: item.domainKey },
    });
    return { id: item.id, state };
  });
}
