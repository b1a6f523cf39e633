import "server-only";

import { canAssignRole } from "@/lib/auth/permissions";
import { workspaceTransaction } from "@/lib/db/transaction";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import { type AuditActor, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { generateInvitationToken, invitationLink } from "@/lib/server/invitations/invitation-token";
import { sendMail } from "@/lib/server/mail/send-mail";
import { INVITATION_TTL_DAYS } from "@/lib/validation/members";

export type CreateInvitationArgs = {
  workspaceId: string;
  actor: AuditActor;
  actorRole: Role;
  invitedById: string;
  email: string;
  role: Role;
};

/**
 * Invites an e-mail address with a role: a single-use link valid for INVITATION_TTL_DAYS. A newer
 * invitation for the same address replaces (revokes) a pending one. The link is returned for the
 * inviter to copy and e-mailed when SMTP is configured.
 */
export async function createInvitation(args: CreateInvitationArgs) {
  if (!canAssignRole(args.actorRole, args.role)) {
    throw new ForbiddenError("Your role cannot invite members with that role.");
  }
  const { token, hash } = generateInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
  // Database only, so retried on a deadlock; the e-mail goes after the commit, once.
  const { invitation, workspaceName } = await workspaceTransaction(
    args.workspaceId,
    "createInvitation",
    async (tx) => {
      const alreadyMember = await tx.membership.findFirst({
        where: { workspaceId: args.workspaceId, user: { email: args.email } },
        select: { id: true },
      });
      if (alreadyMember)
        throw new ConflictError(`${args.email} is already a member of this workspace.`);
      const replaced = await tx.invitation.updateMany({
        where: {
          workspaceId: args.workspaceId,
          email: args.email,
          acceptedAt: null,
          revokedAt: null,
        },
        data: { revokedAt: new Date() },
      });
      const created = await tx.invitation.create({
        data: {
          workspaceId: args.workspaceId,
          email: args.email,
          role: args.role,
          tokenHash: hash,
          expiresAt,
          invitedById: args.invitedById,
        },
        select: {
          id: true,
          email: true,
          role: true,
          expiresAt: true,
          workspace: { select: { name: true } },
        },
      });
      await recordAuditEvent(tx, {
        workspaceId: args.workspaceId,
        actor: args.actor,
        action: "invitation.create",
        entityType: "Invitation",
        entityId: created.id,
        diff: {
          email: created.email,
          role: created.role,
          expiresAt,
          replacedPending: replaced.count,
        },
      });
      return { invitation: created, workspaceName: created.workspace.name };
    },
  );

  const link = invitationLink(token);
  const mail = await sendMail({
    to: invitation.email,
    subject: `You are invited to ${workspaceName} on AI SRM Workspace`,
    text: [
      `${args.actor.label} invited you to the workspace "${workspaceName}" as ${invitation.role.toLowerCase()}.`,
      "",
      `Accept the invitation: ${link}`,
      "",
      `The link works once and expires on ${invitation.expiresAt.toUTCString()}.`,
    ].join("\n"),
  });
  return {
    invitationId: invitation.id,
    email: invitation.email,
    role: invitation.role,
    link,
    expiresAt,
    mailed: mail.sent,
  };
}
