import { apiRoute } from "@/lib/server/api/route";
import { getDutySpec, updateDutySpec } from "@/lib/server/api/specs/duties";
import { getPart } from "@/lib/server/responsibilities/get-part";
import { updatePart } from "@/lib/server/responsibilities/update-part";
import { apiJson } from "@/lib/server/systems/api-json";

export const GET = apiRoute(getDutySpec, async ({ workspace, params }) =>
  apiJson(await getPart({ workspaceId: workspace.id, partId: params.dutyId })),
);

export const PATCH = apiRoute(updateDutySpec, async ({ workspace, actor, params, body }) =>
  apiJson(
    await updatePart({
      workspaceId: workspace.id,
      actor,
      input: { ...body, partId: params.dutyId },
    }),
  ),
);
