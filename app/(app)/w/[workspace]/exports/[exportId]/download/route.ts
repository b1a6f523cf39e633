import { toApiErrorResponse } from "@/lib/errors";
import { openExportDownload } from "@/lib/server/exports/open-export-download";
import { workspaceRouteAuth } from "@/lib/server/exports/workspace-route-auth";

type Context = { params: Promise<{ workspace: string; exportId: string }> };

export async function GET(_request: Request, context: Context) {
  try {
    const params = await context.params;
    const auth = await workspaceRouteAuth({
      slug: params.workspace,
      permission: "export.download",
    });
    return await openExportDownload({ workspaceId: auth.workspace.id, exportId: params.exportId });
  } catch (error) {
    return toApiErrorResponse(error);
  }
}
