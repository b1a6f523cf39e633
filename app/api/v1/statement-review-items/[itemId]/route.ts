import { apiRoute } from "@/lib/server/api/route";
import { decideReviewItemSpec } from "@/lib/server/api/specs/statements";
import { decideReviewItem } from "@/lib/server/statements/decide-review-item";
import { apiJson } from "@/lib/server/systems/api-json";

export const PUT = apiRoute(decideReviewItemSpec, async ({ workspace, actor, params, body }) =>
  apiJson(
    await decideReviewItem({
      workspaceId: workspace.id,
      actor,
      itemId: params!.itemId,
      state: body!.state,
    }),
  ),
);
