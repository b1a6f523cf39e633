import "server-only";

import { canAssignRole } from "@/lib/auth/permissions";
import { workspaceTransaction } from "@/lib/db/transaction";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import {
  assertWorkspaceKeepsOwner,
  findMembershipInWorkspace,
} from "@/lib/server/members/owner-guard";
import { revokeMemberGrants } from "@/lib/server/members/revoke-member-grants";

/**
 * Changes a member's role. The actor must be allowed to grant both the current and the new role
 * (so an ADMIN cannot touch the OWNER), and OWNER is never granted here: use transferOwnership.
 */
export async function changeMemberRole(args: {
  workspaceId: string;
  actor: AuditActor;
  actorRole: Role;
  membershipId: string;
  role: Role;
}) {
  return workspaceTransaction(args.workspaceId, "changeMemberRole", async (tx) => {
    const member = await findMembershipInWorkspace(tx, args);
    if (!member) throw new NotFoundError("Member not found.");
    if (member.role === "OWNER") {
      throw new ForbiddenError("The owner's role changes only by transferring ownership.");
    }
    if (!canAssignRole(args.actorRole, member.role) || !canAssignRole(args.actorRole, args.role)) {
      throw new ForbiddenError("Your role cannot give that role.");
    }
    if (member.role === args.role) return { changed: false };
    await tx.membership.updateMany({
      where: { id: member.id, workspaceId: args.workspaceId },
      data: { role: args.role },
    });
    await assertWorkspaceKeepsOwner(tx, args.workspaceId);
    // A demotion takes with it the tokens and invitations the new role could not have made.
    const revoked = await revokeMemberGrants(tx, {
      workspaceId: args.workspaceId,
      userId: member.userId,
      keepRole: args.role,
      actor: args.actor,
      reason: `its creator's role changed to ${args.role}`,
    });
    await recordAuditEvent(tx, {
      workspaceId: args.workspaceId,
      actor: args.actor,
      action: "member.changeRole",
      entityType: "Membership",
      entityId: member.id,
      diff: { email: member.user.email, role: { from: member.role, to: args.role }, revoked },
    });
    return { changed: true, revoked };
  });
}
