import { apiRoute } from "@/lib/server/api/route";
import { publishStatementSpec } from "@/lib/server/api/specs/statements";
import { publishProviderStatement } from "@/lib/server/statements/publish-provider-statement";
import { apiJson } from "@/lib/server/systems/api-json";

export const POST = apiRoute(publishStatementSpec, async ({ workspace, actor, params }) =>
  apiJson(
    await publishProviderStatement({
      workspaceId: workspace.id,
      actor,
      statementId: params!.statementId,
    }),
    201,
  ),
);
