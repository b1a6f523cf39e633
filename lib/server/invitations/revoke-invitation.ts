import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/** Revokes a pending invitation of this workspace (another workspace's id answers 404). */
export async function revokeInvitation(args: {
  workspaceId: string;
  actor: AuditActor;
  invitationId: string;
}) {
  return workspaceTransaction(args.workspaceId, "revokeInvitation", async (tx) => {
    const invitation = await tx.invitation.findFirst({
      where: { id: args.invitationId, workspaceId: args.workspaceId },
      select: { id: true, email: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation) throw new NotFoundError("Invitation not found.");
    if (invitation.acceptedAt || invitation.revokedAt) return { revoked: false };
    await tx.invitation.updateMany({
      where: {
        id: invitation.id,
        workspaceId: args.workspaceId,
        acceptedAt: null,
        revokedAt: null,
      },
      data: { revokedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      workspaceId: args.workspaceId,
      actor: args.actor,
      action: "invitation.revoke",
      entityType: "Invitation",
      entityId: invitation.id,
      diff: { email: invitation.email },
    });
    return { revoked: true };
  });
}
