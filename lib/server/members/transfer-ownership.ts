import "server-only";

import { workspaceTransaction } from "@/lib/db/transaction";
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
  return workspaceTransaction(args.workspaceId, "transferOwnership", async (tx) => {
    // Two transfers at once (two tabs, two owners' clicks) must not both read "I am the owner":
    // the workspace row is the lock both take first (workspaceTransaction), so the second sees
    // the first's result.
    const current = await tx.membership.findFirst({
      where: { workspaceId: args.workspaceId, userId: args.actorUserId, deactivatedAt: null },
      select: { id: true, role: true },
    });
    if (!current || current.role !== "OWNER")
      throw new ForbiddenError("Only the owner can transfer ownership.");
    const target = await findMembershipInWorkspace(tx, args);
    if (!target) throw new NotFoundError("Member not found.");
    if (target.id === current.id) throw new ValidationError("You already own this workspace.");
    if (target.deactivatedAt)
      throw new ValidationError("Reactivate this member before making them the owner.");
    await tx.membership.updateMany({
      where: { id: target.id, workspaceId: args.workspaceId },
      data: { role: "OWNER" },
    });
    await tx.membership.updateMany({
      where: { id: current.id, workspaceId: args.workspaceId },
      data: { role: "ADMIN" },
    });
    await assertWorkspaceKeepsOwner(tx, args.workspaceId);
    // Exactly one owner afterwards, whatever ran concurrently.
    const owners = await tx.membership.count({
      where: { workspaceId: args.workspaceId, role: "OWNER" },
    });
    if (owners !== 1) throw new Error(`workspace ${args.workspaceId} would have ${owners} owners`);
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
