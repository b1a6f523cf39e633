import { apiRoute } from "@/lib/server/api/route";
import { createPlanSpec, listPlansSpec } from "@/lib/server/api/specs/plans";
import { createPlan } from "@/lib/server/plans/create-plan";
import { listPlans } from "@/lib/server/plans/list-plans";
import { apiJson } from "@/lib/server/systems/api-json";

export const GET = apiRoute(listPlansSpec, async ({ workspace, query }) => {
  const { page, ...filters } = query!;
  const result = await listPlans({ workspaceId: workspace.id, filters, page });
  const { rows, ...paging } = result;
  return apiJson({ ...paging, plans: rows });
});

export const POST = apiRoute(createPlanSpec, async ({ workspace, actor, creatorId, body }) =>
  apiJson(
    await createPlan({ workspaceId: workspace.id, actor, userId: creatorId, input: body! }),
    201,
  ),
);
