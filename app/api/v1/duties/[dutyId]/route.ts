import { apiRoute } from "@/lib/server/api/route";
import { getDutySpec, updateDutySpec } from "@/lib/server/api/specs/duties";
import { getDuty } from "@/lib/server/responsibilities/get-duty";
import { updateDuty } from "@/lib/server/responsibilities/update-duty";
import { apiJson } from "@/lib/server/systems/api-json";

export const GET = apiRoute(getDutySpec, async ({ workspace, params }) =>
  apiJson(await getDuty({ workspaceId: workspace.id, dutyId: params.dutyId })),
);

export const PATCH = apiRoute(updateDutySpec, async ({ workspace, actor, params, body }) =>
  apiJson(
    await updateDuty({
      workspaceId: workspace.id,
      actor,
      input: { ...body, dutyId: params.dutyId },
    }),
  ),
);
