import { apiRoute } from "@/lib/server/api/route";
import { listDutiesSpec } from "@/lib/server/api/specs/duties";
import { listResponsibilities } from "@/lib/server/responsibilities/list-responsibilities";
import { apiJson } from "@/lib/server/systems/api-json";

export const GET = apiRoute(listDutiesSpec, async ({ workspace, query }) => {
  const { parts, ...page } = await listResponsibilities({ workspaceId: workspace.id, query });
  return apiJson({ ...page, duties: parts });
});
