import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { StatementVisibility } from "@/lib/validation/statements";

/** Private link or public: who may index the page, not who may read it (the link decides that). */
export async function setStatementVisibility({
  workspaceId,
  actor,
  statementId,
  visibility,
}: {
  workspaceId: string;
  actor: AuditActor;
  statementId: string;
  visibility: StatementVisibility;
}) {
  return workspaceTransaction(workspaceId, "setStatementVisibility", async (tx) => {
    const current = await tx.providerStatement.findFirst({
      where: { id: statementId, workspaceId },
      select: { id: true, visibility: true, revokedAt: true },
    });
    if (!current) throw new NotFoundError("Statement not found.");
    if (current.revokedAt) throw new ConflictError("This statement was revoked.");
    await tx.providerStatement.update({
      where: { id: statementId, workspaceId },
      data: { visibility },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "statement.visibility",
      entityType: "ProviderStatement",
      entityId: statementId,
      diff: { visibility: [current.visibility, visibility] },
    });
    return { id: statementId, visibility };
  });
}
