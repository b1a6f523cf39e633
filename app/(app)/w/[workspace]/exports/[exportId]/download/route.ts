import { toApiErrorResponse } from "@/lib/errors";
import { recordDownload } from "@/lib/server/audit/record-download";
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
    const response = await openExportDownload({
      workspaceId: auth.workspace.id,
      exportId: params.exportId,
    });
    await recordDownload({
      workspaceId: auth.workspace.id,
      actor: { type: "USER", id: auth.user.id, label: auth.user.email },
      action: "export.download",
      entityType: "ExportJob",
      entityId: params.exportId,
      detail: { sha256: response.headers.get("x-checksum-sha256") },
    });
    return response;
  } catch (error) {
    return toApiErrorResponse(error);
  }
}
