import { apiRoute } from "@/lib/server/api/route";
import { inviteMemberSpec, listInvitationsSpec } from "@/lib/server/api/specs/members";
import { createInvitation } from "@/lib/server/invitations/create-invitation";
import { listPendingInvitations } from "@/lib/server/invitations/list-pending-invitations";

export const GET = apiRoute(listInvitationsSpec, async ({ workspace }) => ({
  invitations: (await listPendingInvitations(workspace.id)).map((invitation) => ({
    ...invitation,
    expiresAt: invitation.expiresAt.toISOString(),
    createdAt: invitation.createdAt.toISOString(),
  })),
}));

export const POST = apiRoute(
  inviteMemberSpec,
  async ({ workspace, role, actor, creatorId, body }) => {
    const invitation = await createInvitation({
      workspaceId: workspace.id,
      actor,
      actorRole: role,
      invitedById: creatorId,
      email: body.email,
      role: body.role,
    });
    return Response.json(
      { ...invitation, expiresAt: invitation.expiresAt.toISOString() },
      { status: 201, headers: { "cache-control": "no-store" } },
    );
  },
);
