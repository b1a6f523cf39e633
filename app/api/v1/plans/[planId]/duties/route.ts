import { apiRoute } from "@/lib/server/api/route";
import { addPlanDutiesSpec } from "@/lib/server/api/specs/plans";
import { addPlanDuties } from "@/lib/server/plans/add-plan-duties";
import { apiJson } from "@/lib/server/systems/api-json";

export const POST = apiRoute(
  addPlanDutiesSpec,
  async ({ workspace, actor, creatorId, params, body }) =>
    apiJson(
      await addPlanDuties({
        workspaceId: workspace.id,
        actor,
        userId: creatorId,
        input: { ...body!, planId: params!.planId },
      }),
    ),
);
