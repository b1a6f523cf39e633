import "server-only";

import { db } from "@/lib/db/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import {
  assertWorkspaceKeepsOwner,
  findMembershipInWorkspace,
} from "@/lib/server/members/owner-guard";

/** The owner hands the workspace to another member; the former owner becomes an ADMIN. */
export async function transferOwnership(args: {
  workspaceId: string;
  actor: AuditActor;
  actorUserId: string;
  membershipId: string;
}) {
  return db.$transaction(async (tx) => {
    const current = await tx.membership.findFirst({
      where: { workspaceId: args.workspaceId, userId: args.actorUserId },
      select: { id: true, role: true },
    });
    if (!current || current.role !== "OWNER")
      throw new ForbiddenError("Only the owner can transfer ownership.");
    const target = await findMembershipInWorkspace(tx, args);
    if (!target) throw new NotFoundError("Member not found.");
    if (target.id === current.id) throw new ValidationError("You already own this workspace.");
    await tx.membership.updateMany({
      where: { id: target.id, workspaceId: args.workspaceId },
      data: { role: "OWNER" },
    });
    await tx.membership.updateMany({
      where: { id: current.id, workspaceId: args.workspaceId },
      data: { role: "ADMIN" },
    });
    await assertWorkspaceKeepsOwner(tx, args.workspaceId);
    await recordAuditEvent(tx, {
      workspaceId: args.workspaceId,
      actor: args.actor,
      action: "workspace.transferOwnership",
      entityType: "Membership",
      entityId: target.id,
      diff: {
        to: target.user.email,
        newOwnerRole: { from: target.role, to: "OWNER" },
        previousOwnerRole: { from: "OWNER", to: "ADMIN" },
      },
    });
    return { transferred: true };
  });
}
