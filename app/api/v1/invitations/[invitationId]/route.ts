import { apiRoute } from "@/lib/server/api/route";
import { revokeInvitationSpec } from "@/lib/server/api/specs/members";
import { revokeInvitation } from "@/lib/server/invitations/revoke-invitation";

export const DELETE = apiRoute(revokeInvitationSpec, async ({ workspace, actor, params }) =>
  revokeInvitation({ workspaceId: workspace.id, actor, invitationId: params.invitationId }),
);
