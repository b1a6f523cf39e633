import "server-only";

import { hashPassword } from "@/lib/auth/password";
import { assertAcceptablePassword } from "@/lib/auth/password-policy";
import { db } from "@/lib/db/client";
import { lockWorkspaces, retryingTransaction } from "@/lib/db/transaction";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import {
  INVITATION_STATE_MESSAGES,
  invitationState,
} from "@/lib/server/invitations/find-invitation";
import { hashInvitationToken } from "@/lib/server/invitations/invitation-token";
import { createPasswordUser } from "@/lib/server/users/register-user";

type AcceptedInvitation = { workspace: { id: string; slug: string; name: string }; role: string };

/** A signed-in user accepts an invitation addressed to their e-mail. */
export async function acceptInvitation(args: {
  token: string;
  userId: string;
}): Promise<AcceptedInvitation> {
  return retryingTransaction("acceptInvitation", async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: args.userId },
      select: { id: true, email: true, active: true },
    });
    if (!user || !user.active) throw new NotFoundError("Account not found.");
    return consumeInvitation(tx, { token: args.token, user });
  });
}

/** Someone without an account accepts: the account (for the invited e-mail) and membership are created together. */
export async function acceptInvitationWithSignUp(args: {
  token: string;
  name: string;
  password: string;
}) {
  const invited = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(args.token) },
    select: { email: true },
  });
  if (!invited) throw new NotFoundError("This invitation link is not valid.");
  assertAcceptablePassword(args.password, { email: invited.email, name: args.name });
  const passwordHash = await hashPassword(args.password);
  return retryingTransaction("acceptInvitationWithSignUp", async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashInvitationToken(args.token) },
      select: { email: true },
    });
    if (!invitation) throw new NotFoundError("This invitation link is not valid.");
    const user = await createPasswordUser(tx, {
      name: args.name,
      email: invitation.email,
      passwordHash,
    });
    const accepted = await consumeInvitation(tx, { token: args.token, user });
    return { ...accepted, user };
  });
}

async function consumeInvitation(
  tx: Prisma.TransactionClient,
  { token, user }: { token: string; user: { id: string; email: string } },
): Promise<AcceptedInvitation> {
  const now = new Date();
  const invitation = await tx.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      workspaceId: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { id: true, slug: true, name: true } },
    },
  });
  if (!invitation) throw new NotFoundError("This invitation link is not valid.");
  // The workspace is known only now; it is locked before any of its rows is written (the user
  // row a sign-up created is new, nobody waits on it).
  await lockWorkspaces(tx, [invitation.workspaceId]);
  const state = invitationState(invitation, now);
  if (state !== "pending") throw new ValidationError(INVITATION_STATE_MESSAGES[state]);
  if (invitation.email !== user.email) {
    throw new ForbiddenError(
      "This invitation is for a different e-mail address. Sign in with the invited address to accept it.",
    );
  }
  // Single use even under concurrency: only the request that flips acceptedAt may continue.
  const claimed = await tx.invitation.updateMany({
    where: {
      id: invitation.id,
      workspaceId: invitation.workspaceId,
      acceptedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
    },
    data: { acceptedAt: now, acceptedBy: user.id },
  });
  if (claimed.count !== 1) throw new ValidationError(INVITATION_STATE_MESSAGES.accepted);
  const existing = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: user.id } },
    select: { id: true },
  });
  if (existing) throw new ConflictError("You are already a member of this workspace.");
  const membership = await tx.membership.create({
    data: { workspaceId: invitation.workspaceId, userId: user.id, role: invitation.role },
  });
  const actor = { type: "USER" as const, id: user.id, label: user.email };
  await recordAuditEvent(tx, {
    workspaceId: invitation.workspaceId,
    actor,
    action: "invitation.accept",
    entityType: "Invitation",
    entityId: invitation.id,
    diff: { email: invitation.email },
  });
  await recordAuditEvent(tx, {
    workspaceId: invitation.workspaceId,
    actor,
    action: "member.add",
    entityType: "Membership",
    entityId: membership.id,
    diff: { userId: user.id, role: { to: invitation.role } },
  });
  return { workspace: invitation.workspace, role: invitation.role };
}
