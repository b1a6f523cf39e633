import { apiRoute } from "@/lib/server/api/route";
import { changeMemberRoleSpec, removeMemberSpec } from "@/lib/server/api/specs/members";
import { changeMemberRole } from "@/lib/server/members/change-member-role";
import { removeMember } from "@/lib/server/members/remove-member";

export const PATCH = apiRoute(
  changeMemberRoleSpec,
  async ({ workspace, role, actor, params, body }) =>
    changeMemberRole({
      workspaceId: workspace.id,
      actor,
      actorRole: role,
      membershipId: params.membershipId,
      role: body.role,
    }),
);

export const DELETE = apiRoute(
  removeMemberSpec,
  async ({ workspace, role, actor, creatorId, params }) =>
    removeMember({
      workspaceId: workspace.id,
      actor,
      actorRole: role,
      actorUserId: creatorId,
      membershipId: params.membershipId,
    }),
);
