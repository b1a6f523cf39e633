import { apiRoute } from "@/lib/server/api/route";
import { getSystemSpec, updateSystemSpec } from "@/lib/server/api/specs/systems";
import { apiJson } from "@/lib/server/systems/api-json";
import { getSystem } from "@/lib/server/systems/get-system";
import { updateSystem } from "@/lib/server/systems/update-system";

export const GET = apiRoute(getSystemSpec, async ({ workspace, params }) =>
  apiJson(await getSystem({ workspaceId: workspace.id, systemId: params!.systemId })),
);

export const PATCH = apiRoute(updateSystemSpec, async ({ workspace, actor, params, body }) =>
  apiJson(
    await updateSystem({
      workspaceId: workspace.id,
      actor,
      input: { ...body!, systemId: params!.systemId },
    }),
  ),
);
