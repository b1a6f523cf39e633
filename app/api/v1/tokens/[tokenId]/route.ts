import { apiRoute } from "@/lib/server/api/route";
import { revokeTokenSpec } from "@/lib/server/api/specs/tokens";
import { revokeApiToken } from "@/lib/server/tokens/revoke-api-token";

export const DELETE = apiRoute(revokeTokenSpec, async ({ workspace, actor, params }) =>
  revokeApiToken({ workspaceId: workspace.id, actor, tokenId: params.tokenId }),
);
