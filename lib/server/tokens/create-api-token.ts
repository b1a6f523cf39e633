import "server-only";

import { canAssignRole } from "@/lib/auth/permissions";
import { workspaceTransaction } from "@/lib/db/transaction";
import { ForbiddenError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { generateTokenSecret } from "@/lib/server/tokens/token-secret";

export type CreateApiTokenArgs = {
  workspaceId: string;
  actor: AuditActor;
  /** Role of the member creating it: a token never gets more than its creator may grant. */
  actorRole: Role;
  createdById: string;
  name: string;
  role: Role;
  expiresAt: Date | null;
};

/** Creates a workspace API token. The secret is returned once and only its hash is stored. */
export async function createApiToken(args: CreateApiTokenArgs) {
  if (!canAssignRole(args.actorRole, args.role)) {
    throw new ForbiddenError("Your role cannot create a token with that role.");
  }
  const { secret, prefix, hash } = generateTokenSecret();
  const token = await workspaceTransaction(args.workspaceId, "createApiToken", async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        workspaceId: args.workspaceId,
        name: args.name,
        prefix,
        tokenHash: hash,
        role: args.role,
        expiresAt: args.expiresAt,
        createdById: args.createdById,
      },
      select: { id: true, name: true, prefix: true, role: true, expiresAt: true },
    });
    await recordAuditEvent(tx, {
      workspaceId: args.workspaceId,
      actor: args.actor,
      action: "token.create",
      entityType: "ApiToken",
      entityId: created.id,
      diff: {
        name: created.name,
        prefix: created.prefix,
        role: created.role,
        expiresAt: created.expiresAt,
      },
    });
    return created;
  });
  return { ...token, secret };
}
