import { apiRoute } from "@/lib/server/api/route";
import { getWorkspaceSpec } from "@/lib/server/api/specs/workspace";

export const GET = apiRoute(getWorkspaceSpec, async ({ token, workspace, role }) => ({
  token,
  workspace,
  role,
}));
