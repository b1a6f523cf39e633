import "server-only";

import { createHash } from "node:crypto";

import { db } from "@/lib/db/client";
import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import {
  assertBodyFitsFramework,
  StatementInvalidError,
} from "@/lib/server/statements/statement-framework";
import {
  describeIssues,
  providerStatementSchema,
  STATEMENT_FORMAT,
  statementBodySchema,
} from "@/lib/statements/format";

/**
 * Freezes the draft as the next version: the document exactly as the public link will serve it.
 * It carries only what the publisher typed (product, optional provider name, the body) and the
 * statement's random public id, never a row id or the workspace's name.
 */
export async function publishProviderStatement({
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
  const statement = await findStatement(workspaceId, statementId);
  const body = statementBodySchema.safeParse(statement.draft);
  if (!body.success) throw new StatementInvalidError(describeIssues(body.error), "body");
  if (body.data.domains.length === 0)
    throw new StatementInvalidError(["domains: state the position on at least one domain"], "body");
  await assertBodyFitsFramework(workspaceId, body.data);

  return workspaceTransaction(workspaceId, "publishProviderStatement", async (tx) => {
    const current = await tx.providerStatement.findFirst({
      where: { id: statementId, workspaceId },
      select: { id: true, revokedAt: true, versions: { select: { version: true } } },
    });
    if (!current) throw new NotFoundError("Statement not found.");
    if (current.revokedAt) throw new ConflictError("This statement was revoked; create a new one.");
    const version = Math.max(0, ...current.versions.map((v) => v.version)) + 1;
    const document = providerStatementSchema.parse({
      format: STATEMENT_FORMAT,
      statementId: statement.publicId,
      version,
      publishedAt: now.toISOString(),
      ...(statement.providerName ? { provider: { name: statement.providerName } } : {}),
      product: { name: statement.productName },
      ...body.data,
    });
    const documentHash = createHash("sha256").update(JSON.stringify(document)).digest("hex");
    const row = await tx.providerStatementVersion.create({
      data: {
        workspaceId,
        statementId,
        version,
        document,
        documentHash,
        publishedById: actor.type === "USER" ? (actor.id ?? null) : null,
        publishedAt: now,
      },
      select: { id: true, version: true },
    });
    await recordAuditEvent(tx, {
      workspaceId,
      actor,
      action: "statement.publish",
      entityType: "ProviderStatement",
      entityId: statementId,
      diff: { version, documentHash },
    });
    return { statementId, version: row.version };
  });
}

async function findStatement(workspaceId: string, statementId: string) {
  const statement = await db.providerStatement.findFirst({
    where: { id: statementId, workspaceId },
    select: { publicId: true, productName: true, providerName: true, draft: true },
  });
  if (!statement) throw new NotFoundError("Statement not found.");
  return statement;
}
