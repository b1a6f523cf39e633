import { apiRoute } from "@/lib/server/api/route";
import { setStatementVisibilitySpec } from "@/lib/server/api/specs/statements";
import { setStatementVisibility } from "@/lib/server/statements/set-statement-visibility";
import { apiJson } from "@/lib/server/systems/api-json";

export const PUT = apiRoute(
  setStatementVisibilitySpec,
  async ({ workspace, actor, params, body }) =>
    apiJson(
      await setStatementVisibility({
        workspaceId: workspace.id,
        actor,
        statementId: params!.statementId,
        visibility: body!.visibility,
      }),
    ),
);
