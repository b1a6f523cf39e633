import { apiRoute } from "@/lib/server/api/route";
import { listTokensSpec } from "@/lib/server/api/specs/tokens";
import { apiJson } from "@/lib/server/systems/api-json";
import { listApiTokens } from "@/lib/server/tokens/list-api-tokens";

export const GET = apiRoute(listTokensSpec, async ({ workspace }) =>
  apiJson({ tokens: await listApiTokens(workspace.id) }),
);
