import { apiRoute } from "@/lib/server/api/route";
import { archiveSystemSpec } from "@/lib/server/api/specs/systems";
import { apiJson } from "@/lib/server/systems/api-json";
import { setSystemArchived } from "@/lib/server/systems/archive-system";

export const POST = apiRoute(archiveSystemSpec, async ({ workspace, actor, params, body }) => {
  const result = await setSystemArchived({
    workspaceId: workspace.id,
    actor,
    systemId: params!.systemId,
    archived: body!.archived,
  });
  return apiJson({ id: result.id, archivedAt: result.archivedAt });
});
