import { apiRoute } from "@/lib/server/api/route";
import { revokeStatementSpec } from "@/lib/server/api/specs/statements";
import { revokeProviderStatement } from "@/lib/server/statements/revoke-provider-statement";
import { apiJson } from "@/lib/server/systems/api-json";

export const POST = apiRoute(revokeStatementSpec, async ({ workspace, actor, params }) =>
  apiJson(
    await revokeProviderStatement({
      workspaceId: workspace.id,
      actor,
      statementId: params!.statementId,
    }),
  ),
);
