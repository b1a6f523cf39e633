import "server-only";

import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";
import { hashInvitationToken } from "@/lib/server/invitations/invitation-token";

export type InvitationState = "pending" | "expired" | "accepted" | "revoked";

export type InvitationView = {
  id: string;
  workspaceId: string;
  workspaceName: string;
  workspaceSlug: string;
  email: string;
  role: Role;
  expiresAt: Date;
  state: InvitationState;
  /** Whether an account with the invited e-mail exists (decides sign in vs. sign up). */
  accountExists: boolean;
};

/** Looks an invitation up by the token from its link. Null when the token is unknown. */
export async function findInvitationByToken(
  token: string,
  now = new Date(),
): Promise<InvitationView | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      id: true,
      workspaceId: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { name: true, slug: true } },
    },
  });
  if (!invitation) return null;
  const account = await db.user.findUnique({
    where: { email: invitation.email },
    select: { id: true },
  });
  return {
    id: invitation.id,
    workspaceId: invitation.workspaceId,
    workspaceName: invitation.workspace.name,
    workspaceSlug: invitation.workspace.slug,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    state: invitationState(invitation, now),
    accountExists: Boolean(account),
  };
}

export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "pending";
}

export const INVITATION_STATE_MESSAGES: Record<Exclude<InvitationState, "pending">, string> = {
  accepted: "This invitation has already been used. Each invitation link works once.",
  revoked: "This invitation was withdrawn. Ask a workspace admin for a new one.",
  expired: "This invitation has expired. Ask a workspace admin for a new one.",
};
