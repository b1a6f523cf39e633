import "server-only";

import { canAssignRole } from "@/lib/auth/permissions";
import { workspaceTransaction } from "@/lib/db/transaction";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import {
  assertWorkspaceKeepsOwner,
  findMembershipInWorkspace,
} from "@/lib/server/members/owner-guard";
import { revokeMemberGrants } from "@/lib/server/members/revoke-member-grants";

/**
 * Removes another member. The owner cannot be removed; to remove yourself, leave. The member's
 * API tokens and pending invitations are revoked with them (revoke-member-grants.ts).
 */
export async function removeMember(args: {
  workspaceId: string;
  actor: AuditActor;
  actorRole: Role;
  actorUserId: string;
  membershipId: string;
}) {
  return workspaceTransaction(args.workspaceId, "removeMember", async (tx) => {
    const member = await findMembershipInWorkspace(tx, args);
    if (!member) throw new NotFoundError("Member not found.");
    if (member.userId === args.actorUserId) {
      throw new ValidationError("To remove yourself, use “Leave workspace”.");
    }
    if (member.role === "OWNER") {
      throw new ForbiddenError("The owner cannot be removed. Transfer ownership first.");
    }
    if (!canAssignRole(args.actorRole, member.role))
      throw new ForbiddenError("Your role cannot remove that member.");
    await tx.membership.deleteMany({ where: { id: member.id, workspaceId: args.workspaceId } });
    await assertWorkspaceKeepsOwner(tx, args.workspaceId);
    const revoked = await revokeMemberGrants(tx, {
      workspaceId: args.workspaceId,
      userId: member.userId,
      keepRole: null,
      actor: args.actor,
      reason: "its creator was removed from the workspace",
    });
    await recordAuditEvent(tx, {
      workspaceId: args.workspaceId,
      actor: args.actor,
      action: "member.remove",
      entityType: "Membership",
      entityId: member.id,
      diff: { email: member.user.email, role: { from: member.role }, revoked },
    });
    return { removed: true, revoked };
  });
}
