import { apiRoute } from "@/lib/server/api/route";
import { closePlanSpec } from "@/lib/server/api/specs/plans";
import { closePlan } from "@/lib/server/plans/close-plan";
import { apiJson } from "@/lib/server/systems/api-json";

export const POST = apiRoute(closePlanSpec, async ({ workspace, actor, creatorId, params, body }) =>
  apiJson(
    await closePlan({
      workspaceId: workspace.id,
      actor,
      userId: creatorId,
      input: { ...body!, planId: params!.planId },
    }),
  ),
);
