import { apiRoute } from "@/lib/server/api/route";
import { createStatementSpec, listStatementsSpec } from "@/lib/server/api/specs/statements";
import { createProviderStatement } from "@/lib/server/statements/create-provider-statement";
import { listProviderStatements } from "@/lib/server/statements/list-provider-statements";
import { apiJson } from "@/lib/server/systems/api-json";

export const GET = apiRoute(listStatementsSpec, async ({ workspace }) =>
  apiJson({ statements: await listProviderStatements({ workspaceId: workspace.id }) }),
);

export const POST = apiRoute(createStatementSpec, async ({ workspace, actor, body }) =>
  apiJson(await createProviderStatement({ workspaceId: workspace.id, actor, input: body! }), 201),
);
