import { apiRoute } from "@/lib/server/api/route";
import { downloadExportSpec } from "@/lib/server/api/specs/exports";
import { recordDownload } from "@/lib/server/audit/record-download";
import { openExportDownload } from "@/lib/server/exports/open-export-download";

export const GET = apiRoute(downloadExportSpec, async ({ workspace, actor, params }) => {
  const response = await openExportDownload({
    workspaceId: workspace.id,
    exportId: params.exportId,
  });
  await recordDownload({
    workspaceId: workspace.id,
    actor,
    action: "export.download",
    entityType: "ExportJob",
    entityId: params.exportId,
    detail: { sha256: response.headers.get("x-checksum-sha256") },
  });
  return response;
});
