import { apiRoute } from "@/lib/server/api/route";
import { setMemberActiveSpec } from "@/lib/server/api/specs/members";
import { setMemberActive } from "@/lib/server/members/set-member-active";

export const PUT = apiRoute(
  setMemberActiveSpec,
  async ({ workspace, role, actor, creatorId, params, body }) =>
    setMemberActive({
      workspaceId: workspace.id,
      actor,
      actorRole: role,
      actorUserId: creatorId,
      membershipId: params.membershipId,
      active: body.active,
    }),
);
