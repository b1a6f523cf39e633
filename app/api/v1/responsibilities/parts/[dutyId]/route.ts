import { apiRoute } from "@/lib/server/api/route";
import { deprecatedUpdateDutySpec } from "@/lib/server/api/specs/responsibilities";
import { updateDuty } from "@/lib/server/responsibilities/update-duty";
import { apiJson } from "@/lib/server/systems/api-json";

export const PATCH = apiRoute(
  deprecatedUpdateDutySpec,
  async ({ workspace, actor, params, body }) =>
    apiJson(
      await updateDuty({
        workspaceId: workspace.id,
        actor,
        input: { ...body!, dutyId: params!.dutyId },
      }),
    ),
);
