import { apiRoute } from "@/lib/server/api/route";
import { downloadExportSpec } from "@/lib/server/api/specs/exports";
import { openExportDownload } from "@/lib/server/exports/open-export-download";

export const GET = apiRoute(downloadExportSpec, async ({ workspace, params }) =>
  openExportDownload({ workspaceId: workspace.id, exportId: params.exportId }),
);
