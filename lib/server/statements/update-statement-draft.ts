import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { assertBodyFitsFramework } from "@/lib/server/statements/statement-framework";
import type { UpdateStatementDraftInput } from "@/lib/validation/statements";

/** Replaces a statement's draft (published versions never change). */
export async function updateStatementDraft({
  workspaceId,
  actor,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  input: UpdateStatementDraftInput;
}) {
  await assertBodyFitsFramework(workspaceId, input.body);
  return workspaceTransaction(workspaceId, "updateStatementDraft", async (tx) => {
    const current = await tx.providerStatement.findFirst({
      where: { id: input.statementId, workspaceId },
      select: { id: true, revokedAt: true },
    });
    if (!current) throw new NotFoundError("Statement not found.");
    if (current.revokedAt) throw new ConflictError("This statement was revoked; create a new one.");
    const statement = await tx.providerStatement.update({
      where: { id: current.id, workspaceId },
      data: {
        productName: input.productName,
        providerName: input.providerName,
        draft: input.body,
      },
      select: { id: true, productName: true },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "statement.updateDraft",
      entityType: "ProviderStatement",
      entityId: statement.id,
      diff: {
        productName: input.productName,
        domains: input.body.domains.length,
        attestations: input.body.attestations.length,
      },
    });
    return statement;
  });
}
