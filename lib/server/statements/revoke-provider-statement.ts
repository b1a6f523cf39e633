import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/**
 * Withdraws the statement: its link answers 404 from now on (page, JSON and OSCAL alike). Final:
 * the published versions stay in the workspace for its record, and a new statement gets a new
 * link. Customers keep what they imported; revoking cannot reach into their workspaces.
 */
export async function revokeProviderStatement({
  workspaceId,
  actor,
  statementId,
  now = new Date(),
}: {
  workspaceId: string;
  actor: AuditActor;
  statementId: string;
  now?: Date;
}) {
  return workspaceTransaction(workspaceId, "revokeProviderStatement", async (tx) => {
    const current = await tx.providerStatement.findFirst({
      where: { id: statementId, workspaceId },
      select: { id: true, revokedAt: true },
    });
    if (!current) throw new NotFoundError("Statement not found.");
    if (current.revokedAt) return { id: statementId, revokedAt: current.revokedAt };
    await tx.providerStatement.update({
      where: { id: statementId, workspaceId },
      data: { revokedAt: now },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "statement.revoke",
      entityType: "ProviderStatement",
      entityId: statementId,
      diff: {},
    });
    return { id: statementId, revokedAt: now };
  });
}
