import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/** Revokes a token of this workspace; a token of another workspace answers 404. Idempotent. */
export async function revokeApiToken(args: {
  workspaceId: string;
  actor: AuditActor;
  tokenId: string;
}) {
  return workspaceTransaction(args.workspaceId, "revokeApiToken", async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: args.tokenId, workspaceId: args.workspaceId },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    if (!token) throw new NotFoundError("API token not found.");
    if (token.revokedAt) return { revoked: false };
    const revokedAt = new Date();
    await tx.apiToken.updateMany({
      where: { id: token.id, workspaceId: args.workspaceId, revokedAt: null },
      data: { revokedAt },
    });
    await recordAuditEvent(tx, {
      workspaceId: args.workspaceId,
      actor: args.actor,
      action: "token.revoke",
      entityType: "ApiToken",
      entityId: token.id,
      diff: { name: token.name, prefix: token.prefix, revokedAt },
    });
    return { revoked: true };
  });
}
