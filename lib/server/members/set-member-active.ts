import "server-only";

import { canAssignRole } from "@/lib/auth/permissions";
import { workspaceTransaction } from "@/lib/db/transaction";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { findMembershipInWorkspace } from "@/lib/server/members/owner-guard";
import { revokeMemberGrants } from "@/lib/server/members/revoke-member-grants";
import { endUserSessions } from "@/lib/server/sessions/end-sessions";

/**
 * Deactivates (or reactivates) a member of this workspace, from the members page (owners and
 * admins, for members whose role they could grant; never the owner, never oneself).
 *
 * Deactivation is a workspace matter: an admin of one workspace must not lock a person out of
 * the others they belong to. So the membership is suspended (every request checks it, so access
 * ends on the member's next request in every process), their API tokens and pending
 * invitations here are revoked, and their sessions end at once when this was their last active
 * workspace (their account has nothing else to show). The account itself is deactivated only by
 * an operator (set-user-active.ts). Reactivation restores access, not the revoked tokens.
 */
export async function setMemberActive(args: {
  workspaceId: string;
  actor: AuditActor;
  actorRole: Role;
  actorUserId: string;
  membershipId: string;
  active: boolean;
}) {
  return workspaceTransaction(args.workspaceId, "setMemberActive", async (tx) => {
    const member = await findMembershipInWorkspace(tx, args);
    if (!member) throw new NotFoundError("Member not found.");
    if (member.userId === args.actorUserId) {
      throw new ValidationError("You cannot deactivate yourself. Leave the workspace instead.");
    }
    if (member.role === "OWNER") throw new ForbiddenError("The owner cannot be deactivated.");
    if (!canAssignRole(args.actorRole, member.role))
      throw new ForbiddenError("Your role cannot deactivate that member.");
    if (Boolean(member.deactivatedAt) === !args.active) return { changed: false };

    await tx.membership.updateMany({
      where: { id: member.id, workspaceId: args.workspaceId },
      data: args.active
        ? { deactivatedAt: null, deactivatedById: null }
        : { deactivatedAt: new Date(), deactivatedById: args.actorUserId },
    });
    let revoked = { tokens: 0, invitations: 0 };
    let endedSessions = 0;
    if (!args.active) {
      revoked = await revokeMemberGrants(tx, {
        workspaceId: args.workspaceId,
        userId: member.userId,
        keepRole: null,
        actor: args.actor,
        reason: "its creator was deactivated in this workspace",
      });
      const elsewhere = await tx.membership.count({
        where: {
          userId: member.userId,
          deactivatedAt: null,
          workspaceId: { not: args.workspaceId },
        },
      });
      if (elsewhere === 0) endedSessions = await endUserSessions(tx, { userId: member.userId });
    }
    await recordAuditEvent(tx, {
      workspaceId: args.workspaceId,
      actor: args.actor,
      action: args.active ? "member.reactivate" : "member.deactivate",
      entityType: "Membership",
      entityId: member.id,
      diff: {
        email: member.user.email,
        role: member.role,
        ...(args.active ? {} : { revoked, endedSessions }),
      },
    });
    return { changed: true, revoked, endedSessions };
  });
}
