import { apiRoute } from "@/lib/server/api/route";
import { removePlanDutySpec } from "@/lib/server/api/specs/plans";
import { removePlanDuties } from "@/lib/server/plans/remove-plan-duties";
import { apiJson } from "@/lib/server/systems/api-json";

export const DELETE = apiRoute(removePlanDutySpec, async ({ workspace, actor, params }) =>
  apiJson(
    await removePlanDuties({
      workspaceId: workspace.id,
      actor,
      input: { planId: params!.planId, dutyIds: [params!.dutyId] },
    }),
  ),
);
