import { apiRoute } from "@/lib/server/api/route";
import { listResponsibilitiesSpec } from "@/lib/server/api/specs/responsibilities";
import { listResponsibilities } from "@/lib/server/responsibilities/list-responsibilities";
import { apiJson } from "@/lib/server/systems/api-json";

export const GET = apiRoute(listResponsibilitiesSpec, async ({ workspace, query }) =>
  apiJson(await listResponsibilities({ workspaceId: workspace.id, query: query! })),
);
