import { apiRoute } from "@/lib/server/api/route";
import { updatePartSpec } from "@/lib/server/api/specs/responsibilities";
import { updatePart } from "@/lib/server/responsibilities/update-part";
import { apiJson } from "@/lib/server/systems/api-json";

export const PATCH = apiRoute(updatePartSpec, async ({ workspace, actor, params, body }) =>
  apiJson(
    await updatePart({
      workspaceId: workspace.id,
      actor,
      input: { ...body!, partId: params!.partId },
    }),
  ),
);
