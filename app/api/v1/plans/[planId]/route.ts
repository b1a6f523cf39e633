import { apiRoute } from "@/lib/server/api/route";
import { getPlanSpec, updatePlanSpec } from "@/lib/server/api/specs/plans";
import { getPlan } from "@/lib/server/plans/get-plan";
import { updatePlan } from "@/lib/server/plans/update-plan";
import { apiJson } from "@/lib/server/systems/api-json";

export const GET = apiRoute(getPlanSpec, async ({ workspace, params }) =>
  apiJson(await getPlan({ workspaceId: workspace.id, planId: params!.planId })),
);

export const PATCH = apiRoute(
  updatePlanSpec,
  async ({ workspace, actor, creatorId, params, body }) =>
    apiJson(
      await updatePlan({
        workspaceId: workspace.id,
        actor,
        userId: creatorId,
        input: { ...body!, planId: params!.planId },
      }),
    ),
);
