import { apiRoute } from "@/lib/server/api/route";
import { createSystemSpec, listSystemsSpec } from "@/lib/server/api/specs/systems";
import { apiJson } from "@/lib/server/systems/api-json";
import { listSystems } from "@/lib/server/systems/list-systems";
import { registerSystem } from "@/lib/server/systems/register-system";

export const GET = apiRoute(listSystemsSpec, async ({ workspace, query }) =>
  apiJson(await listSystems({ workspaceId: workspace.id, query: query! })),
);

export const POST = apiRoute(createSystemSpec, async ({ workspace, actor, body }) => {
  const system = await registerSystem({ workspaceId: workspace.id, actor, fields: body! });
  return apiJson({ id: system.id, counts: system.counts }, 201);
});
