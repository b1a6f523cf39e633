import { apiRoute } from "@/lib/server/api/route";
import { bulkAssignOwnerSpec } from "@/lib/server/api/specs/responsibilities";
import { bulkAssignOwner } from "@/lib/server/responsibilities/bulk-assign-owner";

export const POST = apiRoute(bulkAssignOwnerSpec, async ({ workspace, actor, body }) =>
  bulkAssignOwner({ workspaceId: workspace.id, actor, input: body! }),
);
