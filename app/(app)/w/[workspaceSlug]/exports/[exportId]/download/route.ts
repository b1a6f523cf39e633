import { workspaceRoute } from "@/lib/auth/workspace-route";
import { toApiErrorResponse } from "@/lib/errors";
import { recordDownload } from "@/lib/server/audit/record-download";
import { openExportDownload } from "@/lib/server/exports/open-export-download";

type Params = { workspaceSlug: string; exportId: string };

export const GET = workspaceRoute<Params>({ permission: "export.download" }, async (context) => {
  const { params, auth } = context;
  try {
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
});
