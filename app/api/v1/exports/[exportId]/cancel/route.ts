import { apiRoute } from "@/lib/server/api/route";
import { cancelExportSpec } from "@/lib/server/api/specs/exports";
import { cancelExportJob } from "@/lib/server/exports/cancel-export-job";

// The token acts for its creator: it cancels the exports that member started in the app; exports
// started through the API have no member, so cancelling them needs export.cancelAny.
export const POST = apiRoute(
  cancelExportSpec,
  async ({ workspace, role, actor, creatorId, params }) =>
    cancelExportJob({
      workspaceId: workspace.id,
      exportId: params.exportId,
      actor,
      actorUserId: creatorId,
      role,
    }),
);
