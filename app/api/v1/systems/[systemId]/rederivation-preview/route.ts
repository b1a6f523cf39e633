import { apiRoute } from "@/lib/server/api/route";
import { previewRederivationSpec } from "@/lib/server/api/specs/systems";
import { apiJson } from "@/lib/server/systems/api-json";
import { previewRederivation } from "@/lib/server/systems/preview-rederivation";

export const POST = apiRoute(previewRederivationSpec, async ({ workspace, params, body }) =>
  apiJson(
    await previewRederivation({ workspaceId: workspace.id, systemId: params!.systemId, ...body! }),
  ),
);
