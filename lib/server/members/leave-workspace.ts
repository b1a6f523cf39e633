import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { assertWorkspaceKeepsOwner } from "@/lib/server/members/owner-guard";
import { revokeMemberGrants } from "@/lib/server/members/revoke-member-grants";

/**
 * The signed-in member leaves. The owner must transfer ownership first. Their API tokens and
 * pending invitations in the workspace are revoked (revoke-member-grants.ts).
 */
export async function leaveWorkspace(args: {
  workspaceId: string;
  actor: AuditActor;
  userId: string;
}) {
  return workspaceTransaction(args.workspaceId, "leaveWorkspace", async (tx) => {
    const member = await tx.membership.findFirst({
      where: { workspaceId: args.workspaceId, userId: args.userId },
      select: { id: true, role: true },
    });
    if (!member) throw new NotFoundError("Workspace not found.");
    if (member.role === "OWNER") {
      throw new ValidationError(
        "You own this workspace. Transfer ownership to another member before leaving.",
      );
    }
    await tx.membership.deleteMany({ where: { id: member.id, workspaceId: args.workspaceId } });
    await assertWorkspaceKeepsOwner(tx, args.workspaceId);
    const revoked = await revokeMemberGrants(tx, {
      workspaceId: args.workspaceId,
      userId: args.userId,
      keepRole: null,
      actor: args.actor,
      reason: "its creator left the workspace",
    });
    await recordAuditEvent(tx, {
      workspaceId: args.workspaceId,
      actor: args.actor,
      action: "member.leave",
      entityType: "Membership",
      entityId: member.id,
      diff: { role: { from: member.role }, revoked },
    });
    return { left: true };
  });
}
