import "server-only";

import { can, canAssignRole, permissionsFor } from "@/lib/auth/permissions";
import type { Prisma, Role } from "@/lib/generated/prisma/client";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/** Whether a member holding `holder` may stand behind a token acting as `tokenRole`. */
export function roleCovers(holder: string | null | undefined, tokenRole: string): boolean {
  return (
    holder !== null &&
    holder !== undefined &&
    permissionsFor(tokenRole).every((p) => can(holder, p))
  );
}

/**
 * What a member granted others must not outlive their own rights: when a member is removed,
 * leaves, is deactivated or is demoted, their API tokens whose role they no longer cover and
 * their pending invitations they could no longer send are revoked, in the caller's transaction,
 * each with its own audit event. `keepRole` is the member's role from now on (null: none).
 * Token authentication checks the creator again on every request (authenticate-api-token.ts),
 * so this is the visible, audited half of one rule, not its only guard.
 */
export async function revokeMemberGrants(
  tx: Prisma.TransactionClient,
  args: {
    workspaceId: string;
    userId: string;
    keepRole: Role | null;
    actor: AuditActor;
    reason: string;
    now?: Date;
  },
): Promise<{ tokens: number; invitations: number }> {
  const now = args.now ?? new Date();
  const tokens = await tx.apiToken.findMany({
    where: { workspaceId: args.workspaceId, createdById: args.userId, revokedAt: null },
    select: { id: true, name: true, prefix: true, role: true },
    orderBy: { id: "asc" },
  });
  const lostTokens = tokens.filter((token) => !roleCovers(args.keepRole, token.role));
  for (const token of lostTokens) {
    await tx.apiToken.updateMany({
      where: { id: token.id, workspaceId: args.workspaceId, revokedAt: null },
      data: { revokedAt: now, revokedReason: args.reason },
    });
    await recordAuditEvent(tx, {
      workspaceId: args.workspaceId,
      actor: args.actor,
      action: "token.revoke",
      entityType: "ApiToken",
      entityId: token.id,
      diff: { name: token.name, prefix: token.prefix, role: token.role, reason: args.reason },
    });
  }
  const invitations = await tx.invitation.findMany({
    where: {
      workspaceId: args.workspaceId,
      invitedById: args.userId,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
    },
    select: { id: true, email: true, role: true },
    orderBy: { id: "asc" },
  });
  const lostInvitations = invitations.filter(
    (invitation) =>
      !args.keepRole ||
      !can(args.keepRole, "member.invite") ||
      !canAssignRole(args.keepRole, invitation.role),
  );
  for (const invitation of lostInvitations) {
    await tx.invitation.updateMany({
      where: { id: invitation.id, workspaceId: args.workspaceId, revokedAt: null },
      data: { revokedAt: now, revokedReason: args.reason },
    });
    await recordAuditEvent(tx, {
      workspaceId: args.workspaceId,
      actor: args.actor,
      action: "invitation.revoke",
      entityType: "Invitation",
      entityId: invitation.id,
      diff: { email: invitation.email, role: invitation.role, reason: args.reason },
    });
  }
  return { tokens: lostTokens.length, invitations: lostInvitations.length };
}
