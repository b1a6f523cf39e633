import "server-only";

import { randomBytes, randomUUID } from "node:crypto";

import { workspaceTransaction } from "@/lib/db/transaction";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { assertBodyFitsFramework } from "@/lib/server/statements/statement-framework";
import { emptyStatementBody } from "@/lib/statements/format";
import type { CreateStatementInput } from "@/lib/validation/statements";

/** A new share token: 32 random bytes, so the link cannot be guessed (docs/provider-statements.md). */
export function newShareToken(): string {
  return randomBytes(32).toString("base64url");
}

/** A statement with an empty draft for one framework version; nothing is published yet. */
export async function createProviderStatement({
  workspaceId,
  actor,
  input,
}: {
  workspaceId: string;
  actor: AuditActor;
  input: CreateStatementInput;
}) {
  const draft = emptyStatementBody({ key: input.frameworkKey, version: input.frameworkVersion });
  await assertBodyFitsFramework(workspaceId, draft, "frameworkVersion");
  return workspaceTransaction(workspaceId, "createProviderStatement", async (tx) => {
    const statement = await tx.providerStatement.create({
      data: {
        workspaceId,
        productName: input.productName,
        providerName: input.providerName,
        publicId: randomUUID(),
        shareToken: newShareToken(),
        draft,
        createdById: actor.type === "USER" ? (actor.id ?? null) : null,
      },
      select: { id: true, productName: true },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "statement.create",
      entityType: "ProviderStatement",
      entityId: statement.id,
      diff: { productName: input.productName, framework: draft.framework },
    });
    return statement;
  });
}
