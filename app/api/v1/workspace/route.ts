import { apiRoute } from "@/lib/server/api/route";
import { getWorkspaceSpec, renameWorkspaceSpec } from "@/lib/server/api/specs/workspace";
import { renameWorkspace } from "@/lib/server/workspaces/rename-workspace";

export const GET = apiRoute(getWorkspaceSpec, async ({ token, workspace, role }) => ({
  token,
  workspace,
  role,
}));

export const PATCH = apiRoute(renameWorkspaceSpec, async ({ workspace, actor, body }) =>
  renameWorkspace({ workspaceId: workspace.id, actor, name: body.name }),
);
