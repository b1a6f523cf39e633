import { apiRoute } from "@/lib/server/api/route";
import { overrideResponsibilitySpec } from "@/lib/server/api/specs/responsibilities";
import { overrideResponsibility } from "@/lib/server/responsibilities/override-responsibility";
import { apiJson } from "@/lib/server/systems/api-json";

export const POST = apiRoute(
  overrideResponsibilitySpec,
  async ({ workspace, actor, params, body }) =>
    apiJson(
      await overrideResponsibility({
        workspaceId: workspace.id,
        actor,
        input: { ...body!, responsibilityId: params!.responsibilityId },
      }),
    ),
);
