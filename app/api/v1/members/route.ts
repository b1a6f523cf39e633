import { apiRoute } from "@/lib/server/api/route";
import { listMembersSpec } from "@/lib/server/api/specs/members";
import { listMembers } from "@/lib/server/members/list-members";

export const GET = apiRoute(listMembersSpec, async ({ workspace }) => ({
  members: (await listMembers(workspace.id)).map((member) => ({
    membershipId: member.id,
    role: member.role,
    active: member.deactivatedAt === null && member.user.active,
    joinedAt: member.createdAt.toISOString(),
    user: { id: member.user.id, name: member.user.name, email: member.user.email },
  })),
}));
