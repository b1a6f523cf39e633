import { apiRoute } from "@/lib/server/api/route";
import { getStatementSpec } from "@/lib/server/api/specs/statements";
import { getProviderStatement } from "@/lib/server/statements/list-provider-statements";
import { apiJson } from "@/lib/server/systems/api-json";

export const GET = apiRoute(getStatementSpec, async ({ workspace, params }) =>
  apiJson(
    await getProviderStatement({ workspaceId: workspace.id, statementId: params!.statementId }),
  ),
);
